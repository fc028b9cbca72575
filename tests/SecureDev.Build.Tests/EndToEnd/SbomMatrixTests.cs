using System.Text.Json;
using SecureDev.Build.Tests.Tasks;
using Xunit;

namespace SecureDev.Build.Tests.EndToEnd;

/// <summary>
/// The BOMs real builds of the sample matrix write: one per target framework (and runtime identifier), each with only
/// that target's graph, complete components, and accepted by the official CycloneDX validator in 1.5, 1.6 and 1.7.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class SbomMatrixTests : IClassFixture<SbomSamplesBuild>
{
    private readonly SbomSamplesBuild _build;

    public SbomMatrixTests(SbomSamplesBuild build) => _build = build;

    private static Dictionary<string, JsonElement> Components(JsonElement bom) =>
        bom.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("bom-ref").GetString()!);

    private static List<string> Edges(JsonElement bom, string bomRef) =>
        bom.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("ref").GetString() == bomRef)
            .GetProperty("dependsOn").EnumerateArray().Select(e => e.GetString()!).ToList();

    private static string? Property(JsonElement element, string name) =>
        element.TryGetProperty("properties", out var properties)
            ? properties.EnumerateArray().Where(p => p.GetProperty("name").GetString() == name).Select(p => p.GetProperty("value").GetString()).SingleOrDefault()
            : null;

    [Fact]
    public void Every_sample_builds()
    {
        Assert.True(_build.MultiTargetRun.Succeeded, _build.MultiTargetRun.ToString());
        Assert.True(_build.CentralPackagesRun.Succeeded, _build.CentralPackagesRun.ToString());
        Assert.True(_build.LockedRun.Succeeded, _build.LockedRun.ToString());
        var all = new[] { _build.MultiTargetRun, _build.CentralPackagesRun, _build.LockedRun }.SelectMany(r => r.Diagnostics).ToList();
        Assert.DoesNotContain(all, d => d.Id is "SD9020" or "SD9021" or "SD9022" or "SD9023" or "SD9024" or "SD9025" or "SD9040" or "SD9051" or "SD9099");
    }

    [Fact]
    public void Each_framework_of_a_multi_targeted_project_has_its_own_bom_with_only_its_own_versions()
    {
        var net8 = SbomSamplesBuild.Read(_build.Bom("MultiTarget/HistorianBuffer", "net8.0"));
        var net10 = SbomSamplesBuild.Read(_build.Bom("MultiTarget/HistorianBuffer", "net10.0"));
        Assert.Equal("net8.0", Property(net8.GetProperty("metadata"), "securedev:targetFramework"));
        Assert.Equal("net10.0", Property(net10.GetProperty("metadata"), "securedev:targetFramework"));

        var net8Components = Components(net8);
        var net10Components = Components(net10);
        Assert.Contains("pkg:nuget/Microsoft.Extensions.Logging.Abstractions@8.0.3", net8Components.Keys);
        Assert.DoesNotContain("pkg:nuget/Microsoft.Extensions.Logging.Abstractions@9.0.19", net8Components.Keys);
        Assert.Contains("pkg:nuget/Microsoft.Extensions.Logging.Abstractions@9.0.19", net10Components.Keys);
        Assert.DoesNotContain("pkg:nuget/Microsoft.Extensions.Logging.Abstractions@8.0.3", net10Components.Keys);
        Assert.Equal(new[] { "pkg:nuget/Microsoft.Extensions.DependencyInjection.Abstractions@8.0.2" }, Edges(net8, "pkg:nuget/Microsoft.Extensions.Logging.Abstractions@8.0.3"));
        Assert.Equal(new[] { "pkg:nuget/Microsoft.Extensions.DependencyInjection.Abstractions@9.0.19" }, Edges(net10, "pkg:nuget/Microsoft.Extensions.Logging.Abstractions@9.0.19"));

        // System.Text.Json is a package on .NET 8 and part of the framework on .NET 10 (not referenced there).
        Assert.Contains("pkg:nuget/System.Text.Json@9.0.12", net8Components.Keys);
        Assert.DoesNotContain(net10Components.Keys, k => k.Contains("System.Text.Json", StringComparison.Ordinal));

        // The outer build writes no BOM of its own; each framework's evidence folder holds that framework's BOM.
        Assert.False(File.Exists(_build.Workspace.Path("MultiTarget", "HistorianBuffer", "obj", "Debug", "securedev", "bom.cdx.json")));
        Assert.Equal(File.ReadAllBytes(_build.Bom("MultiTarget/HistorianBuffer", "net8.0")), File.ReadAllBytes(_build.Evidence("MultiTarget/HistorianBuffer", "net8.0", "bom.cdx.json")));
        Assert.Equal(File.ReadAllBytes(_build.Bom("MultiTarget/HistorianBuffer", "net10.0")), File.ReadAllBytes(_build.Evidence("MultiTarget/HistorianBuffer", "net10.0", "bom.cdx.json")));
    }

    [Theory]
    [InlineData("MultiTarget/HistorianBuffer", "net8.0")]
    [InlineData("MultiTarget/HistorianBuffer", "net10.0")]
    [InlineData("CentralPackages/AlarmRelay.Core", "net10.0")]
    [InlineData("CentralPackages/AlarmRelay.Service", "net10.0")]
    [InlineData("LockedDependencies/MeterLogger", "net10.0/linux-x64")]
    public void The_components_are_exactly_the_packages_of_the_target_graph_with_the_restore_s_sha512(string projectDirectory, string target)
    {
        var bom = SbomSamplesBuild.Read(_build.Bom(projectDirectory, target));
        var assets = SbomSamplesBuild.Read(_build.Workspace.Path(projectDirectory, "obj", "project.assets.json"));
        var expected = assets.GetProperty("targets").GetProperty(target).EnumerateObject()
            .Where(l => l.Value.GetProperty("type").GetString() == "package")
            .ToDictionary(
                l => "pkg:nuget/" + l.Name.Replace('/', '@'),
                l => Convert.ToHexString(Convert.FromBase64String(assets.GetProperty("libraries").GetProperty(l.Name).GetProperty("sha512").GetString()!)).ToLowerInvariant());

        var actual = bom.GetProperty("components").EnumerateArray()
            .Where(c => c.TryGetProperty("purl", out _))
            .ToDictionary(c => c.GetProperty("purl").GetString()!, c => c.GetProperty("hashes")[0].GetProperty("content").GetString()!);
        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(a => a.Key));
    }

    [Fact]
    public void Components_carry_supplier_license_description_and_project_url_from_the_nuspec()
    {
        var components = Components(SbomSamplesBuild.Read(_build.Bom("CentralPackages/AlarmRelay.Core", "net10.0")));
        var polly = components["pkg:nuget/Polly.Core@8.5.2"];
        Assert.Equal("Michael Wolfenden, App vNext", polly.GetProperty("supplier").GetProperty("name").GetString());
        Assert.Equal("BSD-3-Clause", polly.GetProperty("licenses")[0].GetProperty("license").GetProperty("id").GetString());
        Assert.StartsWith("Polly.Core is a .NET resilience", polly.GetProperty("description").GetString());
        Assert.Contains(polly.GetProperty("externalReferences").EnumerateArray(), r => r.GetProperty("type").GetString() == "website" && r.GetProperty("url").GetString() == "https://github.com/App-vNext/Polly");

        var sqlite = Components(SbomSamplesBuild.Read(_build.Bom("LockedDependencies/MeterLogger", "net10.0/linux-x64")))["pkg:nuget/SourceGear.sqlite3@3.50.4.5"];
        Assert.Equal("file", Property(sqlite, "securedev:licenseSource"));
        Assert.Equal("License file 'LICENSE.txt' in the package", sqlite.GetProperty("licenses")[0].GetProperty("license").GetProperty("name").GetString());
    }

    [Fact]
    public void The_metadata_component_is_the_project_with_supplier_purl_and_the_restore_name()
    {
        var core = SbomSamplesBuild.Read(_build.Bom("CentralPackages/AlarmRelay.Core", "net10.0")).GetProperty("metadata");
        var component = core.GetProperty("component");
        Assert.Equal("AlarmRelay.Core", component.GetProperty("name").GetString());
        Assert.Equal("3.1.0", component.GetProperty("version").GetString());
        Assert.Equal("library", component.GetProperty("type").GetString());
        Assert.Equal("Contoso Automation", component.GetProperty("supplier").GetProperty("name").GetString());
        Assert.Equal("pkg:nuget/Contoso.AlarmRelay.Core@3.1.0", component.GetProperty("purl").GetString());
        Assert.Equal("project:Contoso.AlarmRelay.Core@3.1.0", component.GetProperty("bom-ref").GetString());
        Assert.Equal("build", core.GetProperty("lifecycles")[0].GetProperty("phase").GetString());
        Assert.Equal("SecureDev", core.GetProperty("tools").GetProperty("components")[0].GetProperty("name").GetString());

        var service = SbomSamplesBuild.Read(_build.Bom("CentralPackages/AlarmRelay.Service", "net10.0")).GetProperty("metadata").GetProperty("component");
        Assert.Equal("application", service.GetProperty("type").GetString());
    }

    [Fact]
    public void A_project_reference_is_a_component_with_the_same_bom_ref_as_its_own_bom_and_its_own_dependencies()
    {
        var service = SbomSamplesBuild.Read(_build.Bom("CentralPackages/AlarmRelay.Service", "net10.0"));
        var core = Components(service)["project:Contoso.AlarmRelay.Core@3.1.0"];
        Assert.False(core.TryGetProperty("purl", out _));
        Assert.Contains("project:Contoso.AlarmRelay.Core@3.1.0", Edges(service, "project:AlarmRelay.Service@3.1.0"));
        Assert.Equal(new[] { "pkg:nuget/Microsoft.Extensions.Logging.Abstractions@8.0.3", "pkg:nuget/Polly.Core@8.5.2" }, Edges(service, "project:Contoso.AlarmRelay.Core@3.1.0"));
    }

    [Fact]
    public void Central_package_versions_and_the_global_reference_are_resolved_as_restore_did()
    {
        var components = Components(SbomSamplesBuild.Read(_build.Bom("CentralPackages/AlarmRelay.Core", "net10.0")));
        Assert.Contains("pkg:nuget/Microsoft.Extensions.Logging.Abstractions@8.0.3", components.Keys);
        var secureDev = components[$"pkg:nuget/SecureDev@{SecureDevPackage.Version}"];
        Assert.Equal("excluded", secureDev.GetProperty("scope").GetString());
        Assert.False(components["pkg:nuget/Polly.Core@8.5.2"].TryGetProperty("scope", out _));
    }

    [Fact]
    public void The_lock_file_sample_uses_the_runtime_specific_graph_and_matches_the_lock_file()
    {
        Assert.Contains("MeterLogger", _build.LockedRun.Output);
        var bom = SbomSamplesBuild.Read(_build.Bom("LockedDependencies/MeterLogger", "net10.0/linux-x64"));
        Assert.Equal("linux-x64", Property(bom.GetProperty("metadata"), "securedev:runtimeIdentifier"));

        var locked = SbomSamplesBuild.Read(_build.Workspace.Path("LockedDependencies", "MeterLogger", "packages.lock.json")).GetProperty("dependencies").GetProperty("net10.0");
        var pinned = locked.EnumerateObject().ToDictionary(
            p => $"pkg:nuget/{p.Name}@{p.Value.GetProperty("resolved").GetString()}",
            p => Convert.ToHexString(Convert.FromBase64String(p.Value.GetProperty("contentHash").GetString()!)).ToLowerInvariant());
        var listed = bom.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("purl").GetString()!, c => c.GetProperty("hashes")[0].GetProperty("content").GetString()!);
        Assert.Equal(pinned.OrderBy(p => p.Key), listed.OrderBy(l => l.Key));
    }

    [Fact]
    public void Every_bom_of_the_matrix_is_valid_cyclonedx_1_6()
    {
        Validators.AssertValidCycloneDx("1.6", SbomSamplesBuild.Boms.Select(b => _build.Bom(b.ProjectDirectory, b.Target)).ToArray());
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1.7")]
    public void Every_sample_s_bom_in_the_other_spec_versions_is_valid(string specVersion)
    {
        // The same task the build runs, on each sample's real restore result, asked for another CycloneDX version.
        var files = new List<string>();
        foreach (var (sample, projectDirectory, target) in SbomSamplesBuild.Boms)
        {
            var output = _build.Workspace.Path("spec-" + specVersion, sample + "-" + target.Replace('/', '-') + ".cdx.json");
            var engine = new RecordingBuildEngine();
            var task = new GenerateSbom
            {
                BuildEngine = engine,
                AssetsFile = _build.Workspace.Path(projectDirectory, "obj", "project.assets.json"),
                OutputFile = output,
                ProjectName = Path.GetFileName(projectDirectory),
                ProjectVersion = "1.0.0",
                TargetFramework = target.Split('/')[0],
                RuntimeIdentifier = target.Contains('/') ? target.Split('/')[1] : null,
                SpecVersion = specVersion,
            };
            Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
            Assert.Contains($"\"specVersion\": \"{specVersion}\"", File.ReadAllText(output));
            files.Add(output);
        }

        Validators.AssertValidCycloneDx(specVersion, files.ToArray());
    }
}
