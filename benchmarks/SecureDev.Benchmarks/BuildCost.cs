using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using SecureDev.Analyzers.Common;

namespace SecureDev.Benchmarks;

/// <summary>
/// What a build pays, measured with the compiler a build runs: the SDK's csc on the generated source set written to disk,
/// either as a process per compile (a build with UseSharedCompilation=false, or a compiler server's first compile) or
/// through a compiler server of its own, warmed by three uncounted runs (what `dotnet build` does by default). Compiles, each the fastest of several runs: no analyzers; the SDK's own analyzers with the
/// configuration a default net10.0 build gives them (what every build already pays); and those plus every SecureDev
/// analyzer, or plus the pattern or the taint rules alone. csc runs the analyzers concurrently with compiling, on the compilation it is building, so this is the
/// figure the "no build more than 10 % slower" target is about. A last compile with /reportanalyzer gives csc's own
/// account of each analyzer's time.
/// </summary>
public static partial class BuildCost
{
    /// <summary>A compile with SecureDev: every rule, or one group (the others turned off as a user would, severity none).</summary>
    /// <param name="Added">Per run, what SecureDev added to the compile with the SDK's analyzers of the same run, in percent:
    /// a slow spell of the shared machine slows both compiles of a run.</param>
    public sealed record Variant(string Name, double Milliseconds, IReadOnlyList<double> Added)
    {
        public double MedianAddedPercent => Statistics.Median(Added);
    }

    /// <param name="Variants">Every SecureDev rule first, then the pattern and the taint rules alone.</param>
    /// <param name="Server">Compiled through a compiler server, not a csc process per compile.</param>
    public sealed record Result(int Files, int Lines, double CompileMilliseconds, double WithSdkAnalyzersMilliseconds, IReadOnlyList<Variant> Variants, IReadOnlyList<(string Analyzer, double Seconds)> Reported, double SecurityShare, bool Server)
    {
        /// <summary>Between the fastest compile of each kind.</summary>
        public double AddedPercent(Variant variant) => 100 * (variant.Milliseconds - WithSdkAnalyzersMilliseconds) / WithSdkAnalyzersMilliseconds;
    }

    /// <summary>Every rule, then the groups the speed targets name alone (by rule id prefix; null: every rule).</summary>
    private static readonly (string Name, string[]? Prefixes)[] Groups = RuleGroups.All
        .Where(group => group.HasTarget)
        .Select(group => ("SecureDev's " + group.Name + " alone", (string[]?)group.Prefixes))
        .Prepend(("every SecureDev analyzer", null))
        .ToArray();

