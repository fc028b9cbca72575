using System.Text.Json;
using SecureDev.Tests;
using Xunit;

namespace SecureDev.Build.Tests.EndToEnd;

/// <summary>
/// `securedev sbom merge` over the built samples: one release BOM of the shipped projects, every framework's graph
/// kept, components deduplicated, test projects left out unless asked for.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class SbomReleaseTests : IClassFixture<SbomSamplesBuild>
{
    private readonly SbomSamplesBuild _build;

    public SbomReleaseTests(SbomSamplesBuild build) => _build = build;

    private Dotnet.Result Merge(params string[] arguments) =>
        SecureDevCli.RunIn(_build.Workspace.Root, null, new[] { "sbom", "merge" }.Concat(arguments).ToArray());

    private static JsonElement Component(JsonElement bom, string bomRef) =>
        bom.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("bom-ref").GetString() == bomRef);

    private static List<string> Edges(JsonElement bom, string bomRef) =>
        bom.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("ref").GetString() == bomRef)
            .GetProperty("dependsOn").EnumerateArray().Select(e => e.GetString()!).ToList();

    [Fact]
    public void The_release_bom_of_a_solution_joins_its_shipped_projects_and_leaves_the_tests_out()
    {
        var output = _build.Workspace.Path("release", "alarm-relay.cdx.json");
        var run = Merge("CentralPackages/AlarmRelay.slnx", "--output", output, "--version", "3.1.0");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("left out (test project): AlarmRelay.Core.Tests", run.Output);
        Validators.AssertValidCycloneDx("1.6", output);

        var bom = SbomSamplesBuild.Read(output);
        var metadata = bom.GetProperty("metadata").GetProperty("component");
        Assert.Equal("AlarmRelay", metadata.GetProperty("name").GetString());
        Assert.Equal("3.1.0", metadata.GetProperty("version").GetString());
        Assert.Equal(new[] { "project:AlarmRelay.Service@3.1.0", "project:Contoso.AlarmRelay.Core@3.1.0" }, Edges(bom, metadata.GetProperty("bom-ref").GetString()!));

        // The library's own BOM root and the service's reference to it are one component, with the library's purl.
        Assert.Equal("pkg:nuget/Contoso.AlarmRelay.Core@3.1.0", Component(bom, "project:Contoso.AlarmRelay.Core@3.1.0").GetProperty("purl").GetString());
        Assert.Contains("project:Contoso.AlarmRelay.Core@3.1.0", Edges(bom, "project:AlarmRelay.Service@3.1.0"));
        var refs = bom.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("bom-ref").GetString()).ToList();
        Assert.Equal(refs.Count, refs.Distinct().Count());
        Assert.DoesNotContain(refs, r => r!.Contains("xunit", StringComparison.OrdinalIgnoreCase) || r.Contains("Tests", StringComparison.Ordinal));

        var withTests = _build.Workspace.Path("release", "alarm-relay-with-tests.cdx.json");
        Assert.Equal(0, Merge("CentralPackages/AlarmRelay.slnx", "--output", withTests, "--include-tests").ExitCode);
        Assert.Contains("pkg:nuget/xunit.core@2.9.3", File.ReadAllText(withTests));
    }

    [Fact]
    public void The_frameworks_of_a_multi_targeted_project_stay_apart_in_the_release_bom()
    {
        var output = _build.Workspace.Path("release", "historian-buffer.cdx.json");
        var run = Merge("MultiTarget", "--output", output, "--spec", "1.7");
        Assert.True(run.ExitCode == 0, run.Output);
        Validators.AssertValidCycloneDx("1.7", output);

        var bom = SbomSamplesBuild.Read(output);
        var net8 = Edges(bom, "project:Contoso.HistorianBuffer@1.4.0|HistorianBuffer/net8.0");
        var net10 = Edges(bom, "project:Contoso.HistorianBuffer@1.4.0|HistorianBuffer/net10.0");
        Assert.Contains("pkg:nuget/Microsoft.Extensions.Logging.Abstractions@8.0.3", net8);
        Assert.Contains("pkg:nuget/Microsoft.Extensions.Logging.Abstractions@9.0.19", net10);
        Assert.DoesNotContain("pkg:nuget/Microsoft.Extensions.Logging.Abstractions@9.0.19", net8);

        // Shared packages with the same subtree appear once, listing both frameworks.
        var sqlite = Component(bom, "pkg:nuget/Microsoft.Data.Sqlite@8.0.30");
        Assert.Contains(sqlite.GetProperty("properties").EnumerateArray(), p => p.GetProperty("value").GetString() == "net10.0;net8.0");

        // The same builds give the same release BOM.
        var again = _build.Workspace.Path("release", "historian-buffer-again.cdx.json");
        Assert.Equal(0, Merge("MultiTarget", "--output", again, "--spec", "1.7").ExitCode);
        Assert.Equal(File.ReadAllBytes(output), File.ReadAllBytes(again));
    }

    [Fact]
    public void A_project_that_was_not_built_an_unknown_spec_and_an_unwritable_output_are_said_clearly()
    {
        // PlcGateway was not built in this workspace: the release BOM would be incomplete, so none is written.
        var output = _build.Workspace.Path("release", "everything.cdx.json");
        var missing = Merge(".", "--output", output);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("PlcGateway: no SBOM; build it with SecureDev", missing.Output);
        Assert.False(File.Exists(output));

        var spec = Merge("MultiTarget", "--output", output, "--spec", "1.4");
        Assert.Equal(2, spec.ExitCode);
        Assert.Contains("SD9051", spec.Output);
        Assert.Contains("--spec is '1.4'", spec.Output);

        var blocker = _build.Workspace.Path("release", "a-file");
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        File.WriteAllText(blocker, "not a directory");
        var unwritable = Merge("MultiTarget", "--output", Path.Combine(blocker, "release.cdx.json"));
        Assert.Equal(2, unwritable.ExitCode);
        Assert.Contains("SD9040", unwritable.Output);
        Assert.DoesNotContain("   at ", unwritable.Output);
    }
}
