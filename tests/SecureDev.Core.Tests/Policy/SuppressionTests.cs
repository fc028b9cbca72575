using System.Text.Json;
using SecureDev.Core.Advisories;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Policy;
using SecureDev.Core.Sbom;
using Xunit;

namespace SecureDev.Core.Tests.Policy;

/// <summary>Accepted risk as auditable records: the suppressions file, its checks, and what the audit does with it.</summary>
public class SuppressionTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 2, 8, 0, 0, TimeSpan.Zero);

    private const string NotReachable = """
        { "id": "GHSA-5crp-9r3c-p9vr", "package": "Newtonsoft.Json", "versions": "[12.0.1]",
          "state": "not_affected", "justification": "code_not_reachable",
          "detail": "PlcGateway parses only its own tag map, with MaxDepth 32; no attacker-controlled JSON reaches Newtonsoft.Json.",
          "owner": "jane.doe@contoso.example", "expires": "2024-12-31" }
        """;

    private static Bom Gateway() => new()
    {
        SerialNumber = "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
        Metadata = new BomMetadata { Component = new Component { Type = "application", Name = "Gateway", Version = "1.0.0", BomRef = "project:Gateway@1.0.0" } },
        Components = new() { Package("Newtonsoft.Json", "12.0.1"), Package("Microsoft.Data.SqlClient", "2.1.4") },
        Dependencies = new() { new Dependency { Ref = "project:Gateway@1.0.0", DependsOn = new() { "pkg:nuget/Newtonsoft.Json@12.0.1", "pkg:nuget/Microsoft.Data.SqlClient@2.1.4" } } },
    };

    private static Component Package(string name, string version) => new() { Name = name, Version = version, BomRef = Purl.NuGet(name, version), Purl = Purl.NuGet(name, version) };

    private static string File(TemporaryDirectory directory, params string[] entries)
    {
        var path = directory.File("securedev-suppressions.json");
        System.IO.File.WriteAllText(path, $$"""{ "$schema": "{{SuppressionFile.Schema}}", "suppressions": [ {{string.Join(",", entries)}} ] }""");
        return path;
    }

    private static AuditResult Audit(string? suppressions, List<BuildMessage> messages, DateTimeOffset? now = null, IAdvisorySource[]? sources = null) =>
        Auditor.Audit(
            Gateway(),
            sources ?? new IAdvisorySource[] { new OsvDirectorySource(Fixture.AdvisoryDatabase) },
            new AuditOptions { Level = AdvisorySeverity.Low, Now = now ?? Now, SuppressionsFile = suppressions, File = "Gateway.csproj" },
            messages);

    [Fact]
    public void A_suppressed_finding_does_not_fail_stays_in_the_report_and_is_SD9005()
    {
        using var directory = Fixture.TemporaryDirectory();
        var messages = new List<BuildMessage>();
        var result = Audit(File(directory, NotReachable), messages);

        var finding = Assert.Single(result.Findings, f => f.Package == "Newtonsoft.Json");
        Assert.False(finding.FailsBuild);
        Assert.True(finding.AtOrAboveLevel);
        Assert.Equal("not_affected", finding.Suppression!.State);
        var note = Fixture.Single(messages, BuildRules.SuppressedVulnerability);
        Assert.Equal(BuildSeverity.Message, note.Severity);
        Assert.Contains("Accepted by suppressions[0] (GHSA-5crp-9r3c-p9vr in Newtonsoft.Json [12.0.1]): not_affected (code_not_reachable), owner jane.doe@contoso.example, until 2024-12-31", note.Text);
        Assert.DoesNotContain(messages, m => m.Rule == BuildRules.VulnerablePackageLow);

        // The other finding still fails; the suppression is recorded as applied.
        Assert.True(result.Failed);
        Assert.Equal("applied", Assert.Single(result.Suppressions).Status);
        var json = AuditReport.ToJson(result, "Gateway", Now);
        Assert.Contains("\"suppressed\": 1", json);
        Assert.Contains("\"justification\": \"code_not_reachable\"", json);
        Assert.Contains("\"status\": \"applied\"", json);
    }

    [Fact]
    public void A_suppression_may_name_the_advisory_by_an_alias_and_limits_itself_to_its_versions()
    {
        using var directory = Fixture.TemporaryDirectory();
        var byCve = """
            { "id": "CVE-2024-0056", "package": "Microsoft.Data.SqlClient", "versions": "[2.0.0, 3.0.0)", "state": "exploitable",
              "response": ["will_not_fix", "workaround_available"], "detail": "The historian link runs inside the plant network over a VPN that terminates TLS; upgrade planned with the 2.4 release.",
              "owner": "psirt@contoso.example", "expires": "2024-09-30" }
            """;
        var messages = new List<BuildMessage>();
        var result = Audit(File(directory, byCve), messages);
        var sql = Assert.Single(result.Findings, f => f.Package == "Microsoft.Data.SqlClient");
        Assert.Equal("GHSA-98g6-xh36-x2p7", sql.Advisory.Id);
        Assert.Equal(new[] { "will_not_fix", "workaround_available" }, sql.Suppression!.Response);

        var otherVersions = byCve.Replace("[2.0.0, 3.0.0)", "[3.0.0, 4.0.0)");
        var unused = new List<BuildMessage>();
        Assert.Null(Assert.Single(Audit(File(directory, otherVersions), unused).Findings, f => f.Package == "Microsoft.Data.SqlClient").Suppression);
        Assert.Contains("matches no finding of this build", Fixture.Single(unused, BuildRules.SuppressionUnused).Text);
    }

    [Fact]
    public void An_expired_suppression_is_SD9030_and_the_finding_fails_again()
    {
        using var directory = Fixture.TemporaryDirectory();
        var messages = new List<BuildMessage>();
        var result = Audit(File(directory, NotReachable), messages, now: new DateTimeOffset(2025, 1, 1, 0, 0, 1, TimeSpan.Zero));

        Assert.True(Assert.Single(result.Findings, f => f.Package == "Newtonsoft.Json").FailsBuild);
        var error = Fixture.Single(messages, BuildRules.SuppressionExpired);
        Assert.Equal(BuildSeverity.Error, error.Severity);
        Assert.EndsWith("securedev-suppressions.json", error.File);
        Assert.Contains("expired on 2024-12-31 (owner: jane.doe@contoso.example)", error.Text);
        Assert.Contains("1 finding(s) it covered are reported again", error.Text);
        Assert.Equal("expired", Assert.Single(result.Suppressions).Status);

        // The last day is still valid.
        var lastDay = new List<BuildMessage>();
        Audit(File(directory, NotReachable), lastDay, now: new DateTimeOffset(2024, 12, 31, 23, 59, 0, TimeSpan.Zero));
        Assert.DoesNotContain(lastDay, m => m.Rule == BuildRules.SuppressionExpired);
    }

    [Fact]
    public void An_expired_suppression_alone_fails_the_audit()
    {
        using var directory = Fixture.TemporaryDirectory();
        var result = Auditor.Audit(
            new Bom { Components = new() { Package("Newtonsoft.Json", "13.0.3") } },
            new IAdvisorySource[] { new OsvDirectorySource(Fixture.AdvisoryDatabase) },
            new AuditOptions { Now = new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero), MaxAgeDays = 0, SuppressionsFile = File(directory, NotReachable) },
            new List<BuildMessage>());
        Assert.Empty(result.Findings);
        Assert.True(result.Failed);
        Assert.Equal("failed", result.Verdict);
    }

    [Fact]
    public void A_suppression_matching_nothing_is_SD9031_unless_nothing_was_checked()
    {
        using var directory = Fixture.TemporaryDirectory();
        var stale = NotReachable.Replace("GHSA-5crp-9r3c-p9vr", "GHSA-wxyz-wxyz-wxyz");
        var messages = new List<BuildMessage>();
        Audit(File(directory, stale), messages);
        var warning = Fixture.Single(messages, BuildRules.SuppressionUnused);
        Assert.Equal(BuildSeverity.Warning, warning.Severity);
        Assert.Contains("no advisory source knows GHSA-wxyz-wxyz-wxyz", warning.Text);

        var notChecked = new List<BuildMessage>();
        Audit(File(directory, stale), notChecked, sources: Array.Empty<IAdvisorySource>());
        Assert.DoesNotContain(notChecked, m => m.Rule == BuildRules.SuppressionUnused);
    }

    [Theory]
    [InlineData("\"state\": \"not_affected\"", "\"state\": \"wont_fix\"", "\"state\" is 'wont_fix', which is not a CycloneDX 1.6 analysis state")]
    [InlineData("\"justification\": \"code_not_reachable\"", "\"justification\": \"not_reachable\"", "\"justification\" is 'not_reachable', which is not a CycloneDX 1.6 justification")]
    [InlineData("\"justification\": \"code_not_reachable\",", "", "a \"not_affected\" decision needs a \"justification\"")]
    [InlineData("\"state\": \"not_affected\", \"justification\": \"code_not_reachable\"", "\"state\": \"exploitable\"", "an \"exploitable\" decision needs a \"response\"")]
    [InlineData("\"state\": \"not_affected\", \"justification\": \"code_not_reachable\"", "\"state\": \"exploitable\", \"response\": [\"patch\"]", "\"response\" holds 'patch', which is not a CycloneDX 1.6 response")]
    [InlineData("\"versions\": \"[12.0.1]\"", "\"version\": \"[12.0.1]\"", "\"version\" is not a field of a suppression")]
    [InlineData("\"versions\": \"[12.0.1]\"", "\"versions\": \"12.0.1\"", "which is not a NuGet version range in brackets")]
    [InlineData("\"expires\": \"2024-12-31\"", "\"expires\": \"31.12.2024\"", "\"expires\" is '31.12.2024', which is not a date in the form YYYY-MM-DD")]
    [InlineData("\"owner\": \"jane.doe@contoso.example\",", "", "\"owner\" is missing")]
    [InlineData("\"detail\": \"PlcGateway", "\"detail\": \"", "\"detail\" must be a non-empty string")]
    public void An_invalid_entry_is_SD9033_and_does_not_apply(string replace, string with, string problem)
    {
        using var directory = Fixture.TemporaryDirectory();
        var entry = NotReachable.Replace(replace, with);
        if (with == "\"detail\": \"")
        {
            entry = NotReachable.Replace(NotReachable[NotReachable.IndexOf("\"detail\"", StringComparison.Ordinal)..NotReachable.IndexOf("\"owner\"", StringComparison.Ordinal)], "\"detail\": \" \",\n  ");
        }

        var messages = new List<BuildMessage>();
        var result = Audit(File(directory, entry), messages);
        var error = Fixture.Single(messages, BuildRules.InvalidSuppression);
        Assert.Equal(BuildSeverity.Error, error.Severity);
        Assert.Contains(problem, error.Text);
        Assert.StartsWith("suppressions[0]", error.Text);
        Assert.Null(Assert.Single(result.Findings, f => f.Package == "Newtonsoft.Json").Suppression);
        Assert.True(result.Failed);
    }

    [Theory]
    [InlineData(null, "does not exist")]
    [InlineData("{ \"suppressions\": [ ", "is not valid JSON")]
    [InlineData("[ ]", "is not a suppressions document")]
    [InlineData("{ \"suppressions\": [], \"owner\": \"x\" }", "is not a suppressions document")]
    public void A_missing_or_corrupt_file_is_SD9032(string? content, string problem)
    {
        using var directory = Fixture.TemporaryDirectory();
        var path = directory.File("suppressions.json");
        if (content is not null)
        {
            System.IO.File.WriteAllText(path, content);
        }

        var messages = new List<BuildMessage>();
        var result = Audit(path, messages);
        var error = Fixture.Single(messages, BuildRules.SuppressionsFileUnreadable);
        Assert.Equal(BuildSeverity.Error, error.Severity);
        Assert.Contains(problem, error.Text);
        Assert.All(result.Findings, f => Assert.Null(f.Suppression));
        Assert.True(result.Failed);
    }

    [Fact]
    public void Suppressed_findings_become_vex_statements_with_the_exact_cyclonedx_fields()
    {
        using var directory = Fixture.TemporaryDirectory();
        var result = Audit(File(directory, NotReachable), new List<BuildMessage>());
        using var vex = JsonDocument.Parse(VexDocument.Write(result, Gateway(), Now));
        var root = vex.RootElement;
        Assert.Equal("1.6", root.GetProperty("specVersion").GetString());
        Assert.StartsWith("urn:uuid:", root.GetProperty("serialNumber").GetString());
        var vulnerabilities = root.GetProperty("vulnerabilities").EnumerateArray().ToList();
        Assert.Equal(2, vulnerabilities.Count);

        var accepted = vulnerabilities.Single(v => v.GetProperty("id").GetString() == "GHSA-5crp-9r3c-p9vr");
        var analysis = accepted.GetProperty("analysis");
        Assert.Equal("not_affected", analysis.GetProperty("state").GetString());
        Assert.Equal("code_not_reachable", analysis.GetProperty("justification").GetString());
        Assert.Contains("Decision owner: jane.doe@contoso.example; it holds until 2024-12-31.", analysis.GetProperty("detail").GetString());
        Assert.Equal(
            "urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#pkg:nuget/Newtonsoft.Json@12.0.1",
            accepted.GetProperty("affects")[0].GetProperty("ref").GetString());
        Assert.Equal("Update Newtonsoft.Json to 13.0.1 or later.", accepted.GetProperty("recommendation").GetString());

        var open = vulnerabilities.Single(v => v.GetProperty("id").GetString() == "GHSA-98g6-xh36-x2p7");
        Assert.False(open.TryGetProperty("analysis", out _));
        Assert.Equal("CVE-2024-0056", open.GetProperty("references")[0].GetProperty("id").GetString());
        var ratings = open.GetProperty("ratings").EnumerateArray().ToList();
        Assert.Contains(ratings, r => r.GetProperty("method").GetString() == "CVSSv31" && r.GetProperty("vector").GetString()!.StartsWith("CVSS:3.1/", StringComparison.Ordinal));
        Assert.Contains(ratings, r => r.GetProperty("method").GetString() == "other" && r.GetProperty("severity").GetString() == "high");
    }
}
