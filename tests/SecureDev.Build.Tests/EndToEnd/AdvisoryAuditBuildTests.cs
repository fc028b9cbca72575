using System.IO.Compression;
using System.Text.Json;
using SecureDev.Build.Tests.Tasks;
using Xunit;

namespace SecureDev.Build.Tests.EndToEnd;

/// <summary>
/// One real build of samples/PlcGateway (audit level low) whose Newtonsoft.Json finding is accepted in a suppressions
/// file, against the sample's offline advisory mirror and the workspace's configured package sources.
/// </summary>
public sealed class AdvisoryAuditBuild
{
    public AdvisoryAuditBuild()
    {
        Workspace = SampleWorkspace.Create("advisory-audit");
        AuditDependenciesTaskTests.WriteSuppressions(Workspace.Path("PlcGateway"), expires: "2999-12-31");
        Run = Workspace.Build("PlcGateway/PlcGateway.csproj", "SecureDevSuppressionsFile=securedev-suppressions.json", "SecureDevAdvisoryCacheDirectory=" + Workspace.Path("advisory-cache"));
    }

    public SampleWorkspace Workspace { get; }

    public BuildRun Run { get; }

    public string Evidence(string file) => Workspace.Path("PlcGateway", "bin", "securedev", "Debug", "net10.0", file);
}

[Collection(EndToEndCollection.Name)]
public class AdvisoryAuditBuildTests : IClassFixture<AdvisoryAuditBuild>
{
    private readonly AdvisoryAuditBuild _build;

    public AdvisoryAuditBuildTests(AdvisoryAuditBuild build) => _build = build;

    [Fact]
    public void An_accepted_finding_passes_the_build_and_stays_visible()
    {
        Assert.True(_build.Run.Succeeded, _build.Run.ToString());
        Assert.Empty(_build.Run.Of("SD9001"));
        Assert.Contains("SD9005", _build.Run.Output);
        using var report = JsonDocument.Parse(File.ReadAllText(_build.Evidence("audit.json")));
        var finding = report.RootElement.GetProperty("findings")[0];
        Assert.Equal("GHSA-5crp-9r3c-p9vr", finding.GetProperty("advisory").GetString());
        Assert.True(finding.GetProperty("suppressed").GetBoolean());
        Assert.Equal("jane.doe@contoso.example", finding.GetProperty("suppression").GetProperty("owner").GetString());
    }

    [Fact]
    public void The_configured_feed_without_vulnerability_data_is_not_checked_against_and_says_so()
    {
        // This machine's nuget.org copy serves no VulnerabilityInfo, so NuGet's own audit is silent; SecureDev is not.
        var warning = Assert.Single(_build.Run.Of("SD9016"));
        Assert.Equal("warning", warning.Severity);
        Assert.Contains("'nuget.org' (https://api.nuget.org/v3/index.json) publishes no vulnerability data", warning.Message);
        Assert.Contains("NOT checked against it", warning.Message);

        using var report = JsonDocument.Parse(File.ReadAllText(_build.Evidence("audit.json")));
        var sources = report.RootElement.GetProperty("sources").EnumerateArray().ToList();
        Assert.Contains(sources, s => s.GetProperty("kind").GetString() == "nuget-feed" && s.GetProperty("name").GetString() == "nuget.org" && s.GetProperty("status").GetString() == "no-data");
        Assert.Contains(sources, s => s.GetProperty("kind").GetString() == "nuget-feed" && s.GetProperty("name").GetString() == "securedev-e2e" && s.GetProperty("status").GetString() == "no-data");
        var mirror = sources.Single(s => s.GetProperty("kind").GetString() == "osv-directory");
        Assert.Equal(("used", 4), (mirror.GetProperty("status").GetString(), mirror.GetProperty("records").GetInt32()));
    }

    [Fact]
    public void The_sample_mirror_is_older_than_seven_days_and_the_build_says_so()
    {
        var stale = Assert.Single(_build.Run.Of("SD9014"));
        Assert.Contains("older than SecureDevAdvisoryMaxAgeDays (7)", stale.Message);
        Assert.Contains("\"stale\": true", File.ReadAllText(_build.Evidence("audit.json")));
    }

