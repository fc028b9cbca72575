using NuGet.Versioning;
using SecureDev.Core.Advisories;
using Xunit;

namespace SecureDev.Core.Tests.Advisories;

/// <summary>The real GitHub advisory records of samples/advisory-db, each chosen for a shape the matcher must handle.</summary>
public class OsvParserTests
{
    private static Advisory Load(string id)
    {
        var file = Directory.GetFiles(Fixture.AdvisoryDatabase, id + ".json", SearchOption.AllDirectories).Single();
        return OsvParser.Parse(File.ReadAllText(file), "fixture")!;
    }

    private static bool Affects(Advisory advisory, string package, string version, out string? fixedIn)
    {
        NuGetVersion? lowest = null;
        var affected = false;
        foreach (var entry in advisory.Affected.Where(a => a.Name.Equals(package, StringComparison.OrdinalIgnoreCase)))
        {
            if (entry.Affects(NuGetVersion.Parse(version), out var fix))
            {
                affected = true;
                lowest = fix is not null && (lowest is null || fix < lowest) ? fix : lowest;
            }
        }

        fixedIn = lowest?.ToNormalizedString();
        return affected;
    }

    [Fact]
    public void Severity_only_in_database_specific_is_read_from_there()
    {
        var advisory = Load("GHSA-5crp-9r3c-p9vr");
        Assert.Equal(AdvisorySeverity.Low, advisory.Severity);
        Assert.Equal("database_specific.severity", advisory.SeverityBasis);
        Assert.Empty(advisory.Aliases);
        Assert.Equal(new[] { 755 }, advisory.Cwes);
        Assert.Equal(new DateTimeOffset(2022, 7, 12, 3, 46, 43, TimeSpan.Zero), advisory.Modified);
    }

    [Theory]
    [InlineData("12.0.1", true, "13.0.1")]
    [InlineData("13.0.0", true, "13.0.1")]
    [InlineData("13.0.1", false, null)]
    [InlineData("13.0.3", false, null)]
    [InlineData("13.0.1-beta1", true, "13.0.1")]
    public void Introduced_zero_to_fixed(string version, bool affected, string? fixedIn)
    {
        Assert.Equal(affected, Affects(Load("GHSA-5crp-9r3c-p9vr"), "Newtonsoft.Json", version, out var fix));
        Assert.Equal(fixedIn, fix);
    }

    [Theory]
    [InlineData("4.0.0", true, "4.5.1")]
    [InlineData("4.5.0", true, "4.5.1")]
    [InlineData("4.5.1", false, null)]
    [InlineData("4.6.0", true, "4.7.2")]
    [InlineData("4.7.2", false, null)]
    [InlineData("5.0.0", true, "5.0.1")]
    [InlineData("5.0.1", false, null)]
    [InlineData("6.0.0", false, null)]
    public void One_package_in_several_affected_branches(string version, bool affected, string? fixedIn)
    {
        var advisory = Load("GHSA-ghhp-997w-qr28");
        Assert.Equal(AdvisorySeverity.Critical, advisory.Severity);
        Assert.Equal(affected, Affects(advisory, "System.Text.Encodings.Web", version, out var fix));
        Assert.Equal(fixedIn, fix);
    }

    [Theory]
    [InlineData("Microsoft.Data.SqlClient", "2.1.4", true, "2.1.7")]
    [InlineData("Microsoft.Data.SqlClient", "3.0.1", true, "3.1.5")]
    [InlineData("Microsoft.Data.SqlClient", "2.1.7", false, null)]
    [InlineData("System.Data.SqlClient", "4.8.5", true, "4.8.6")]
    [InlineData("System.Data.SqlClient", "4.9.1", false, null)]
    public void Two_packages_in_one_advisory_with_severity_from_the_cvss_vector(string package, string version, bool affected, string? fixedIn)
    {
        var advisory = Load("GHSA-98g6-xh36-x2p7");
        Assert.Contains("CVE-2024-0056", advisory.Aliases);
        Assert.Equal(affected, Affects(advisory, package, version, out var fix));
        Assert.Equal(fixedIn, fix);
    }

    [Theory]
    [InlineData("1.4.368.57", true)]
    [InlineData("1.4.368.58", false)]
    [InlineData("1.4.371.60", false)]
    [InlineData("1.3.342.0", true)]
    public void Four_part_versions_compare_with_nuget_semantics(string version, bool affected)
    {
        Assert.Equal(affected, Affects(Load("GHSA-6fp8-cxc9-4fr9"), "OPCFoundation.NetStandard.Opc.Ua.Core", version, out _));
    }

    [Fact]
    public void Last_affected_and_explicit_versions_are_understood()
    {
        const string json = """
            { "id": "TEST-1", "modified": "2025-01-01T00:00:00Z",
              "affected": [
                { "package": { "ecosystem": "NuGet", "name": "Vendor.Driver" },
                  "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "2.0.0" }, { "last_affected": "2.3.1" } ] } ],
                  "versions": [ "1.9.9-rc.1" ] } ],
              "database_specific": { "severity": "MODERATE" } }
            """;
        var advisory = OsvParser.Parse(json, "test")!;
        Assert.Equal(AdvisorySeverity.Moderate, advisory.Severity);
        Assert.True(Affects(advisory, "Vendor.Driver", "2.3.1", out var fix));
        Assert.Null(fix);
        Assert.False(Affects(advisory, "Vendor.Driver", "2.3.2", out _));
        Assert.False(Affects(advisory, "Vendor.Driver", "1.9.9", out _));
        Assert.True(Affects(advisory, "Vendor.Driver", "1.9.9-rc.1", out _));
    }

    [Fact]
    public void Records_of_other_ecosystems_are_not_advisories_for_nuget()
    {
        const string json = """{ "id": "PYSEC-1", "affected": [ { "package": { "ecosystem": "PyPI", "name": "requests" }, "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "0" } ] } ] } ] }""";
        Assert.Null(OsvParser.Parse(json, "test"));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("""{ "affected": [] }""")]
    [InlineData("""{ "id": "X", "affected": [ { "package": { "ecosystem": "NuGet", "name": "P" }, "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "not-a-version" } ] } ] } ] }""")]
    public void Corrupt_records_are_rejected_with_a_reason(string json)
    {
        var error = Assert.Throws<InvalidDataException>(() => OsvParser.Parse(json, "test"));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void An_unknown_range_type_or_severity_is_reported_and_skipped()
    {
        const string json = """
            { "id": "TEST-2",
              "affected": [ { "package": { "ecosystem": "NuGet", "name": "P" },
                              "ranges": [ { "type": "GIT", "repo": "https://example.org/p.git", "events": [ { "introduced": "abc" } ] },
                                          { "type": "ECOSYSTEM", "events": [ { "introduced": "0" }, { "fixed": "1.0.0" } ] } ] } ],
              "database_specific": { "severity": "SEVERE" } }
            """;
        var warnings = new List<string>();
        var advisory = OsvParser.Parse(json, "test", warnings)!;
        Assert.Contains(warnings, w => w.Contains("GIT"));
        Assert.Contains(warnings, w => w.Contains("SEVERE"));
        Assert.Equal(AdvisorySeverity.Unknown, advisory.Severity);
        Assert.Single(advisory.Affected.Single().Ranges);
    }
}
