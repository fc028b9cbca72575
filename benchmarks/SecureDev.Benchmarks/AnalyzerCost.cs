using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureDev.Analyzers.Common;

namespace SecureDev.Benchmarks;

/// <summary>
/// Whole-compilation measurement over the generated source set, on fresh compilations of freshly parsed files: the
/// compile without analyzers (parse, bind, check, emit with PDB, as csc); the same compile with every SecureDev analyzer
/// (what a build pays, including the operation trees the analyzers need); and each analyzer's own time in a sequential
/// pass (<see cref="MeasuredAnalyzer"/>). Tables give the fastest run (on a shared machine noise only ever adds time) and
/// the median.
/// </summary>
public static class AnalyzerCost
{
    /// <param name="Runs">The analyzer's own time in each measured run, in run order.</param>
    /// <param name="Calls">Callbacks the driver made into the analyzer in one pass (the same every pass).</param>
    /// <param name="Bytes">Bytes its callbacks allocated in the last pass.</param>
    public sealed record Row(string Analyzer, string Rules, IReadOnlyList<double> Runs, long Calls, long Bytes)
    {
        /// <summary>The fastest run.</summary>
        public double Milliseconds => Runs.Count == 0 ? 0 : Runs.Min();
    }

    /// <param name="CompileWithDriverMilliseconds">The compile with one empty operation analyzer: the analyzer driver's own cost
    /// (semantic models, operation trees), which every build already pays for the SDK's built-in analyzers.</param>
    /// <param name="CompileMilliseconds">The fastest compile without analyzers; <paramref name="CompileMedianMilliseconds"/> the median one.</param>
    /// <param name="SingleThreadCompileMilliseconds">The fastest compile without analyzers on one thread, the same work as
    /// <paramref name="CompileMilliseconds"/> measured as the analyzers' own time is: on one thread;
    /// <paramref name="SingleThreadCompileMedianMilliseconds"/> the median one.</param>
    /// <param name="TimingOverheadNanoseconds">What timing a callback added to it (median over the passes), subtracted from every callback.</param>
    public sealed record Result(int Files, int Lines, double CompileMilliseconds, double CompileMedianMilliseconds, double CompileWithDriverMilliseconds, double CompileWithAnalyzersMilliseconds, IReadOnlyList<Row> Rows, int Diagnostics, double SingleThreadCompileMilliseconds, double SingleThreadCompileMedianMilliseconds, double TimingOverheadNanoseconds, double SecurityShare)
    {
        public double AllAnalyzersMilliseconds => Rows.Sum(r => r.Milliseconds);

        public double AddedOverDriverPercent => 100 * (CompileWithAnalyzersMilliseconds - CompileWithDriverMilliseconds) / CompileWithDriverMilliseconds;

        public double DriverPercent => 100 * (CompileWithDriverMilliseconds - CompileMilliseconds) / CompileMilliseconds;
    }

    public static IReadOnlyList<DiagnosticAnalyzer> ShippedAnalyzers() => typeof(SecureDevAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .OrderBy(a => a.GetType().Name, StringComparer.Ordinal)
        .ToArray();

    /// <param name="only">Rule id prefixes (SD4, SD1001): measure just the analyzers that report one of them.</param>
    /// <param name="dense">The source set without its ordinary code (<see cref="SourceCorpus.Generate"/>).</param>
    public static async Task<Result> MeasureAsync(int lines, int runs, TextWriter progress, bool standIns = false, IReadOnlyList<string>? only = null, bool dense = false)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = SourceCorpus.Generate(lines, parse, standIns, dense);
        var options = SourceCorpus.CompilationOptions;
        var errors = CSharpCompilation.Create("Corpus", trees, References.All, options).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The generated source set does not compile:\n" + string.Join("\n", errors));
        }

