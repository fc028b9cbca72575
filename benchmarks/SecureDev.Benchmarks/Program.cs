using System.Globalization;
using BenchmarkDotNet.Running;
using SecureDev.Benchmarks;

// dotnet run -c Release --project benchmarks/SecureDev.Benchmarks -- analyzers [--lines 100000] [--runs 5] [--stand-ins] [--only SD4,SD7]
//   whole-compilation cost of every SecureDev analyzer; writes artifacts/benchmarks/analyzers.md
//   (--stand-ins: adds the industrial libraries' stand-ins and the templates that use them; writes analyzers-industrial.md)
//   (--only: just the analyzers whose rule ids start with one of the prefixes, to measure or profile one family)
// dotnet run -c Release --project benchmarks/SecureDev.Benchmarks -- bdn [BenchmarkDotNet arguments]
//   the BenchmarkDotNet benchmarks (SBOM generation, advisory matching)
if (args.Length > 0 && args[0] == "analyzers")
{
    var lines = Option(args, "--lines", 100_000);
    var runs = Option(args, "--runs", 5);
    var standIns = args.Contains("--stand-ins");
    var only = Array.IndexOf(args, "--only") is var at and >= 0 && at + 1 < args.Length ? args[at + 1].Split(',') : null;
    var result = await AnalyzerCost.MeasureAsync(lines, runs, Console.Out, standIns, only);
    var table = AnalyzerCost.ToMarkdown(result);
    Console.WriteLine();
    Console.WriteLine(table);
    var output = Path.Combine(FindRepositoryRoot(), "artifacts", "benchmarks", (standIns ? "analyzers-industrial" : "analyzers") + (only is null ? "" : "-" + string.Join("-", only)) + ".md");
    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
    File.WriteAllText(output, table);
    Console.WriteLine("written to " + output);
    return 0;
}

if (args.Length > 0 && args[0] == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(AnalyzerCost).Assembly).Run(args[1..]);
    return 0;
}

Console.Error.WriteLine("usage: SecureDev.Benchmarks analyzers [--lines N] [--runs N] | bdn [BenchmarkDotNet arguments]");
return 2;

static int Option(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
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
