using SecureDev.Core.Advisories;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Policy;
using SecureDev.Core.Sbom;
using Xunit;

namespace SecureDev.Core.Tests.Advisories;

public class AuditScopeAndFreshnessTests
{
    private static readonly DateTimeOffset Newest = new(2024, 5, 31, 20, 35, 56, TimeSpan.Zero);

    private static Bom Gateway() => new()
    {
        Metadata = new BomMetadata { Component = new Component { Name = "Gateway", BomRef = "project:Gateway@1.0.0" } },
        Components = new() { Package("Newtonsoft.Json", "12.0.1"), Package("Vendor.Historian.Client", "3.1.0"), Package("System.Text.Encodings.Web", "4.5.0") },
        Dependencies = new()
        {
            new Dependency { Ref = "project:Gateway@1.0.0", DependsOn = new() { "pkg:nuget/Newtonsoft.Json@12.0.1", "pkg:nuget/Vendor.Historian.Client@3.1.0" } },
            new Dependency { Ref = "pkg:nuget/Vendor.Historian.Client@3.1.0", DependsOn = new() { "pkg:nuget/System.Text.Encodings.Web@4.5.0" } },
        },
    };

    private static Component Package(string name, string version) => new() { Name = name, Version = version, BomRef = Purl.NuGet(name, version), Purl = Purl.NuGet(name, version) };

    private static IAdvisorySource[] Database(bool vendor = false) => new IAdvisorySource[] { new OsvDirectorySource(Fixture.AdvisoryDatabase, vendor: vendor) };

    private static AuditResult Audit(Bom bom, AuditOptions options, List<BuildMessage>? messages = null, IAdvisorySource[]? sources = null) =>
        Auditor.Audit(bom, sources ?? Database(), options with { Now = options.Now ?? Newest.AddDays(1) }, messages ?? new List<BuildMessage>());

    [Fact]
    public void Mode_direct_checks_only_the_projects_own_references()
    {
        var all = Audit(Gateway(), new AuditOptions { Mode = AuditMode.All });
        Assert.Equal(3, all.ComponentsChecked);
        Assert.Equal(2, all.Findings.Count);

        var direct = Audit(Gateway(), new AuditOptions { Mode = AuditMode.Direct });
        Assert.Equal(2, direct.ComponentsChecked);
        Assert.Equal("Newtonsoft.Json", Assert.Single(direct.Findings).Package);
        Assert.Contains("\"auditMode\": \"direct\"", AuditReport.ToJson(direct, "Gateway", Newest));
        Assert.Null(direct.ScopeNote);
    }

    [Fact]
    public void Mode_direct_on_a_bom_without_a_graph_checks_everything_and_says_so()
    {
        var bom = new Bom { Components = Gateway().Components };
        var result = Audit(bom, new AuditOptions { Mode = AuditMode.Direct });
        Assert.Equal(2, result.Findings.Count);
        Assert.Contains("every package was checked", result.ScopeNote);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(7, false)]
    [InlineData(8, true)]
    [InlineData(400, true)]
    public void Data_older_than_the_max_age_is_SD9014_and_marked_stale(int daysLater, bool stale)
    {
        var messages = new List<BuildMessage>();
        var result = Audit(Gateway(), new AuditOptions { Now = Newest.AddDays(daysLater).AddHours(-1) }, messages);
        Assert.Equal(stale, Assert.Single(result.Sources).Stale);
        Assert.Equal(stale, messages.Any(m => m.Rule == BuildRules.StaleAdvisoryData));
        if (stale)
        {
            var warning = Fixture.Single(messages, BuildRules.StaleAdvisoryData);
            Assert.Equal(BuildSeverity.Warning, warning.Severity);
            Assert.Contains($"is {daysLater - 1} days old (its newest record is from 2024-05-31), older than SecureDevAdvisoryMaxAgeDays (7)", warning.Text);
            Assert.Contains("\"stale\": true", AuditReport.ToJson(result, "Gateway", Newest));
        }

        // Stale data still checks: the findings are there.
        Assert.Equal(2, result.Findings.Count);
    }

    [Fact]
    public void The_vendors_own_advisories_and_a_max_age_of_zero_are_not_held_to_freshness()
    {
        var later = Newest.AddDays(400);
        var vendor = new List<BuildMessage>();
        var result = Audit(Gateway(), new AuditOptions { Now = later }, vendor, Database(vendor: true));
        Assert.DoesNotContain(vendor, m => m.Rule == BuildRules.StaleAdvisoryData);
        Assert.True(Assert.Single(result.Sources).Vendor);
        Assert.Contains("\"role\": \"vendor\"", AuditReport.ToJson(result, "Gateway", Newest));

        var off = new List<BuildMessage>();
        Audit(Gateway(), new AuditOptions { Now = later, MaxAgeDays = 0 }, off);
        Assert.DoesNotContain(off, m => m.Rule == BuildRules.StaleAdvisoryData);
    }

    [Fact]
    public void The_fix_is_the_lowest_fixed_version_the_advisory_does_not_affect_again()
    {
        using var directory = Fixture.TemporaryDirectory();
        File.WriteAllText(directory.File("VENDOR-2025-002.json"), """
            { "id": "VENDOR-2025-002", "modified": "2025-05-01T00:00:00Z", "summary": "Tag writes bypass the access list",
              "affected": [
                { "package": { "ecosystem": "NuGet", "name": "Contoso.Plc" },
                  "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "0" }, { "fixed": "1.5.0" } ] } ] },
                { "package": { "ecosystem": "NuGet", "name": "Contoso.Plc" },
                  "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "1.5.0" }, { "fixed": "1.6.0" } ] } ] },
                { "package": { "ecosystem": "NuGet", "name": "Contoso.Plc.Legacy" },
                  "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "0" }, { "last_affected": "3.2.0" } ] } ] } ],
              "database_specific": { "severity": "HIGH" } }
            """);
        var bom = new Bom { Components = new() { Package("Contoso.Plc", "1.2.0"), Package("Contoso.Plc.Legacy", "3.0.0.1") } };
        var messages = new List<BuildMessage>();
        var result = Auditor.Audit(bom, new[] { new OsvDirectorySource(directory.Path, vendor: true) }, new AuditOptions { Level = AdvisorySeverity.Critical }, messages);

        Assert.Equal("1.6.0", Assert.Single(result.Findings, f => f.Package == "Contoso.Plc").FixedIn);
        var legacy = Assert.Single(result.Findings, f => f.Package == "Contoso.Plc.Legacy");
        Assert.Null(legacy.FixedIn);
        Assert.Contains("No fixed version is published", Auditor.Describe(legacy));
    }

    [Fact]
    public void A_component_whose_version_is_not_a_nuget_version_is_listed_as_not_checked()
    {
        var bom = new Bom { Components = new() { new Component { Name = "Newtonsoft.Json", Purl = "pkg:nuget/Newtonsoft.Json@latest", BomRef = "x" }, Package("Newtonsoft.Json", "12.0.1") } };
        var result = Audit(bom, new AuditOptions());
        Assert.Equal(1, result.ComponentsChecked);
        Assert.Equal(new[] { "pkg:nuget/Newtonsoft.Json@latest: 'latest' is not a NuGet version" }, result.NotChecked);
        Assert.Single(result.Findings);
    }
}
