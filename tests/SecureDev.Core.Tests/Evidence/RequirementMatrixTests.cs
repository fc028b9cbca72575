using SecureDev.Core.Evidence;
using SecureDev.Core.Projects;
using Xunit;

namespace SecureDev.Core.Tests.Evidence;

/// <summary>The requirement matrix over builds whose records are given directly.</summary>
public class RequirementMatrixTests
{
    private static readonly string[] Required = EvidenceRecords.All.Where(r => r.Required).Select(r => r.Name).ToArray();

    private static BuildEvidence Build(string name, bool exists = true, CompilerLog? log = null, AuditSummary? audit = null, params Suppression[] suppressions)
    {
        var build = new BuildEvidence(new ProjectEntry(name, $"/src/{name}/{name}.csproj", false), "Release", "net10.0", exists ? $"/src/{name}/bin/securedev/Release/net10.0" : null)
        {
            BundlePath = $"projects/{name}/net10.0",
            Log = log ?? CompilerLog.Read(Fixture.Path("evidence", "plcgateway.sarif")),
            Audit = audit ?? new AuditSummary("passed", true, "high", new[] { "advisory-db: used" }, Array.Empty<AdvisoryFinding>()),
            Suppressions = suppressions,
        };
        if (exists)
        {
            build.Present.AddRange(Required);
        }

        return build;
    }

    private static string Status(IReadOnlyList<RequirementStatus> rows, string id) => rows.Single(r => r.Id == id).Status;

    private static readonly CompilerLog Clean = CompilerLog.Parse("""
        { "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "csc", "semanticVersion": "5.9.0", "rules": [
          { "id": "SD3001", "shortDescription": { "text": "Hard-coded credential" }, "properties": { "category": "Authentication" } },
          { "id": "CS8618", "shortDescription": { "text": "Non-nullable field" } } ] } },
          "results": [
            { "ruleId": "CS8618", "level": "warning", "message": { "text": "not a security rule" } },
            { "ruleId": "SD3001", "level": "warning", "message": { "text": "default password" }, "suppressions": [ { "kind": "inSource", "justification": "Compensating countermeasure: changed at commissioning" } ] } ] } ] }
        """, "clean.sarif");

    [Fact]
    public void A_clean_complete_release_has_every_requirement_present()
    {
        var rows = RequirementMatrix.Evaluate(new[] { Build("Gateway", log: Clean) });
        Assert.All(rows, r => Assert.Equal(RequirementState.Present, r.Status));
        Assert.Equal(new[] { "SM-6", "SM-9", "SM-11", "SM-12", "SI-1", "SI-2", "SVV-3", "DM-1", "DM-2", "DM-3", "DM-4", "SUM-2", "SG-2", "SG-3", "SG-6" }, rows.Select(r => r.Id));
        Assert.Contains("1 built-in credential(s) found (SD3xxx), 0 of them open", rows.Single(r => r.Id == "SG-6").Detail);
    }

    [Fact]
    public void Open_findings_and_unresolved_advisories_close_the_release_gate()
    {
        var advisory = new AdvisoryFinding("Newtonsoft.Json", "12.0.1", "GHSA-5crp-9r3c-p9vr", "low", "13.0.1", false, null, null);
        var rows = RequirementMatrix.Evaluate(new[] { Build("Gateway", audit: new AuditSummary("passed-with-findings", true, "moderate", Array.Empty<string>(), new[] { advisory })) });
        Assert.Equal(RequirementState.Failing, Status(rows, "SM-11"));
        Assert.Contains("2 open security finding(s) in the compiler logs and 1 unresolved advisory finding(s)", rows.Single(r => r.Id == "SM-11").Detail);
        Assert.Equal(RequirementState.Failing, Status(rows, "DM-4"));

        var resolved = advisory with { Resolution = "VEX: not_affected" };
        rows = RequirementMatrix.Evaluate(new[] { Build("Gateway", log: Clean, audit: new AuditSummary("passed-with-findings", true, "moderate", Array.Empty<string>(), new[] { resolved })) });
        Assert.Equal(RequirementState.Present, Status(rows, "SM-11"));
        Assert.Equal(RequirementState.Present, Status(rows, "DM-4"));
    }

    [Fact]
    public void Missing_or_stale_evidence_never_marks_SM_12_complete()
    {
        var stale = Build("Gateway", log: Clean);
        stale.Stale.Add("Program.cs changed after the build");
        var absent = Build("Hmi", exists: false, log: Clean);
        absent.Log = null;
        absent.Audit = null;

        var rows = RequirementMatrix.Evaluate(new[] { stale, absent });

        Assert.Equal(RequirementState.Missing, Status(rows, "SM-12"));
        var detail = rows.Single(r => r.Id == "SM-12").Detail;
        Assert.Contains("Gateway (Release|net10.0): stale (Program.cs changed after the build)", detail);
        Assert.Contains("Hmi (Release|net10.0): no evidence folder", detail);
        Assert.Equal(RequirementState.Missing, Status(rows, "SM-9"));
        Assert.Equal(RequirementState.Missing, Status(rows, "SI-1"));
        Assert.Equal(RequirementState.Missing, RequirementMatrix.Evaluate(Array.Empty<BuildEvidence>()).Single(r => r.Id == "SM-12").Status);
    }

    [Fact]
    public void Unchecked_dependencies_and_unjustified_suppressions_are_not_present()
    {
        var unjustified = new Suppression("editorconfig", "SD1001", null, ".editorconfig", 2, "disables", true, true, null, null);
        var rows = RequirementMatrix.Evaluate(new[] { Build("Gateway", true, Clean, new AuditSummary("not-checked", false, "high", Array.Empty<string>(), Array.Empty<AdvisoryFinding>()), unjustified) });
        Assert.Equal(RequirementState.Missing, Status(rows, "SVV-3"));
        Assert.Equal(RequirementState.Missing, Status(rows, "SM-11"));
        Assert.Contains("NOT checked", rows.Single(r => r.Id == "SM-11").Detail);
        Assert.Equal(RequirementState.Failing, Status(rows, "SI-2"));
        Assert.Contains("SD1001 by editorconfig at .editorconfig:2", rows.Single(r => r.Id == "SI-2").Detail);
    }

    [Fact]
    public void Altered_evidence_fails_file_integrity()
    {
        var altered = Build("Gateway", log: Clean);
        altered.Altered.Add("changed: bom.cdx.json");
        var rows = RequirementMatrix.Evaluate(new[] { altered });
        Assert.Equal(RequirementState.Failing, Status(rows, "SM-6"));
        Assert.Equal(RequirementState.Failing, Status(rows, "SM-12"));
    }
}
