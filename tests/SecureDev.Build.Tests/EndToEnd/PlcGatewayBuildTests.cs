using System.Security.Cryptography;
using System.Text.Json;
using SecureDev.Core.Evidence;
using Xunit;

namespace SecureDev.Build.Tests.EndToEnd;

/// <summary>One real build of samples/PlcGateway with the packed SecureDev, as its project file configures it (audit level low).</summary>
public sealed class PlcGatewayBuild
{
    public PlcGatewayBuild()
    {
        Workspace = SampleWorkspace.Create("plcgateway");
        Run = Workspace.Build("PlcGateway/PlcGateway.csproj");
    }

    public SampleWorkspace Workspace { get; }

    public BuildRun Run { get; }

    public string Evidence(string file) => Workspace.Path("PlcGateway", "bin", "securedev", "Debug", "net10.0", file);
}

[Collection(EndToEndCollection.Name)]
public class PlcGatewayBuildTests : IClassFixture<PlcGatewayBuild>
{
    private readonly PlcGatewayBuild _build;

    public PlcGatewayBuildTests(PlcGatewayBuild build) => _build = build;

    [Theory]
    [InlineData("SD1001", "Firmware/FirmwareVerifier.cs", 11)]
    [InlineData("SD1002", "Configuration/SecretProtector.cs", 11)]
    [InlineData("SD2001", "Historian/HistorianClient.cs", 18)]
    [InlineData("SD3001", "Historian/HistorianClient.cs", 19)]
    [InlineData("SD6001", "Configuration/TagMapLoader.cs", 10)]
    public void The_developer_sees_each_rule_where_the_sample_breaks_it(string id, string file, int line)
    {
        var diagnostic = Assert.Single(_build.Run.Of(id));
        Assert.Equal("warning", diagnostic.Severity);
        Assert.EndsWith(file, diagnostic.File.Replace('\\', '/'));
        Assert.Equal(line, diagnostic.Line);
    }

    [Fact]
    public void The_pipeline_fails_on_the_low_advisory_at_audit_level_low()
    {
        Assert.False(_build.Run.Succeeded, _build.Run.ToString());
        var finding = Assert.Single(_build.Run.Of("SD9001"));
        Assert.Equal("error", finding.Severity);
        Assert.Contains("Newtonsoft.Json", finding.Message);
        Assert.Contains("GHSA-5crp-9r3c-p9vr", finding.Message);
        Assert.Contains("Fixed in 13.0.1", finding.Message);
        Assert.DoesNotContain(_build.Run.Diagnostics, d => d.Id is "SD9010" or "SD9011" or "SD9012");
    }

    [Fact]
    public void The_bom_is_valid_cyclonedx_1_6_and_lists_the_resolved_packages()
    {
        var bom = _build.Evidence("bom.cdx.json");
        Validators.AssertValidCycloneDx("1.6", bom);
        using var document = JsonDocument.Parse(File.ReadAllText(bom));
        var purls = document.RootElement.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("purl").GetString()).ToList();
        Assert.Contains("pkg:nuget/Newtonsoft.Json@12.0.1", purls);
        Assert.Equal("PlcGateway", document.RootElement.GetProperty("metadata").GetProperty("component").GetProperty("name").GetString());
    }

    [Fact]
    public void The_validator_rejects_a_broken_bom()
    {
        var broken = _build.Workspace.Path("broken.cdx.json");
        File.WriteAllText(broken, File.ReadAllText(_build.Evidence("bom.cdx.json")).Replace("\"bomFormat\": \"CycloneDX\"", "\"bomFormat\": \"SPDX\""));
        Assert.False(Validators.Accepts("validate-cyclonedx.mjs", "1.6", broken));
    }

    [Fact]
    public void The_compiler_sarif_is_valid_and_holds_the_findings_with_their_tags()
    {
        var sarif = _build.Evidence("compiler.sarif");
        Validators.AssertValidSarif(sarif);
        using var document = JsonDocument.Parse(File.ReadAllText(sarif));
        var run = document.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()).ToList();
        Assert.Contains("SD1001", results);
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "SD1001");
        var tags = rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Contains("CWE-327", tags);
        Assert.Contains("IEC62443-4-2:CR4.3", tags);
    }

    [Fact]
    public void The_validator_rejects_a_broken_sarif()
    {
        var broken = _build.Workspace.Path("broken.sarif");
        File.WriteAllText(broken, File.ReadAllText(_build.Evidence("compiler.sarif")).Replace("\"level\": \"warning\"", "\"level\": \"loud\"", StringComparison.Ordinal));
        Assert.False(Validators.Accepts("validate-sarif.mjs", broken));
    }

    [Fact]
    public void The_manifest_holds_the_sha256_of_every_evidence_file()
    {
        var folder = Path.GetDirectoryName(_build.Evidence(Manifest.FileName))!;
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, Manifest.FileName)));
        var entries = manifest.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("sha256").GetString()!);
        Assert.Equal(new[] { "audit.json", "audit.md", "audit.sarif", "bom.cdx.json", "code-suppressions.json", "coding-standard.json", "compiler.sarif", "outputs.json", "project.json", "vex.cdx.json" }, entries.Keys.Order());
        foreach (var (path, sha256) in entries)
        {
            Assert.Equal(sha256, Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, path)))).ToLowerInvariant());
        }

        Assert.Contains("\"path\": \"PlcGateway.dll\"", File.ReadAllText(Path.Combine(folder, "outputs.json")));
        Assert.Contains("\"verdict\": \"failed\"", File.ReadAllText(Path.Combine(folder, "audit.json")));
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "End to end";
}
