using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Taint;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Taint;

/// <summary>
/// The screen that spares a method in reach its graph and analysis when its tree holds no source or no sink: each case
/// says whether the method is analyzed on its own (the engine's root counter) and what it finds, so a screen that
/// drops a real flow fails here as well as in the matrix.
/// </summary>
public class FindingScreenTests
{
    private const string Usings = "using System; using System.IO; using System.Net; using System.Net.Sockets; using System.Diagnostics;\n";

    [Theory]
    // Names a source type and reads from it, but nothing it computes reaches a sink.
    [InlineData("int M(UdpClient client) { var remote = new IPEndPoint(IPAddress.Any, 0); return client.Receive(ref remote).Length; }")]
    // Catches Exception (a source type, by name) without a variable, and has no sink.
    [InlineData("bool M(string path) { try { return File.Exists(path); } catch (Exception) { return false; } }")]
    // A sink, but no value in it can come from a source: a parameter of a method that is no entry point, a constant.
    [InlineData("void M(string name) { Console.WriteLine(name); Process.Start(\"ping\", name); }")]
    public void Screened_out_when_the_tree_lacks_a_source_or_a_sink(string member)
    {
        var (analyzed, findings) = Analyze("class C { " + member + " }", "M");
        Assert.Equal(0, analyzed);
        Assert.Empty(findings);
    }

    [Theory]
    // A source and a sink in the method itself.
    [InlineData("class C { void M() { Process.Start(Console.ReadLine()!); } }", "M")]
    // The value arrives through a field that a member in reach filled from a source.
    [InlineData("class C { static string s = \"\"; static void Fill() { s = Console.ReadLine()!; } void M() { Process.Start(s); } }", "M")]
    // The source is in a callee (its summary), the sink here.
    [InlineData("class C { static string Read() => Console.ReadLine()!; void M() { Process.Start(Read()); } }", "M")]
    // The source is here, the sink in a callee (its summary's sink).
    [InlineData("class C { static void Run(string c) => Process.Start(c); void M() { Run(Console.ReadLine()!); } }", "M")]
    // The source is here, the sink inside a local function.
    [InlineData("class C { void M() { var c = Console.ReadLine()!; Run(); void Run() => Process.Start(c); } }", "M")]
    public void Analyzed_and_found_when_a_source_can_reach_a_sink(string source, string method)
    {
        var (analyzed, findings) = Analyze(source, method);
        Assert.Equal(1, analyzed);
        Assert.Contains(findings, f => f.Class == SinkClass.Command);
    }

    /// <summary>Asks the engine for one method's findings; returns how many methods it analyzed on their own, and the findings.</summary>
    private static (int Analyzed, ImmutableArray<Finding> Findings) Analyze(string source, string methodName)
    {
        var compilation = TestCompilation.Create(new[] { ("C.cs", Usings + source) });
        Assert.Empty(TestCompilation.Errors(compilation));
        var engine = TaintEngine.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), default);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == methodName);
        var method = (IMethodSymbol)model.GetDeclaredSymbol(declaration)!;
        var before = engine.Counters[2];
        var findings = engine.Findings(method, model.GetOperation(declaration)!, default);
        return (engine.Counters[2] - before, findings);
    }
}
