using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Taint;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;
using SecureDev.Tests;

namespace SecureDev.Analyzers.Tests.Taint;

/// <summary>
/// The engine's work on the benchmark's source set, counted rather than timed (counts do not depend on the machine's
/// load): most methods are never analyzed, and the analyses that run stay small.
/// </summary>
public class TaintCostTests
{
    [Fact]
    public void Only_methods_that_touch_a_source_are_analyzed()
    {
        // The templates that compile on the BCL alone (the industrial ones need the stand-ins and have no taint sources),
        // with the ordinary code of Plain/.
        var corpus = Repository.Path("benchmarks", "SecureDev.Benchmarks", "Corpus");
        var templates = Directory.GetFiles(corpus, "*.cs").Concat(Directory.GetFiles(Path.Combine(corpus, "Plain"), "*.cs"))
            .Where(f => !File.ReadLines(f).First().StartsWith("// corpus: stand-ins", StringComparison.Ordinal))
            .ToArray();
        var sources = new List<(string, string)>();
        for (var copy = 0; copy < 3; copy++)
        {
            sources.AddRange(templates.Select(f => ($"{Path.GetFileName(f)}{copy}", File.ReadAllText(f).Replace("Corpus.Template", $"Corpus.N{copy}", StringComparison.Ordinal))));
        }

        var compilation = TestCompilation.Create(sources);
        Assert.Empty(TestCompilation.Errors(compilation));
        var engine = TaintEngine.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), default);
        var methods = 0;
        var findings = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
            {
                var body = model.GetOperation(declaration);
                if (model.GetDeclaredSymbol(declaration) is not IMethodSymbol method || body is null)
                {
                    continue;
                }

                methods++;
                findings += engine.Findings(method, body, default).Length;
            }
        }

        var (graphs, summaries, roots, blocks) = (engine.Counters[0], engine.Counters[1], engine.Counters[2], engine.Counters[5]);
        Assert.True(findings > 0, "the source set has findings");
        Assert.True(roots * 3 <= methods, $"{roots} of {methods} methods analyzed on their own; expected at most a third");
        Assert.True(summaries <= roots, $"{summaries} summaries for {roots} analyzed methods");
        Assert.True(graphs <= summaries + 16, $"{graphs} graphs built beyond the driver's for {summaries} summaries");
        Assert.True(blocks <= roots * 40, $"{blocks} blocks evaluated for {roots} methods");
    }
}
