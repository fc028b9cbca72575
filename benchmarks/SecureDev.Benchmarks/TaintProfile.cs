using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Taint;

namespace SecureDev.Benchmarks;

/// <summary>
/// Where the taint engine's time and memory go, phase by phase, on one thread: the name-level reach pass, the control flow
/// graphs of the methods analyzed, and the flow analysis with its summaries. The operation trees are built first through
/// the semantic models the driver shares with analyzers, as the analyzer benchmark builds them (the driver builds every
/// member's tree anyway; their cost is shown for scale). The analyzer benchmark says how much the rules cost; this says why.
/// </summary>
public static class TaintProfile
{
    public static string Run(int lines, bool dense = false)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = SourceCorpus.Generate(lines, parse, dense: dense);
        var options = SourceCorpus.CompilationOptions;
        var report = new StringBuilder();
        // The last of three passes is reported: the first ones run the engine's code before the JIT has optimized it.
        for (var run = 0; run < 3; run++)
        {
            var fresh = CSharpCompilation.Create("Corpus", trees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), parse, t.FilePath)), References.All, options);
            fresh.GetDeclarationDiagnostics();
            // The compilation the driver hands analyzers: its semantic models are shared (and cached) between them.
            var compilation = fresh.WithAnalyzers(AnalyzerCost.ShippedAnalyzers().ToImmutableArray()).Compilation;
            report.Clear();
            Profile(compilation, report);
        }

        return report.ToString();
    }

    private static void Profile(Compilation compilation, StringBuilder report)
    {
        var phases = new Dictionary<string, (double Milliseconds, long Bytes)>();
        // Phases nest (the graphs are built inside the flow analysis): each phase is charged its own time and bytes, less
        // those of the phases measured inside it. Collection pauses are left out of every phase (they are reported apart).
        long childTicks = 0, childBytes = 0;
        var pauseTotal = TimeSpan.Zero;
        T Measure<T>(string phase, Func<T> action)
        {
            var (outerTicks, outerBytes) = (childTicks, childBytes);
            (childTicks, childBytes) = (0, 0);
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            var pauses = GC.GetTotalPauseDuration();
            var result = action();
            var paused = GC.GetTotalPauseDuration() - pauses;
            var elapsed = Stopwatch.GetTimestamp() - start - (long)(paused.TotalSeconds * Stopwatch.Frequency);
            pauseTotal += paused;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
            phases.TryGetValue(phase, out var sum);
            phases[phase] = (sum.Milliseconds + ((elapsed - childTicks) * 1000.0 / Stopwatch.Frequency), sum.Bytes + allocated - childBytes);
            (childTicks, childBytes) = (outerTicks + elapsed, outerBytes + allocated);
            return result;
        }

        Measure("operation trees of every member (the driver's, for scale)", () =>
        {
            AnalyzerCost.BuildOperationTrees(compilation);
            return 0;
        });
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        var engine = Measure("engine (specification, entry points)", () => TaintEngine.For(compilation, options, CancellationToken.None));
        Measure("name-level reach pass", () => engine.Reach);
        var roots = 0;
        var analyzed = 0;
        var findings = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            // The roots the rules take per file (TaintEngine.RootsIn), each analyzed as the first rule to ask would.
            var model = compilation.GetSemanticModel(tree);
            foreach (var method in Measure("roots of each file", () => engine.RootsIn(model, options, CancellationToken.None)))
            {
                if (engine.BodyFor(method, CancellationToken.None) is not { } body)
                {
                    continue;
                }

                roots++;
                var graphs = engine.Counters[2];
                var found = Measure("flow analysis incl. callee graphs and summaries", () => engine.Findings(method, body, CancellationToken.None, b => Measure("graphs of the methods analyzed", () => TaintEngine.GraphOf(b, CancellationToken.None))));
                analyzed += engine.Counters[2] - graphs;
                findings += found.Length;
            }
        }

        var invariant = CultureInfo.InvariantCulture;
        report.AppendLine(invariant, $"roots listed {roots}, analyzed {analyzed} (the others the screen cleared), findings {findings}");
        report.AppendLine(invariant, $"callee graphs {engine.Counters[0]}, summaries {engine.Counters[1]}, root analyses {engine.Counters[2]}, writer analyses {engine.Counters[3]}, fields {engine.Counters[4]}, blocks evaluated {engine.Counters[5]}");
        report.AppendLine(invariant, $"collection pauses (left out of the phases): {pauseTotal.TotalMilliseconds:0} ms");
        report.AppendLine("| Phase | ms | MB allocated |");
        report.AppendLine("| --- | ---: | ---: |");
        foreach (var (phase, (milliseconds, bytes)) in phases)
        {
            report.AppendLine(invariant, $"| {phase} | {milliseconds:0} | {bytes / 1048576.0:0.0} |");
        }
    }
}