    /// <param name="analyzerAssembly">The SecureDev analyzer assembly to measure; the one the benchmark is built with when null.</param>
    /// <param name="dense">The source set without its ordinary code (<see cref="SourceCorpus.Generate"/>).</param>
    /// <param name="server">Compile through a compiler server of the benchmark's own (a pipe of its own, shut down at the end).</param>
    /// <param name="everyRuleOnly">Only the compiles the whole-build target compares (no analyzers, the SDK's, every SecureDev rule), so more runs fit in the same time.</param>
    public static Result Measure(int lines, int runs, TextWriter progress, string? analyzerAssembly = null, bool dense = false, bool server = false, bool everyRuleOnly = false)
    {
        var paths = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "sdk-compiler.txt"));
        var csc = Path.GetFullPath(paths[0]);
        var sdkAnalyzers = Path.GetFullPath(paths[1]);
        var trees = SourceCorpus.Generate(lines, new CSharpParseOptions(LanguageVersion.Preview), dense: dense);
        var work = Path.Combine(Path.GetTempPath(), "securedev-build-benchmark-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var pipe = server ? "securedev-benchmark-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) : null;
        Directory.CreateDirectory(work);
        try
        {
            var sources = new List<string>();
            foreach (var tree in trees)
            {
                var file = Path.Combine(work, tree.FilePath);
                File.WriteAllText(file, tree.GetText().ToString(), new UTF8Encoding(false));
                sources.Add(file);
            }

            var common = new List<string>
            {
                "/noconfig", "/nologo", "/nostdlib+", "/target:library", "/optimize+", "/deterministic+", "/debug:portable",
                "/nullable:enable", "/langversion:preview", "/nowarn:CS1701,CS1702", "/out:" + Path.Combine(work, "Corpus.dll"),
            };
            common.AddRange(References.All.Select(r => "/reference:" + r.Display));
            common.AddRange(sources);
            var sdk = new List<string>
            {
                "/analyzer:" + Path.Combine(sdkAnalyzers, "Microsoft.CodeAnalysis.NetAnalyzers.dll"),
                "/analyzer:" + Path.Combine(sdkAnalyzers, "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll"),
                "/analyzerconfig:" + Path.Combine(sdkAnalyzers, "build", "config", "analysislevel_10_default.globalconfig"),
            };
            var secureDev = "/analyzer:" + (analyzerAssembly ?? typeof(SecureDevAnalyzer).Assembly.Location);

            var none = Rsp(work, "none", common);
            var withSdk = Rsp(work, "sdk", common.Concat(sdk));
            var variants = Groups.Take(everyRuleOnly ? 1 : Groups.Length).Select((group, index) => (group.Name, Rsp: Rsp(work, "securedev" + index, common.Concat(sdk).Append(secureDev).Concat(OnlyGroup(work, index, group.Prefixes))))).ToArray();
            var compiles = new[] { none, withSdk }.Concat(variants.Select(v => v.Rsp)).ToArray();
            var times = compiles.ToDictionary(rsp => rsp, _ => new List<double>());
            var added = variants.ToDictionary(v => v.Rsp, _ => new List<double>());
            // A fresh csc process is as cold in every run; a server's JIT keeps promoting the compiler's and the
            // analyzers' hot code to optimized code over the first few compiles (in a first invocation with one
            // warm-up run, its second run was still a third slower).
            var warmUps = server ? 3 : 1;
            for (var run = 0; run < warmUps + runs; run++)
            {
                // The order alternates, so that no compile is always the one after a csc exit (disk cache, JIT).
                var order = run % 2 == 0 ? compiles : compiles.Reverse().ToArray();
                var elapsed = order.ToDictionary(rsp => rsp, rsp => Csc(csc, rsp, pipe).Milliseconds);
                if (run >= warmUps)
                {
                    foreach (var (rsp, milliseconds) in elapsed)
                    {
                        times[rsp].Add(milliseconds);
                    }

                    foreach (var variant in variants)
                    {
                        added[variant.Rsp].Add(100 * (elapsed[variant.Rsp] - elapsed[withSdk]) / elapsed[withSdk]);
                    }
                }

                var pairs = string.Join(", ", variants.Select(v => $"{v.Name} {elapsed[v.Rsp]:0} ms ({100 * (elapsed[v.Rsp] - elapsed[withSdk]) / elapsed[withSdk]:+0.0;-0.0;0.0} %)"));
                progress.WriteLine($"run {run}: csc {elapsed[none]:0} ms, with the SDK's analyzers {elapsed[withSdk]:0} ms; {pairs}{(run < warmUps ? " (warm-up, not counted)" : "")}");
            }

            var (_, output) = Csc(csc, Rsp(work, "report", common.Concat(sdk).Append(secureDev).Append("/reportanalyzer")), pipe);
            return new Result(
                trees.Count,
                SourceCorpus.CountLines(trees),
                times[none].Min(),
                times[withSdk].Min(),
                variants.Select(v => new Variant(v.Name, times[v.Rsp].Min(), added[v.Rsp])).ToArray(),
                ReportedTimes(output),
                SourceCorpus.SecurityShare(trees),
                server);
        }
        finally
        {
            if (pipe is not null)
            {
                Run(Path.Combine(Path.GetDirectoryName(csc)!, "VBCSCompiler.dll"), "-shutdown", "-pipename:" + pipe);
            }

            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// For a group, a global analyzer configuration that turns every other SecureDev rule off, as a project would
    /// (severity none: the driver then skips an analyzer whose every rule is off); nothing for every rule.
    /// </summary>
    private static IEnumerable<string> OnlyGroup(string directory, int index, string[]? prefixes)
    {
        if (prefixes is null)
        {
            return Array.Empty<string>();
        }

        var path = Path.Combine(directory, "securedev" + index + ".globalconfig");
        var off = AnalyzerCost.ShippedAnalyzers()
            .SelectMany(a => a.SupportedDiagnostics.Select(d => d.Id))
            .Where(id => !prefixes.Any(prefix => id.StartsWith(prefix, StringComparison.Ordinal)))
            .Distinct()
            .OrderBy(id => id, StringComparer.Ordinal);
        File.WriteAllLines(path, off.Select(id => $"dotnet_diagnostic.{id}.severity = none").Prepend("is_global = true"));
        return new[] { "/analyzerconfig:" + path };
    }

    private static string Rsp(string directory, string name, IEnumerable<string> arguments)
    {
        var path = Path.Combine(directory, name + ".rsp");
        File.WriteAllLines(path, arguments.Select(a => "\"" + a + "\""));
        return path;
    }

    /// <param name="pipe">The compiler server's pipe to compile through; a csc process of its own when null.</param>
    private static (double Milliseconds, string Output) Csc(string csc, string rsp, string? pipe) =>
        pipe is null ? Run(csc, "@" + rsp) : Run(csc, "/shared:" + pipe, "@" + rsp);

    private static (double Milliseconds, string Output) Run(string assembly, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(assembly)} failed ({process.ExitCode}):\n{output.Result}\n{errors}");
        }

        return (elapsed, output.Result);
    }

    /// <summary>The analyzer assemblies' rows of csc's /reportanalyzer table ("   0.123   12   Name, Version=...").</summary>
    private static List<(string Analyzer, double Seconds)> ReportedTimes(string output)
    {
        var rows = new List<(string, double)>();
        foreach (var line in output.Split('\n'))
        {
            var match = AssemblyRow().Match(line);
            if (match.Success)
            {
                rows.Add((match.Groups["name"].Value, double.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture)));
            }
        }

        if (rows.Count == 0)
        {
            throw new InvalidOperationException("csc /reportanalyzer printed no analyzer assembly rows:\n" + output);
        }

        return rows;
    }


    [GeneratedRegex(@"^\s*(?<seconds>\d+(\.\d+)?)\s+\S+\s+(?<name>[A-Za-z][\w.]*), Version=")]
    private static partial Regex AssemblyRow();

    public static string ToMarkdown(Result result)
    {
        var invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(invariant, $"Source set: {result.Files} files, {result.Lines:N0} lines ({result.SecurityShare:0} % in templates that use security APIs), compiled by the SDK's csc ({(result.Server ? "through a compiler server, as dotnet build does, after three uncounted runs" : "a process per compile")}, fastest of the runs).");
        text.AppendLine();
        text.AppendLine("| Compile | ms | vs. the SDK's analyzers |");
        text.AppendLine("| --- | ---: | ---: |");
        text.AppendLine(invariant, $"| no analyzers | {result.CompileMilliseconds:0} | |");
        text.AppendLine(invariant, $"| the SDK's analyzers (default build configuration) | {result.WithSdkAnalyzersMilliseconds:0} | |");
        foreach (var variant in result.Variants)
        {
            text.AppendLine(invariant, $"| the SDK's analyzers and {variant.Name} | {variant.Milliseconds:0} | {result.AddedPercent(variant):+0.0;-0.0;0.0} % |");
        }

        text.AppendLine();
        text.AppendLine("SecureDev's share run by run (each against the SDK-only compile of the same run):");
        text.AppendLine();
        foreach (var variant in result.Variants)
        {
            var (low, high) = Statistics.MedianInterval(variant.Added);
            text.AppendLine(invariant, $"- {variant.Name}: median {variant.MedianAddedPercent:+0.0;-0.0;0.0} % (95 % interval of the median {low:+0.0;-0.0;0.0} to {high:+0.0;-0.0;0.0} %), from {variant.Added.Min():+0.0;-0.0;0.0} % to {variant.Added.Max():+0.0;-0.0;0.0} % over {variant.Added.Count} runs");
        }

        text.AppendLine();
        text.AppendLine("csc /reportanalyzer (analyzers run concurrently, so their times overlap the compile):");
        text.AppendLine();
        text.AppendLine("| Analyzer assembly | s |");
        text.AppendLine("| --- | ---: |");
        foreach (var (analyzer, seconds) in result.Reported)
        {
            text.AppendLine(invariant, $"| {analyzer} | {seconds:0.000} |");
        }

        return text.ToString();
    }
}
