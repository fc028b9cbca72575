using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using SecureDev.Analyzers.Common;

namespace SecureDev.Benchmarks;

/// <summary>
/// What a build pays, measured with the compiler a build runs: the SDK's csc, as a process, on the generated source set
/// written to disk. Three compiles, each the fastest of several runs: no analyzers; the SDK's own analyzers with the
/// configuration a default net10.0 build gives them (what every build already pays); and those plus every SecureDev
/// analyzer. csc runs the analyzers concurrently with compiling, on the compilation it is building, so this is the
/// figure the "no build more than 10 % slower" target is about. A last compile with /reportanalyzer gives csc's own
/// account of each analyzer's time.
/// </summary>
public static partial class BuildCost
{
    /// <param name="Added">Per run, what SecureDev added to the compile with the SDK's analyzers run next to it, in percent:
    /// the two compiles of a pair run back to back, so a slow spell of the shared machine slows both.</param>
    public sealed record Result(int Files, int Lines, double CompileMilliseconds, double WithSdkAnalyzersMilliseconds, double WithSecureDevMilliseconds, IReadOnlyList<double> Added, IReadOnlyList<(string Analyzer, double Seconds)> Reported)
    {
        /// <summary>Between the fastest compile of each kind.</summary>
        public double AddedPercent => 100 * (WithSecureDevMilliseconds - WithSdkAnalyzersMilliseconds) / WithSdkAnalyzersMilliseconds;

        public double MedianAddedPercent => Statistics.Median(Added);
    }

    /// <param name="analyzerAssembly">The SecureDev analyzer assembly to measure; the one the benchmark is built with when null.</param>
    public static Result Measure(int lines, int runs, TextWriter progress, string? analyzerAssembly = null)
    {
        var paths = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "sdk-compiler.txt"));
        var csc = Path.GetFullPath(paths[0]);
        var sdkAnalyzers = Path.GetFullPath(paths[1]);
        var trees = SourceCorpus.Generate(lines, new CSharpParseOptions(LanguageVersion.Preview));
        var work = Path.Combine(Path.GetTempPath(), "securedev-build-benchmark-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
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
            var withSecureDev = Rsp(work, "securedev", common.Concat(sdk).Append(secureDev));
            var times = new Dictionary<string, List<double>> { [none] = new(), [withSdk] = new(), [withSecureDev] = new() };
            var added = new List<double>();
            for (var run = 0; run <= runs; run++)
            {
                // The pair's order alternates, so that neither compile is always the one after a csc exit (disk cache, JIT).
                var order = run % 2 == 0 ? new[] { none, withSdk, withSecureDev } : new[] { withSecureDev, withSdk, none };
                var elapsed = order.ToDictionary(rsp => rsp, rsp => Csc(csc, rsp).Milliseconds);
                var pair = 100 * (elapsed[withSecureDev] - elapsed[withSdk]) / elapsed[withSdk];
                if (run > 0)
                {
                    foreach (var (rsp, milliseconds) in elapsed)
                    {
                        times[rsp].Add(milliseconds);
                    }

                    added.Add(pair);
                }

                progress.WriteLine($"run {run}: csc {elapsed[none]:0} ms, with the SDK's analyzers {elapsed[withSdk]:0} ms, and SecureDev {elapsed[withSecureDev]:0} ms ({pair:+0.0;-0.0} %){(run == 0 ? " (warm-up, not counted)" : "")}");
            }

            var (_, output) = Csc(csc, Rsp(work, "report", common.Concat(sdk).Append(secureDev).Append("/reportanalyzer")));
            return new Result(trees.Count, SourceCorpus.CountLines(trees), times[none].Min(), times[withSdk].Min(), times[withSecureDev].Min(), added, ReportedTimes(output));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Rsp(string directory, string name, IEnumerable<string> arguments)
    {
        var path = Path.Combine(directory, name + ".rsp");
        File.WriteAllLines(path, arguments.Select(a => "\"" + a + "\""));
        return path;
    }

    private static (double Milliseconds, string Output) Csc(string csc, string rsp)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(csc);
        start.ArgumentList.Add("@" + rsp);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"csc failed ({process.ExitCode}):\n{output.Result}\n{errors}");
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
        text.AppendLine(invariant, $"Source set: {result.Files} files, {result.Lines:N0} lines, compiled by the SDK's csc (a process per compile, fastest of the runs).");
        text.AppendLine();
        text.AppendLine("| Compile | ms | vs. the SDK's analyzers |");
        text.AppendLine("| --- | ---: | ---: |");
        text.AppendLine(invariant, $"| no analyzers | {result.CompileMilliseconds:0} | |");
        text.AppendLine(invariant, $"| the SDK's analyzers (default build configuration) | {result.WithSdkAnalyzersMilliseconds:0} | |");
        text.AppendLine(invariant, $"| the SDK's analyzers and every SecureDev analyzer | {result.WithSecureDevMilliseconds:0} | {result.AddedPercent:+0.0;-0.0} % |");
        text.AppendLine();
        text.AppendLine(invariant, $"SecureDev's share run by run (each against the SDK-only compile of the same run): median {result.MedianAddedPercent:+0.0;-0.0} %, from {result.Added.Min():+0.0;-0.0} % to {result.Added.Max():+0.0;-0.0} % over {result.Added.Count} runs.");
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
