using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using BenchmarkDotNet.Running;
using SecureDev.Benchmarks;

// dotnet run -c Release --project benchmarks/SecureDev.Benchmarks -- analyzers [--lines 100000] [--runs 5] [--stand-ins] [--only SD4,SD7] [--dense]
//   whole-compilation cost of every SecureDev analyzer; writes artifacts/benchmarks/analyzers.md
//   (--dense, here and for build and taint-profile: the source set without its ordinary code, three lines in four in
//   templates that use security APIs; output names end in -dense)
//   (--stand-ins: adds the industrial libraries' stand-ins and the templates that use them; writes analyzers-industrial.md)
//   (--only: just the analyzers whose rule ids start with one of the prefixes, to measure or profile one family)
// dotnet run -c Release --project benchmarks/SecureDev.Benchmarks -- build [--lines 100000] [--runs 5] [--server] [--every-rule-only] [--analyzer path/SecureDev.Analyzers.dll]
//   what a build pays: the SDK's csc on the source set without analyzers, with the SDK's analyzers, and with SecureDev
//   too (every rule, the pattern rules alone, the taint rules alone); writes artifacts/benchmarks/build.md
//   (--server: through a compiler server, as dotnet build compiles; writes build-server.md)
//   (--every-rule-only: not the rule groups alone, so that more runs fit in the same time; writes build-every.md or
//   build-server-every.md)
// dotnet run -c Release --project benchmarks/SecureDev.Benchmarks -- edit [--lines 100000] [--documents 40]
//   what the IDE pays after an edit: one document analyzed again on a new compilation, the compiler's diagnostics
//   against the analyzers' for that document; writes artifacts/benchmarks/edit.md
// dotnet run -c Release --project benchmarks/SecureDev.Benchmarks -- taint-profile [--lines 100000]
//   the taint engine's time and allocations by phase, on one thread (why the taint rules cost what they cost)
// dotnet run -c Release --project benchmarks/SecureDev.Benchmarks -- bdn [BenchmarkDotNet arguments]
//   the BenchmarkDotNet benchmarks (SBOM generation, advisory matching)
var dense = args.Contains("--dense");
var denseSuffix = dense ? "-dense" : "";
if (args.Length > 0 && args[0] is "analyzers" or "taint-profile" && !GCSettings.IsServerGC)
{
    // The compiler runs with the server GC (csc and VBCSCompiler set System.GC.Server); analyzers are measured the way
    // they run there. The workstation GC's small gen0 budget would charge each analyzer's allocations several times over
    // in collections of the compiler's large heap. The BenchmarkDotNet benchmarks (SBOM, audit) stay on the workstation
    // GC, as MSBuild runs the tasks.
    return await RunWithServerGcAsync(args);
}

if (args.Length > 0 && args[0] == "analyzers")
{
    var lines = Option(args, "--lines", 100_000);
    var runs = Option(args, "--runs", 5);
    var standIns = args.Contains("--stand-ins");
    var only = TextOption(args, "--only")?.Split(',');
    var result = await AnalyzerCost.MeasureAsync(lines, runs, Console.Out, standIns, only, dense);
    WriteTable((standIns ? "analyzers-industrial" : "analyzers") + (only is null ? "" : "-" + string.Join("-", only)) + denseSuffix + ".md", AnalyzerCost.ToMarkdown(result));
    return 0;
}

if (args.Length > 0 && args[0] == "build")
{
    var analyzer = TextOption(args, "--analyzer") is { } path ? Path.GetFullPath(path) : null;
    var server = args.Contains("--server");
    var everyRuleOnly = args.Contains("--every-rule-only");
    var result = BuildCost.Measure(Option(args, "--lines", 100_000), Option(args, "--runs", 5), Console.Out, analyzer, dense, server, everyRuleOnly);
    WriteTable("build" + (server ? "-server" : "") + (everyRuleOnly ? "-every" : "") + denseSuffix + ".md", BuildCost.ToMarkdown(result));
    return 0;
}

if (args.Length > 0 && args[0] == "edit")
{
    var lines = Option(args, "--lines", 100_000);
    var samples = await EditCost.MeasureAsync(lines, Option(args, "--documents", 40), Console.Out);
    WriteTable("edit.md", EditCost.ToMarkdown(samples, lines));
    return 0;
}

if (args.Length > 0 && args[0] == "taint-profile")
{
    Console.WriteLine(TaintProfile.Run(Option(args, "--lines", 100_000), dense));
    return 0;
}

if (args.Length > 0 && args[0] == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(AnalyzerCost).Assembly).Run(args[1..]);
    return 0;
}

Console.Error.WriteLine("usage: SecureDev.Benchmarks analyzers [--lines N] [--runs N] [--only SD4,SD7] [--dense] | build [--lines N] [--runs N] [--server] [--every-rule-only] [--dense] | edit [--lines N] [--documents N] | taint-profile [--lines N] [--dense] | bdn [BenchmarkDotNet arguments]");
return 2;

static async Task<int> RunWithServerGcAsync(string[] args)
{
    var host = Environment.ProcessPath!;
    var start = new ProcessStartInfo(host);
    if (Path.GetFileNameWithoutExtension(host) == "dotnet")
    {
        start.ArgumentList.Add(typeof(AnalyzerCost).Assembly.Location);
    }

    foreach (var arg in args)
    {
        start.ArgumentList.Add(arg);
    }

    start.Environment["DOTNET_gcServer"] = "1";
    // Blocking collections only: every pause then stops every thread, so the benchmark can take it out of the analyzer
    // callback it interrupted (a background collection runs beside the callbacks and its pause figures do not say where).
    start.Environment["DOTNET_gcConcurrent"] = "0";
    using var child = Process.Start(start)!;
    await child.WaitForExitAsync();
    return child.ExitCode;
}

static int Option(string[] args, string name, int fallback) =>
    TextOption(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

static string? TextOption(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

// Prints a result table and keeps it under artifacts/benchmarks.
static void WriteTable(string fileName, string table)
{
    Console.WriteLine();
    Console.WriteLine(table);
    var output = Path.Combine(FindRepositoryRoot(), "artifacts", "benchmarks", fileName);
    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
    File.WriteAllText(output, table);
    Console.WriteLine("written to " + output);
}

static string FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "SecureDev.sln")))
        {
            return directory.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
