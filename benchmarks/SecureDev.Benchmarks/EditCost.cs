using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureDev.Analyzers.Taint;

namespace SecureDev.Benchmarks;

/// <summary>
/// What SecureDev adds to the IDE's work after an edit. An edit makes a new compilation, and the IDE analyzes the open
/// document again on it: the compiler's diagnostics of the document, and the analyzers' diagnostics of that document
/// alone (<see cref="CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(SemanticModel, TextSpan?, CancellationToken)"/>).
/// Nothing bound survives an edit, so each measurement runs on a compilation of its own with the document edited: the
/// taint rules pay their reach pass over the whole compilation there, and bind whatever callees in other files they
/// follow. Per document: the compiler's diagnostics; the driver with one empty operation analyzer (the operation trees
/// that any analyzer with operation actions makes the IDE build, the SDK's included); every SecureDev rule; the taint
/// rules alone; and the taint engine's reach pass on its own; each the fastest of three.
/// </summary>
public static class EditCost
{
    /// <param name="Reach">The taint engine's reach pass over the whole edited compilation, on its own (part of <paramref name="TaintRules"/>).</param>
    public sealed record Sample(string File, double Compiler, double Driver, double EveryRule, double TaintRules, double Reach)
    {
        /// <summary>What SecureDev's rules add to the document's analysis, over the driver's own work.</summary>
        public double Added => EveryRule - Driver;
    }

    public static async Task<IReadOnlyList<Sample>> MeasureAsync(int lines, int documents, TextWriter progress)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = SourceCorpus.Generate(lines, parse);
        var options = SourceCorpus.CompilationOptions;
        var compilation = CSharpCompilation.Create("Corpus", trees, References.All, options);
        var every = AnalyzerCost.ShippedAnalyzers().ToImmutableArray();
        var taint = every.Where(a => a is TaintRuleAnalyzer).ToImmutableArray();
        var driver = ImmutableArray.Create<DiagnosticAnalyzer>(new AnalyzerCost.EmptyOperationAnalyzer());

        // Documents taken from each template in turn (the source set repeats the templates in order, copy after copy).
        var byTemplate = trees.GroupBy(t => Regex.Replace(t.FilePath, @"\d+\.cs$", ""), StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        var chosen = Enumerable.Range(0, documents).Select(i =>
        {
            var copies = byTemplate[i % byTemplate.Count];
            return copies[i / byTemplate.Count % copies.Count];
        }).ToList();
        // An IDE's analysis process is long-lived: the warm-ups take the analyzers' and the compiler's code to the JIT's
        // optimized tier first (with three, the first measured documents still took twice as long as the rest).
        const int warmUps = 15;
        var samples = new List<Sample>();
        for (var index = -warmUps; index < chosen.Count; index++)
        {
            var tree = chosen[(index + chosen.Count) % chosen.Count];
            var sample = new Sample(
                Path.GetFileName(tree.FilePath),
                await FastestAsync(() => Time(() =>
                {
                    var (edited, document) = Edit(compilation, tree);
                    edited.GetSemanticModel(document).GetDiagnostics();
                    return Task.CompletedTask;
                })),
                await FastestAsync(() => AnalyzeAsync(compilation, tree, driver)),
                await FastestAsync(() => AnalyzeAsync(compilation, tree, every)),
                await FastestAsync(() => AnalyzeAsync(compilation, tree, taint)),
                await FastestAsync(() => Time(() =>
                {
                    var (edited, _) = Edit(compilation, tree);
                    _ = TaintEngine.For(edited, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None).Reach;
                    return Task.CompletedTask;
                })));
            progress.WriteLine($"{sample.File}: compiler {sample.Compiler:0.0} ms, driver {sample.Driver:0.0} ms, every SecureDev rule {sample.EveryRule:0.0} ms, taint rules {sample.TaintRules:0.0} ms (reach pass {sample.Reach:0.0} ms){(index < 0 ? " (warm-up, not counted)" : "")}");
            if (index >= 0)
            {
                samples.Add(sample);
            }
        }

        return samples;
    }

    /// <summary>The fastest of three measurements, each on a compilation of its own (noise on a shared machine only adds time).</summary>
    private static async Task<double> FastestAsync(Func<Task<double>> measure)
    {
        var fastest = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            fastest = Math.Min(fastest, await measure());
        }

        return fastest;
    }

    /// <summary>The compilation with <paramref name="tree"/> edited (a line added at its end), and the edited tree.</summary>
    private static (Compilation Compilation, SyntaxTree Document) Edit(Compilation compilation, SyntaxTree tree)
    {
        var text = tree.GetText();
        var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(text.Length, 0), "\n// edited\n")));
        return (compilation.ReplaceSyntaxTree(tree, edited), edited);
    }

    private static Task<double> AnalyzeAsync(Compilation compilation, SyntaxTree tree, ImmutableArray<DiagnosticAnalyzer> analyzers) => Time(async () =>
    {
        var (edited, document) = Edit(compilation, tree);
        var withAnalyzers = edited.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(withAnalyzers.Compilation.GetSemanticModel(document), null, CancellationToken.None);
    });

    private static async Task<double> Time(Func<Task> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed.TotalMilliseconds;
    }

    public static string ToMarkdown(IReadOnlyList<Sample> samples, int lines)
    {
        var invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(invariant, $"{samples.Count} documents of the {lines:N0}-line source set, each edited on a compilation of its own (fastest of three); milliseconds per document.");
        text.AppendLine();
        text.AppendLine("| Work on the edited document | Median | 90th percentile | Slowest |");
        text.AppendLine("| --- | ---: | ---: | ---: |");
        Row("the compiler's diagnostics", s => s.Compiler);
        Row("the driver with one empty operation analyzer", s => s.Driver);
        Row("the driver with every SecureDev rule", s => s.EveryRule);
        Row("the driver with the taint rules alone", s => s.TaintRules);
        Row("the taint engine's reach pass over the compilation, alone", s => s.Reach);
        Row("**added by every SecureDev rule** (every rule less the driver, per document)", s => s.Added);
        var slowest = samples.OrderByDescending(s => s.Added).First();
        text.AppendLine();
        text.AppendLine(invariant, $"Slowest document for SecureDev: {slowest.File} ({slowest.Added:0.0} ms added; the compiler's diagnostics {slowest.Compiler:0.0} ms).");
        return text.ToString();

        void Row(string name, Func<Sample, double> value)
        {
            var sorted = samples.Select(value).OrderBy(v => v).ToList();
            var p90 = sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(0.9 * sorted.Count) - 1)];
            text.AppendLine(invariant, $"| {name} | {Statistics.Median(sorted):0.0} | {p90:0.0} | {sorted[^1]:0.0} |");
        }
    }
}
