using SecureDev.Core.Advisories;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Sbom;
using Xunit;

namespace SecureDev.Core.Tests.Advisories;

public class AuditorTests
{
    /// <summary>A project with a direct Newtonsoft.Json 12.0.1 (low) and, through a library, System.Text.Encodings.Web 4.5.0 (critical).</summary>
    private static Bom Bom() => new()
    {
        Metadata = new BomMetadata { Component = new Component { Name = "Gateway", BomRef = "project:Gateway@1.0.0" } },
        Components = new()
        {
            Package("Newtonsoft.Json", "12.0.1"),
            Package("Vendor.Historian.Client", "3.1.0"),
            Package("System.Text.Encodings.Web", "4.5.0"),
            Package("Safe.Package", "1.0.0"),
        },
        Dependencies = new()
        {
            new Dependency { Ref = "project:Gateway@1.0.0", DependsOn = new() { "pkg:nuget/Newtonsoft.Json@12.0.1", "pkg:nuget/Vendor.Historian.Client@3.1.0" } },
            new Dependency { Ref = "pkg:nuget/Vendor.Historian.Client@3.1.0", DependsOn = new() { "pkg:nuget/System.Text.Encodings.Web@4.5.0" } },
        },
    };

    private static Component Package(string name, string version) => new()
    {
        Name = name,
        Version = version,
        BomRef = Purl.NuGet(name, version),
        Purl = Purl.NuGet(name, version),
    };

    private static IReadOnlyList<IAdvisorySource> Database => new[] { new OsvDirectorySource(Fixture.AdvisoryDatabase) };

    [Fact]
    public void Findings_at_or_above_the_level_fail_and_lower_ones_warn_with_one_id_per_severity()
    {
        var messages = new List<BuildMessage>();
        var result = Auditor.Audit(Bom(), Database, AdvisorySeverity.High, messages);
        Assert.True(result.Checked);
        Assert.True(result.Failed);

        var critical = Fixture.Single(messages, BuildRules.VulnerablePackageCritical);
        Assert.Equal(BuildSeverity.Error, critical.Severity);
        Assert.Contains("GHSA-ghhp-997w-qr28", critical.Text);
        Assert.Contains("Fixed in 4.5.1", critical.Text);

        var low = Fixture.Single(messages, BuildRules.VulnerablePackageLow);
        Assert.Equal(BuildSeverity.Warning, low.Severity);
        Assert.Contains("Newtonsoft.Json", low.Text);
        Assert.Contains("13.0.1", low.Text);
        Assert.DoesNotContain(messages, m => m.Rule == BuildRules.VulnerablePackageModerate || m.Rule == BuildRules.VulnerablePackageHigh);
    }

    [Theory]
    [InlineData(AdvisorySeverity.Low, 2)]
    [InlineData(AdvisorySeverity.Moderate, 1)]
    [InlineData(AdvisorySeverity.Critical, 1)]
    public void The_level_decides_how_many_findings_fail(AdvisorySeverity level, int failing)
    {
        var result = Auditor.Audit(Bom(), Database, level, new List<BuildMessage>());
        Assert.Equal(failing, result.Findings.Count(f => f.FailsBuild));
        Assert.Equal(2, result.Findings.Count);
    }

    [Fact]
    public void A_transitive_finding_names_the_path_from_the_direct_reference()
    {
        var result = Auditor.Audit(Bom(), Database, AdvisorySeverity.High, new List<BuildMessage>());
        var finding = Assert.Single(result.Findings, f => f.Package == "System.Text.Encodings.Web");
        Assert.False(finding.Direct);
        Assert.Equal(new[] { "Vendor.Historian.Client 3.1.0", "System.Text.Encodings.Web 4.5.0" }, finding.Path);
        Assert.Contains("Vendor.Historian.Client 3.1.0 -> System.Text.Encodings.Web 4.5.0", Auditor.Describe(finding));
        Assert.True(Assert.Single(result.Findings, f => f.Package == "Newtonsoft.Json").Direct);
    }

    [Fact]
    public void No_source_configured_is_SD9010_and_never_a_clean_result()
    {
        var messages = new List<BuildMessage>();
        var result = Auditor.Audit(Bom(), Array.Empty<IAdvisorySource>(), AdvisorySeverity.High, messages);
        Assert.False(result.Checked);
        Assert.Empty(result.Findings);
        Assert.Contains("NOT checked", Fixture.Single(messages, BuildRules.NoAdvisorySource).Text);
        Assert.Contains("\"verdict\": \"not-checked\"", AuditReport.ToJson(result, "Gateway", DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Sources_without_data_are_not_a_check_either()
    {
        using var empty = Fixture.TemporaryDirectory();
        var messages = new List<BuildMessage>();
        var result = Auditor.Audit(Bom(), new IAdvisorySource[] { new OsvDirectorySource(empty.Path), new OsvDirectorySource("/nonexistent") }, AdvisorySeverity.High, messages);
        Assert.False(result.Checked);
        Fixture.Single(messages, BuildRules.EmptyAdvisorySource);
        Fixture.Single(messages, BuildRules.MissingAdvisorySource);
        Fixture.Single(messages, BuildRules.NoAdvisorySource);
    }

    [Fact]
    public void An_advisory_seen_in_two_sources_counts_once()
    {
        var result = Auditor.Audit(Bom(), new[] { Database[0], new OsvDirectorySource(Fixture.AdvisoryDatabase, "mirror") }, AdvisorySeverity.Critical, new List<BuildMessage>());
        Assert.Equal(2, result.Findings.Count);
    }

    [Fact]
    public void An_advisory_without_severity_is_treated_as_high()
    {
        using var directory = Fixture.TemporaryDirectory();
        File.WriteAllText(directory.File("VENDOR-2025-001.json"), """
            { "id": "VENDOR-2025-001", "summary": "Fieldbus driver accepts unauthenticated writes",
              "affected": [ { "package": { "ecosystem": "NuGet", "name": "Contoso.Fieldbus" },
                              "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "0" }, { "fixed": "2.0.0" } ] } ] } ] }
            """);
        var bom = new Bom { Components = new() { Package("Contoso.Fieldbus", "1.4.0") } };
        var messages = new List<BuildMessage>();
        var finding = Assert.Single(Auditor.Audit(bom, new[] { new OsvDirectorySource(directory.Path) }, AdvisorySeverity.Critical, messages).Findings);
        Assert.Equal(AdvisorySeverity.High, finding.Severity);
        Assert.Contains("the advisory gives no severity", Fixture.Single(messages, BuildRules.VulnerablePackageHigh).Text);
    }

    [Fact]
    public void The_report_records_sources_findings_and_verdict()
    {
        var result = Auditor.Audit(Bom(), Database, AdvisorySeverity.Critical, new List<BuildMessage>());
        var json = AuditReport.ToJson(result, "Gateway", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        Assert.Contains("\"verdict\": \"failed\"", json);
        Assert.Contains("\"records\": 4", json);
        Assert.Contains("\"newestModified\": \"2024-05-31T20:35:56Z\"", json);
        Assert.Contains("\"advisory\": \"GHSA-ghhp-997w-qr28\"", json);
        Assert.Equal(json, AuditReport.ToJson(result, "Gateway", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)));
    }
}