        // The files as csc reads them: text with its encoding (a PDB records each file's checksum).
        var texts = trees.Select(t => (Path: t.FilePath, Text: SourceText.From(t.GetText().ToString(), Encoding.UTF8))).ToArray();
        var analyzers = ShippedAnalyzers()
            .Where(a => only is null || a.SupportedDiagnostics.Any(d => only.Any(prefix => d.Id.StartsWith(prefix, StringComparison.Ordinal))))
            .ToArray();
        var compileTimes = new List<double>();
        var singleThreadCompileTimes = new List<double>();
        var withAnalyzersTimes = new List<double>();
        var withDriverTimes = new List<double>();
        var perAnalyzer = analyzers.ToDictionary(a => a, _ => new List<double>());
        var work = new Dictionary<DiagnosticAnalyzer, (long Calls, long Bytes)>();
        var diagnostics = 0;
        var overheads = new List<double>();
        // Every pass parses the files again: a cache an analyzer keeps per syntax tree (the taint engine's reading of a
        // file) must not carry over from one run to the next, as it never does from one csc process to the next.
        CSharpCompilation Fresh() => CSharpCompilation.Create("Corpus", texts.Select(t => CSharpSyntaxTree.ParseText(t.Text, parse, t.Path)), References.All, options);
        // Three warm-up runs: the analyzers' code starts on the JIT's first tier and reaches its optimized tier only after
        // enough calls; with fewer, the first measured runs came out a half to twice as slow as the rest.
        const int warmUps = 3;
        for (var run = 1 - warmUps; run <= runs; run++)
        {
            var compile = TimeCompile(texts, parse, options);
            var singleThreadCompile = TimeCompile(texts, parse, options.WithConcurrentBuild(false));

            // What a build pays: the analyzers run concurrently with each other, as csc runs them.
            var driver = await TimeCompileAsync(Fresh(), new DiagnosticAnalyzer[] { new EmptyOperationAnalyzer() });
            var (total, found) = await TimeCompileAsync(Fresh(), analyzers);

            // The own time in a pass with the compiler on one thread too: with a concurrent build it binds and emits on
            // every core while a callback runs, and on a two-core machine its threads preempt the callback, whose wall
            // time then counts the compiler's work as the analyzer's.
            var (own, overhead, collections) = await AttributeAsync(Fresh().WithOptions(options.WithConcurrentBuild(false)), analyzers);
            progress.WriteLine($"run {run}: compile {compile:0} ms (on one thread {singleThreadCompile:0} ms), with the empty analyzer {driver.Milliseconds:0} ms, with SecureDev {total:0} ms, own time of the analyzers measured {own.Values.Sum(o => o.Milliseconds):0} ms (timing overhead {overhead:0.0} ns per callback taken out; {collections}){(run <= 0 ? " (warm-up, not counted)" : "")}");
            if (run <= 0)
            {
                diagnostics = found.Count(d => d.Id.StartsWith("SD", StringComparison.Ordinal));
                continue;
            }

            compileTimes.Add(compile);
            overheads.Add(overhead);
            singleThreadCompileTimes.Add(singleThreadCompile);
            withDriverTimes.Add(driver.Milliseconds);
            withAnalyzersTimes.Add(total);
            foreach (var analyzer in analyzers)
            {
                perAnalyzer[analyzer].Add(own[analyzer].Milliseconds);
                work[analyzer] = (own[analyzer].Calls, own[analyzer].Bytes);
            }
        }

