using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SecureDev.Tests;
using Xunit;
using Xunit.Abstractions;

namespace SecureDev.Build.Tests.EndToEnd;

/// <summary>
/// The SBOM target in repeated builds of the multi-targeted sample: skipped when nothing changed (and how little that
/// costs), run again when an SBOM setting changes, byte-identical from a fresh copy in another directory.
/// </summary>
[Collection(EndToEndCollection.Name)]
public partial class SbomIncrementalTests : IClassFixture<SbomSamplesBuild>
{
    private readonly SbomSamplesBuild _matrix;
    private readonly ITestOutputHelper _output;

    public SbomIncrementalTests(SbomSamplesBuild matrix, ITestOutputHelper output) => (_matrix, _output) = (matrix, output);

    [Fact]
    public void A_fresh_copy_built_in_another_directory_gives_byte_identical_boms()
    {
        var again = SampleWorkspace.Create("sbom-reproducible");
        var run = again.Build(SbomSamplesBuild.MultiTarget);
        Assert.True(run.Succeeded, run.ToString());
        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            var first = File.ReadAllBytes(_matrix.Bom("MultiTarget/HistorianBuffer", framework));
            var second = File.ReadAllBytes(again.Path("MultiTarget", "HistorianBuffer", "obj", "Debug", framework, "securedev", "bom.cdx.json"));
            Assert.Equal(first, second);
        }

        // Without SOURCE_DATE_EPOCH the timestamp is the time of the sources' last commit (the samples are in this repository).
        var commit = long.Parse(Core.Sbom.Git.Run(again.Root, "log", "-1", "--format=%ct")!.Trim(), CultureInfo.InvariantCulture);
        Assert.Contains($"\"timestamp\": \"{Core.Sbom.BuildTimestamp.Format(DateTimeOffset.FromUnixTimeSeconds(commit))}\"", File.ReadAllText(_matrix.Bom("MultiTarget/HistorianBuffer", "net8.0")));
    }

    [Fact]
    public void A_no_op_build_skips_the_sbom_target_an_sbom_setting_change_reruns_it_and_a_bad_one_is_SD9051()
    {
        var workspace = SampleWorkspace.Create("sbom-incremental");
        var project = SbomSamplesBuild.MultiTarget;
        var bom = workspace.Path("MultiTarget", "HistorianBuffer", "obj", "Debug", "net10.0", "securedev", "bom.cdx.json");
        Assert.True(workspace.Build(project).Succeeded);
        var written = File.GetLastWriteTimeUtc(bom);

        // No change: both inner builds skip the target; its cost is what MSBuild reports for it (the least of three
        // no-op builds, so that other work on a shared machine does not count).
        var costs = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var noOp = Build(workspace, project, "-clp:PerformanceSummary", "-v:n");
            Assert.True(noOp.ExitCode == 0, noOp.Output);
            Assert.Equal(written, File.GetLastWriteTimeUtc(bom));
            Assert.Contains("Skipping target \"SecureDevSbom\" because all output files are up-to-date", noOp.Output);
            costs.Add(TargetMilliseconds(noOp.Output, "SecureDevSbom") + TargetMilliseconds(noOp.Output, "_SecureDevSbomSettings"));
        }

        _output.WriteLine($"SBOM targets in no-op builds of both frameworks: {string.Join(", ", costs)} ms");
        Assert.InRange(costs.Min(), 0, 100);
        MeasureNoOpBuilds(workspace, project);

        // A different spec version is a different BOM: the target runs again.
        var v17 = workspace.Build(project, "SecureDevSbomSpecVersion=1.7");
        Assert.True(v17.Succeeded, v17.ToString());
        Assert.Contains("\"specVersion\": \"1.7\"", File.ReadAllText(bom));
        Validators.AssertValidCycloneDx("1.7", bom);

        var unknown = workspace.Build(project, "SecureDevSbomSpecVersion=2.0");
        Assert.False(unknown.Succeeded);
        var error = Assert.Single(unknown.Of("SD9051").DistinctBy(d => d.Message));
        Assert.Contains("SecureDevSbomSpecVersion is '2.0'", error.Message);
        Assert.EndsWith("HistorianBuffer.csproj", error.File);
        Assert.DoesNotContain("   at ", unknown.Output);
    }

    /// <summary>
    /// Wall-clock no-op builds with and without SecureDev, for the README. The bound that matters is the SBOM targets'
    /// own time asserted above; the rest of SecureDev's no-op cost is the audit and evidence steps, which run every
    /// build on purpose.
    /// </summary>
    private void MeasureNoOpBuilds(SampleWorkspace workspace, string project)
    {
        double Median(params string[] arguments)
        {
            Build(workspace, project, arguments);
            var times = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                var watch = Stopwatch.StartNew();
                var run = Build(workspace, project, arguments);
                times.Add(watch.Elapsed.TotalMilliseconds);
                Assert.True(run.ExitCode == 0, run.Output);
            }

            return times.Order().ElementAt(1);
        }

        var disabled = Median("-p:SecureDevEnabled=false");
        var enabled = Median();
        var line = $"no-op `dotnet build --no-restore` of samples/MultiTarget (2 target frameworks), median of 3 after a warm-up: SecureDev enabled {enabled:F0} ms, SecureDevEnabled=false {disabled:F0} ms";
        _output.WriteLine(line);
        var report = Repository.Path("artifacts", "benchmarks", "sbom-noop.md");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        File.WriteAllText(report, line + "\n");
    }

    private static Dotnet.Result Build(SampleWorkspace workspace, string project, params string[] arguments) =>
        Dotnet.Run(workspace.Root, new[] { "build", project, "-nologo", "--no-restore" }.Concat(arguments).ToArray());

    /// <summary>A target's total time from MSBuild's performance summary ("  12 ms  SecureDevSbom  2 calls").</summary>
    private static int TargetMilliseconds(string output, string target)
    {
        var section = output[Math.Max(0, output.LastIndexOf("Target Performance Summary:", StringComparison.Ordinal))..];
        var match = Regex.Match(section, @"^\s*(?<ms>\d+) ms\s+" + Regex.Escape(target) + @"\s+\d+ calls", RegexOptions.Multiline);
        Assert.True(match.Success, $"{target} is not in the performance summary");
        return int.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture);
    }
}
