using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using SecureDev.Analyzers.Taint;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;
using SecureDev.Tests;

namespace SecureDev.Analyzers.Tests.Taint;

/// <summary>
/// Bodies without branches are analyzed in source order instead of over a control flow graph. That is only sound if
/// the two give the same result, so every straight-line body of the taint cases and of the benchmark's source set is
/// analyzed both ways here and the summaries compared; and the recognizer must refuse every form the graph splits.
/// </summary>
public class StraightLineTests
{
    private const string Usings = "using System; using System.Collections.Generic; using System.IO; using System.Linq; using System.Text;\n";

    [Theory]
    [InlineData("string M(string a) => a.Trim();")]
    [InlineData("string M(string a) { var b = a + \"x\"; var c = string.Concat(b, a); return c.ToUpperInvariant(); }")]
    [InlineData("void M(List<string> items, string a) { items.Add(a); items.Add($\"{a}:{a.Length}\"); }")]
    [InlineData("int M(int[] values, int i) { values[i] += 2; i++; return values[i] * 3 & 0xFF; }")]
    public void Accepts_statements_that_run_one_after_another(string member) =>
        Assert.True(StraightLine.Is(Body("class C { " + member + " }")), member);

    [Theory]
    [InlineData("string M(string a) { if (a.Length > 3) { return a; } return \"\"; }")]
    [InlineData("string M(string a) => a.Length > 3 ? a : \"\";")]
    [InlineData("string M(string? a) => a ?? \"\";")]
    [InlineData("int? M(string? a) => a?.Length;")]
    [InlineData("bool M(string a, int i) => i < a.Length && a[i] == 'x';")]
    [InlineData("bool M(object a) => a is string { Length: > 2 };")]
    [InlineData("Func<string> M(string a) => () => a;")]
    [InlineData("StringBuilder M(string a) => new StringBuilder { Capacity = a.Length };")]
    [InlineData("string M(string? a) => a ?? throw new ArgumentNullException(nameof(a));")]
    [InlineData("int M(string a) { int.TryParse(a, out var n); return n; }")]
    [InlineData("int[] M(int a) => [a, a];")]
    [InlineData("int M(string a) { using var reader = new StringReader(a); return reader.Peek(); }")]
    [InlineData("int M(int[] a) { var sum = 0; foreach (var x in a) { sum += x; } return sum; }")]
    [InlineData("string M(string a) { try { return a.Trim(); } catch (Exception) { return \"\"; } }")]
    [InlineData("int M(int a) { return a; Console.WriteLine(a); }")]
    public void Refuses_every_form_the_graph_splits(string member) =>
        Assert.False(StraightLine.Is(Body("class C { " + member + " }")), member);

    [Fact]
    public void Accepts_a_constructor_with_its_initializer() =>
        Assert.True(StraightLine.Is(Body("class B { public B(string s) { } } class C : B { string _a; C(string a) : base(a.Trim()) { _a = a; } }", "C")));

    [Fact]
    public void Straight_line_analysis_equals_the_graph_analysis()
    {
        var compared = 0;
        foreach (var compilation in SourceSets())
        {
            Assert.Empty(TestCompilation.Errors(compilation));
            var engine = TaintEngine.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), default);
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
                {
                    if (model.GetOperation(declaration) is not { } body || !StraightLine.Is(body) || model.GetDeclaredSymbol(declaration) is not IMethodSymbol method)
                    {
                        continue;
                    }

                    var graph = ControlFlowGraph.Create(declaration, model)!;
                    var viaGraph = Summarize(method, (context, collector) => new MethodAnalysis(engine, context, AnalysisMode.Summary, collector, graph, ImmutableArray<IMethodSymbol>.Empty, default));
                    var inOrder = Summarize(method, (context, collector) => new MethodAnalysis(engine, context, AnalysisMode.Summary, collector, null, ImmutableArray<IMethodSymbol>.Empty, default, straightLine: body));
                    Assert.True(viaGraph == inOrder, $"{method.ToDisplayString()} in {tree.FilePath}:\ngraph:    {viaGraph}\nin order: {inOrder}");
                    compared++;
                }
            }
        }

        Assert.True(compared > 100, $"only {compared} straight-line bodies compared");
    }

    /// <summary>A summary's parts (returned value, parameters and receiver at the exit, sinks, field writes) from the engine's summary entry, as text, for comparison.</summary>
    private static string Summarize(IMethodSymbol method, Func<SecureDev.Analyzers.Taint.AnalysisContext, Collector, MethodAnalysis> create)
    {
        var collector = new Collector();
        var analysis = create(new SecureDev.Analyzers.Taint.AnalysisContext(), collector);
        var returned = analysis.Run(TaintEngine.SummaryEntry(method));
        var parts = new List<string> { "return " + Describe(returned) };
        foreach (var pair in analysis.ExitState!.Entries.Where(e => e.Key is ISymbol || ReferenceEquals(e.Key, TaintState.ReceiverKey)))
        {
            parts.Add((pair.Key is ISymbol symbol ? symbol.Name : "this") + " " + Describe(pair.Value));
        }

        parts.AddRange(collector.Sinks.Select(s => $"sink {s.Class} {s.Location.SourceSpan} {s.Sink} {Describe(s.Taint)} {Describe(s.PeerCondition)}"));
        parts.AddRange(collector.FieldWrites(concreteOnly: false).Select(f => $"field {f.Key.Name} {Describe(f.Value)}"));
        parts.Sort(StringComparer.Ordinal);
        return string.Join("; ", parts);
    }

    private static string Describe(SecureDev.Analyzers.Taint.Taint? taint) =>
        taint is null ? "-" : string.Join(",", Enumerable.Range(0, taint.Count).Select(i => $"{taint.OriginAt(i).Description}@{taint.OriginAt(i).Location?.SourceSpan}:{taint.BitsAt(i)}"));

    private static IEnumerable<Compilation> SourceSets()
    {
        var corpus = Repository.Path("benchmarks", "SecureDev.Benchmarks", "Corpus");
        yield return TestCompilation.Create(Directory.GetFiles(corpus, "*.cs").Concat(Directory.GetFiles(Path.Combine(corpus, "Plain"), "*.cs"))
            .Where(f => !File.ReadLines(f).First().StartsWith("// corpus: stand-ins", StringComparison.Ordinal))
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f))));

        var library = TestCompilation.Library(TaintLibraries.All.Append("Taint/StubsAcme.cs").Select(f => (f, File.ReadAllText(Path.Combine(AnalyzerVerifier.CasesDirectory, f)))));
        foreach (var family in new[] { "Injection", "Availability", "Taint" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AnalyzerVerifier.CasesDirectory, family), "*.cs").Where(f => !Path.GetFileName(f).StartsWith("Stubs", StringComparison.Ordinal)))
            {
                yield return TestCompilation.Create(new[] { (Path.GetFileName(file), File.ReadAllText(file)) }, extraReferences: new[] { library });
            }
        }
    }

    private static IOperation Body(string source, string type = "C")
    {
        var compilation = TestCompilation.Create(new[] { ("C.cs", Usings + source) });
        var tree = compilation.SyntaxTrees.Single();
        var declaration = tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>()
            .Last(d => d.Parent is ClassDeclarationSyntax { Identifier.ValueText: var name } && name == type);
        return compilation.GetSemanticModel(tree).GetOperation(declaration)!;
    }
}