        var rows = analyzers
            .Select(a => new Row(a.GetType().Name, string.Join(" ", a.SupportedDiagnostics.Select(d => d.Id).Distinct()), perAnalyzer[a], work.GetValueOrDefault(a).Calls, work.GetValueOrDefault(a).Bytes))
            .ToList();
        return new Result(trees.Count, SourceCorpus.CountLines(trees), Fastest(compileTimes), Statistics.Median(compileTimes), Fastest(withDriverTimes), Fastest(withAnalyzersTimes), rows, diagnostics, Fastest(singleThreadCompileTimes), Statistics.Median(singleThreadCompileTimes), Statistics.Median(overheads), SourceCorpus.SecurityShare(trees));
    }

    /// <summary>
    /// Each analyzer's own time in one sequential pass (callbacks never overlap, so the times add up), measured by
    /// <see cref="MeasuredAnalyzer"/>: time inside its callbacks less the collection pauses that fell there, plus its
    /// share of the pass's pauses by the bytes it allocated, less what the timing adds to each callback (measured just
    /// before the pass, returned in nanoseconds). Before the analyzers' callbacks the compiler's own set-up is done
    /// (references bound, declaration table merged) and every member's operation tree is built through the semantic
    /// models the driver shares with the analyzers (<see cref="OperationTreeBuilder"/>): csc does the first before
    /// analyzers start, and the driver builds every member's operation tree anyway (any analyzer with operation actions
    /// needs it, the SDK's own among them), so the analyzer that happens to ask first for a callee's body is not charged
    /// for binding it.
    /// </summary>
    private static async Task<(Dictionary<DiagnosticAnalyzer, (double Milliseconds, long Calls, long Bytes)> Own, double OverheadNanoseconds, string Collections)> AttributeAsync(Compilation compilation, IReadOnlyList<DiagnosticAnalyzer> analyzers)
    {
        compilation.GetDeclarationDiagnostics();
        var measured = analyzers.Select(a => new MeasuredAnalyzer(a)).ToArray();
        var withAnalyzers = compilation.WithAnalyzers(
            measured.ToImmutableArray<DiagnosticAnalyzer>().Insert(0, new OperationTreeBuilder()),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var overhead = MeasuredAnalyzer.TimingOverheadTicks();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var pauses = GC.GetTotalPauseDuration();
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var passPauses = (GC.GetTotalPauseDuration() - pauses).TotalMilliseconds;
        var passBytes = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        var own = measured.ToDictionary(m => m.Inner, m => (m.Cost.OwnMilliseconds(passPauses, passBytes, overhead), m.Cost.Calls, m.Cost.Bytes));
        var collections = $"collection pauses {passPauses:0} ms, {measured.Sum(m => m.Cost.PauseMilliseconds):0} ms of them inside callbacks; {passBytes / 1048576.0:0} MB allocated, {measured.Sum(m => m.Cost.Bytes) / 1048576.0:0} MB by the analyzers";
        return (own, overhead * 1e9 / Stopwatch.Frequency, collections);
    }

    /// <summary>The operation tree of every member with code, through the compilation's shared semantic models.</summary>
    public static void BuildOperationTrees(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes(n => n is not (BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax)))
            {
                if (node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or EqualsValueClauseSyntax
                    || node is ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax })
                {
                    model.GetOperation(node);
                }
            }
        }
    }

    /// <summary>
    /// The compile a build runs without analyzers, as csc does it: parse every file, then bind, check and emit the
    /// assembly and its portable PDB in one pass (binding once: Emit reports the diagnostics too).
    /// </summary>
    private static double TimeCompile(IReadOnlyList<(string Path, SourceText Text)> texts, CSharpParseOptions parse, CSharpCompilationOptions options)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        var parsed = texts.Select(t => CSharpSyntaxTree.ParseText(t.Text, parse, t.Path)).ToArray();
        var result = CSharpCompilation.Create("Corpus", parsed, References.All, options)
            .Emit(Stream.Null, Stream.Null, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(debugInformationFormat: Microsoft.CodeAnalysis.Emit.DebugInformationFormat.PortablePdb));
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (!result.Success)
        {
            throw new InvalidOperationException("The generated source set does not emit:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }

        return elapsed;
    }

    private static async Task<(double Milliseconds, ImmutableArray<Diagnostic> Diagnostics)> TimeCompileAsync(Compilation compilation, IReadOnlyList<DiagnosticAnalyzer> analyzers)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        var found = await compilation.WithAnalyzers(
                analyzers.ToImmutableArray(),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync();
        compilation.Emit(Stream.Null);
        return (watch.Elapsed.TotalMilliseconds, found);
    }

    /// <summary>A harness analyzer that reports nothing: it skips generated code and runs concurrently, as SecureDev's do.</summary>
    internal abstract class SilentAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Unused = new("BENCH0", "unused", "unused", "Benchmark", DiagnosticSeverity.Hidden, true);

        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Unused);

        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            Register(context);
        }

        protected abstract void Register(AnalysisContext context);
    }

    /// <summary>
    /// Builds every member's operation tree when the driver starts, before any analyzer callback: the driver analyzes a
    /// compilation of its own (not <see cref="CompilationWithAnalyzers.Compilation"/>), so only a compilation start
    /// action reaches its semantic models. Not measured.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class OperationTreeBuilder : SilentAnalyzer
    {
#pragma warning disable RS1012 // The start action's work is its side effect on the driver's semantic models.
        protected override void Register(AnalysisContext context) => context.RegisterCompilationStartAction(start => BuildOperationTrees(start.Compilation));
#pragma warning restore RS1012
    }

    /// <summary>Registers one operation action that does nothing: what remains is the analyzer driver's own cost.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class EmptyOperationAnalyzer : SilentAnalyzer
    {
        protected override void Register(AnalysisContext context) => context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
    }

    public static string ToMarkdown(Result result)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"Source set: {result.Files} files, {result.Lines:N0} lines ({result.SecurityShare:0} % in templates that use security APIs); compile without analyzers (parse, bind, check, emit with PDB, as csc): fastest {result.CompileMilliseconds:0} ms, median {result.CompileMedianMilliseconds:0} ms, on one thread fastest {result.SingleThreadCompileMilliseconds:0} ms, median {result.SingleThreadCompileMedianMilliseconds:0} ms; {result.Diagnostics} SecureDev diagnostics.");
        text.AppendLine();
        text.AppendLine("| Analyzer | Rules | Time (ms) | % of compile | Callbacks | MB allocated |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var row in result.Rows.OrderByDescending(r => r.Milliseconds))
        {
            text.AppendLine(invariant, $"| {row.Analyzer} | {row.Rules} | {row.Milliseconds:0.0} | {100 * row.Milliseconds / result.CompileMilliseconds:0.00} | {row.Calls:N0} | {row.Bytes / 1048576.0:0.0} |");
        }

        text.AppendLine(invariant, $"| **all SecureDev analyzers (sum of their fastest runs)** | | **{result.AllAnalyzersMilliseconds:0.0}** | **{100 * result.AllAnalyzersMilliseconds / result.CompileMilliseconds:0.00}** | {result.Rows.Sum(r => r.Calls):N0} | {result.Rows.Sum(r => r.Bytes) / 1048576.0:0.0} |");
        text.AppendLine();

        // By family (the first digit of the rule id), summed run by run: the taint engine's shared work is charged to the
        // first taint rule that runs, so only the family's sum is meaningful for SD4xxx and SD7xxx. Then the two groups the
        // speed targets name: the pattern rules (SD1, SD2, SD3, SD6, SD8) and the taint rules (SD4, SD7). The fastest run
        // shows the cost with the least interference from the shared machine (set against the fastest compile); the median,
        // what a run typically sees (against the median compile). The analyzers' own time is work on one thread, the
        // compile's wall time work spread over every core; the columns against the compile on one thread compare the two
        // on the same footing, whatever the number of cores.
        text.AppendLine("| Family | Fastest run (ms) | % of compile | % of compile on one thread | Median run (ms) | % of compile | % of compile on one thread |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        var families = result.Rows.GroupBy(r => Family(r.Rules)).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        families.AddRange(result.Rows.GroupBy(r => RuleGroups.Of(r.Rules)).OrderBy(g => g.Key, StringComparer.Ordinal));
        families.AddRange(result.Rows.GroupBy(_ => "all"));
        foreach (var family in families)
        {
            var runs = RunTotals(family);
            text.AppendLine(invariant, $"| {family.Key} | {runs.Min():0.0} | {100 * runs.Min() / result.CompileMilliseconds:0.00} | {100 * runs.Min() / result.SingleThreadCompileMilliseconds:0.00} | {Statistics.Median(runs):0.0} | {100 * Statistics.Median(runs) / result.CompileMedianMilliseconds:0.00} | {100 * Statistics.Median(runs) / result.SingleThreadCompileMedianMilliseconds:0.00} |");
        }

        text.AppendLine();
        text.AppendLine(invariant, $"Timing a callback added {result.TimingOverheadNanoseconds:0.0} ns to it (measured on an empty callback before each pass, median over the passes); that much is taken out of every callback, {result.Rows.Sum(r => r.Calls) * result.TimingOverheadNanoseconds / 1e6:0.0} ms over all of them in a pass.");
        text.AppendLine(invariant, $"Compile with one empty operation analyzer (the driver cost every build pays for the SDK's own analyzers): {result.CompileWithDriverMilliseconds:0} ms ({result.DriverPercent:+0.0;-0.0;0.0} % over no analyzers).");
        text.AppendLine(invariant, $"Compile with every SecureDev analyzer: {result.CompileWithAnalyzersMilliseconds:0} ms, {result.AddedOverDriverPercent:+0.0;-0.0;0.0} % over the empty analyzer.");
        return text.ToString();
    }

    private static string Family(string rules) => rules.Length >= 3 ? rules.Substring(0, 3) + "xxx" : rules;

    private static double Fastest(List<double> values) => values.Count == 0 ? 0 : values.Min();

    private static List<double> RunTotals(IEnumerable<Row> rows)
    {
        var list = rows.ToList();
        var runs = list.Count == 0 ? 0 : list[0].Runs.Count;
        return Enumerable.Range(0, runs).Select(run => list.Sum(r => r.Runs[run])).ToList();
    }

}
