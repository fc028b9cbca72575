using SecureDev.Core.IO;
using SecureDev.Core.Sbom;

namespace SecureDev.Core.Advisories;

/// <summary>
/// The audit report (audit.json): what was checked, against which advisory data, and what was found. "checked": false
/// says the build had no advisory data; a report never shows that as a clean result.
/// </summary>
public static class AuditReport
{
    public const string Schema = "https://securedev.dev/schemas/audit/1";

    public static string ToJson(AuditResult result, string project, DateTimeOffset timestamp) => CanonicalJson.Serialize(new
    {
        schema = Schema,
        tool = new { name = BomBuilder.ToolName, version = BomBuilder.ToolVersion },
        project,
        timestamp = BuildTimestamp.Format(timestamp),
        auditLevel = result.Level.Name(),
        @checked = result.Checked,
        verdict = !result.Checked ? "not-checked" : result.Failed ? "failed" : result.Findings.Count > 0 ? "passed-with-findings" : "passed",
        componentsChecked = result.ComponentsChecked,
        sources = result.Sources.Select(s => new
        {
            name = s.Name,
            kind = s.Kind,
            location = s.Location,
            status = s.Status,
            records = s.Records,
            newestModified = s.NewestModified is { } m ? BuildTimestamp.Format(m) : null,
        }),
        summary = new
        {
            critical = result.Findings.Count(f => f.Severity == AdvisorySeverity.Critical),
            high = result.Findings.Count(f => f.Severity == AdvisorySeverity.High),
            moderate = result.Findings.Count(f => f.Severity == AdvisorySeverity.Moderate),
            low = result.Findings.Count(f => f.Severity == AdvisorySeverity.Low),
            failing = result.Findings.Count(f => f.FailsBuild),
        },
        findings = result.Findings.Select(f => new
        {
            package = f.Package,
            version = f.Version,
            bomRef = f.BomRef,
            advisory = f.Advisory.Id,
            aliases = f.Advisory.Aliases,
            summary = f.Advisory.Summary,
            severity = f.Severity.Name(),
            severityBasis = f.Advisory.SeverityBasis,
            cvssVector = f.Advisory.CvssVector,
            fixedIn = f.FixedIn,
            direct = f.Direct,
            path = f.Path,
            failsBuild = f.FailsBuild,
            advisoryModified = f.Advisory.Modified is { } m ? BuildTimestamp.Format(m) : null,
            url = f.Advisory.Url,
            source = f.Advisory.Source,
        }),
    });
}
