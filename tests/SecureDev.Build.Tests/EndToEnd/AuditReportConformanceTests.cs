using System.Text.Json;
using SecureDev.Build.Tests.Tasks;
using Xunit;

namespace SecureDev.Build.Tests.EndToEnd;

/// <summary>
/// The audit's SARIF log and VEX judged by the official validators (SARIF multitool and schema, CycloneDX 1.6 strict
/// schema), on reports the audit task writes; the real-build counterparts are in AdvisoryAuditBuildTests.
/// </summary>
public class AuditReportConformanceTests
{
    private static string Audit(string level, bool suppress, bool serialNumber = true)
    {
        var directory = AuditDependenciesTaskTests.Scratch();
        var task = new AuditDependencies
        {
            BuildEngine = new RecordingBuildEngine(),
            BomFile = AuditDependenciesTaskTests.WriteBom(directory),
            ReportFile = Path.Combine(directory, "obj", "audit.json"),
            AdvisorySources = new Microsoft.Build.Framework.ITaskItem[] { new Microsoft.Build.Utilities.TaskItem(AuditDependenciesTaskTests.AdvisoryDatabase) },
            AuditPackageSources = "false",
            AuditLevel = level,
            AdvisoryCacheDirectory = Path.Combine(directory, "cache"),
            ProjectFile = AuditDependenciesTaskTests.WriteProject(directory),
            SuppressionsFile = suppress ? AuditDependenciesTaskTests.WriteSuppressions(directory) : null,
            Now = AuditDependenciesTaskTests.Now,
        };
        if (!serialNumber)
        {
            File.WriteAllText(task.BomFile, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(task.BomFile), "\"serialNumber\": \"[^\"]+\",\\s*", ""));
        }

        task.Execute();
        return Path.Combine(directory, "obj");
    }

    [Fact]
    public void The_vex_is_valid_cyclonedx_1_6_with_and_without_a_serial_number_to_link_to()
    {
        var linked = Audit("high", suppress: true);
        var embedded = Audit("high", suppress: true, serialNumber: false);
        Validators.AssertValidCycloneDx("1.6", Path.Combine(linked, "vex.cdx.json"), Path.Combine(embedded, "vex.cdx.json"));

        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(embedded, "vex.cdx.json")));
        Assert.Equal(2, document.RootElement.GetProperty("components").GetArrayLength());
        Assert.Equal("pkg:nuget/Newtonsoft.Json@12.0.1", document.RootElement.GetProperty("vulnerabilities")[1].GetProperty("affects")[0].GetProperty("ref").GetString());
    }

    [Fact]
    public void The_validator_rejects_a_vex_state_outside_the_cyclonedx_enumeration()
    {
        var vex = Path.Combine(Audit("high", suppress: true), "vex.cdx.json");
        File.WriteAllText(vex, File.ReadAllText(vex).Replace("\"state\": \"not_affected\"", "\"state\": \"wont_fix\"", StringComparison.Ordinal));
        Assert.False(Validators.Accepts("validate-cyclonedx.mjs", "1.6", vex));
    }

    [Fact]
    public void The_sarif_is_valid_and_points_at_the_package_reference()
    {
        var reports = Audit("low", suppress: true);
        var sarif = Path.Combine(reports, "audit.sarif");
        Validators.AssertValidSarif(sarif);

        using var document = JsonDocument.Parse(File.ReadAllText(sarif));
        var run = document.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(new[] { "SD9001", "SD9002", "SD9003", "SD9004" }, rules.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("9.5", rules[3].GetProperty("properties").GetProperty("security-severity").GetString());

        var results = run.GetProperty("results").EnumerateArray().ToList();
        var critical = results.Single(r => r.GetProperty("ruleId").GetString() == "SD9004");
        Assert.Equal("error", critical.GetProperty("level").GetString());
        var location = critical.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("/Gateway.csproj", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(4, location.GetProperty("region").GetProperty("startLine").GetInt32());

        var accepted = results.Single(r => r.GetProperty("ruleId").GetString() == "SD9001");
        Assert.Equal(3, accepted.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        var suppression = accepted.GetProperty("suppressions")[0];
        Assert.Equal(("external", "accepted"), (suppression.GetProperty("kind").GetString(), suppression.GetProperty("status").GetString()));
        Assert.StartsWith("not_affected (code_not_reachable): ", suppression.GetProperty("justification").GetString());
    }

    [Fact]
    public void A_report_without_findings_is_valid_too()
    {
        var directory = AuditDependenciesTaskTests.Scratch();
        var task = new AuditDependencies
        {
            BuildEngine = new RecordingBuildEngine(),
            BomFile = AuditDependenciesTaskTests.WriteBom(directory),
            ReportFile = Path.Combine(directory, "audit.json"),
            AuditPackageSources = "false",
        };
        Assert.True(task.Execute());
        Validators.AssertValidSarif(Path.Combine(directory, "audit.sarif"));
        Validators.AssertValidCycloneDx("1.6", Path.Combine(directory, "vex.cdx.json"));
        Assert.Contains("**Verdict: NOT CHECKED.**", File.ReadAllText(Path.Combine(directory, "audit.md")));
    }
}