    [Fact]
    public void The_evidence_holds_the_reports_the_vex_and_the_suppressions_it_used()
    {
        foreach (var name in new[] { "audit.json", "audit.md", "audit.sarif", "vex.cdx.json", "suppressions.json" })
        {
            Assert.True(File.Exists(_build.Evidence(name)), name + " is missing from the evidence folder");
        }

        Assert.Equal(File.ReadAllText(_build.Workspace.Path("PlcGateway", "securedev-suppressions.json")), File.ReadAllText(_build.Evidence("suppressions.json")));
        Validators.AssertValidCycloneDx("1.6", _build.Evidence("vex.cdx.json"));
        Validators.AssertValidSarif(_build.Evidence("audit.sarif"));

        using var bom = JsonDocument.Parse(File.ReadAllText(_build.Evidence("bom.cdx.json")));
        using var vex = JsonDocument.Parse(File.ReadAllText(_build.Evidence("vex.cdx.json")));
        var serial = bom.RootElement.GetProperty("serialNumber").GetString()!["urn:uuid:".Length..];
        var statement = vex.RootElement.GetProperty("vulnerabilities")[0];
        Assert.Equal($"urn:cdx:{serial}/1#pkg:nuget/Newtonsoft.Json@12.0.1", statement.GetProperty("affects")[0].GetProperty("ref").GetString());
        Assert.Equal("not_affected", statement.GetProperty("analysis").GetProperty("state").GetString());
        Assert.Contains("**Verdict: passed.**", File.ReadAllText(_build.Evidence("audit.md")));
    }

    [Fact]
    public void An_expired_suppression_fails_the_build()
    {
        var workspace = SampleWorkspace.Create("advisory-expired");
        AuditDependenciesTaskTests.WriteSuppressions(workspace.Path("PlcGateway"), expires: "2024-12-31");
        var run = workspace.Build("PlcGateway/PlcGateway.csproj", "SecureDevSuppressionsFile=securedev-suppressions.json", "SecureDevAuditPackageSources=false", "SecureDevAdvisoryCacheDirectory=" + workspace.Path("advisory-cache"));

        Assert.False(run.Succeeded, run.ToString());
        var expired = Assert.Single(run.Of("SD9030"));
        Assert.Equal("error", expired.Severity);
        Assert.Contains("expired on 2024-12-31 (owner: jane.doe@contoso.example)", expired.Message);
        Assert.Equal("error", Assert.Single(run.Of("SD9001")).Severity);
        Assert.Empty(run.Of("SD9016"));
    }

    [Fact]
    public void An_osv_zip_and_the_vendors_own_advisories_in_a_real_build_with_the_cache_reused_by_the_next()
    {
        var workspace = SampleWorkspace.Create("advisory-zip");
        var zip = workspace.Path("NuGet-all.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.GetFiles(workspace.Path("advisory-db"), "*.json", SearchOption.AllDirectories))
            {
                archive.CreateEntryFromFile(file, Path.GetFileName(file));
            }
        }

        var psirt = workspace.Path("contoso-psirt");
        Directory.CreateDirectory(psirt);
        File.WriteAllText(Path.Combine(psirt, "CSA-2024-007.json"), """
            { "id": "CSA-2024-007", "modified": "2021-12-01T00:00:00Z", "summary": "Contoso's JSON fork of Newtonsoft.Json shares the nesting flaw",
              "aliases": [ "GHSA-5crp-9r3c-p9vr" ],
              "affected": [ { "package": { "ecosystem": "NuGet", "name": "Newtonsoft.Json" },
                              "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "0" }, { "fixed": "13.0.1" } ] } ] } ],
              "database_specific": { "severity": "MODERATE" } }
            """);
        var cache = workspace.Path("advisory-cache");
        string[] properties =
        {
            "SecureDevAdvisorySources=" + zip,
            "SecureDevVendorAdvisories=" + psirt,
            "SecureDevAuditPackageSources=false",
            "SecureDevAuditLevel=critical",
            "SecureDevAdvisoryCacheDirectory=" + cache,
        };

        var first = workspace.Build("PlcGateway/PlcGateway.csproj", properties);
        Assert.True(first.Succeeded, first.ToString());
        // The vendor's record and GitHub's are one advisory (alias); GitHub's is the newer and speaks for it.
        var finding = Assert.Single(first.Of("SD9001"));
        Assert.Contains("GHSA-5crp-9r3c-p9vr", finding.Message);
        Assert.Empty(first.Of("SD9002"));
        using (var report = JsonDocument.Parse(File.ReadAllText(workspace.Path("PlcGateway", "obj", "Debug", "net10.0", "securedev", "audit.json"))))
        {
            var sources = report.RootElement.GetProperty("sources").EnumerateArray().ToList();
            Assert.Equal(64, sources.Single(s => s.GetProperty("kind").GetString() == "osv-zip").GetProperty("sha256").GetString()!.Length);
            Assert.Equal("vendor", sources.Single(s => s.GetProperty("kind").GetString() == "osv-directory").GetProperty("role").GetString());
            Assert.Equal(1, report.RootElement.GetProperty("duplicateRecords").GetInt32());
        }

        var cached = Directory.GetFiles(cache, "*.sdcache").ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Assert.Equal(2, cached.Count);
        var second = workspace.Build("PlcGateway/PlcGateway.csproj", properties);
        Assert.True(second.Succeeded, second.ToString());
        Assert.Single(second.Of("SD9001"));
        Assert.All(cached, entry => Assert.Equal(entry.Value, File.GetLastWriteTimeUtc(entry.Key)));
    }
}
