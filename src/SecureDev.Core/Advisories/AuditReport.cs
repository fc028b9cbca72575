using SecureDev.Core.IO;
using SecureDev.Core.Policy;
using SecureDev.Core.Sbom;

namespace SecureDev.Core.Advisories;

/// <summary>
/// The audit report (audit.json): what was checked, against which advisory data (the snapshot of every source), under
/// which policy, and what was found, suppressed findings included. "checked": false says the build had no advisory
/// data; a report never shows that as a clean result.
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
        auditMode = result.Mode == AuditMode.Direct ? "direct" : "all",
        maxAgeDays = result.MaxAgeDays,
        @checked = result.Checked,
        verdict = result.Verdict,
        componentsChecked = result.ComponentsChecked,
        componentsNotChecked = result.NotChecked.Count == 0 ? null : result.NotChecked,
        scopeNote = result.ScopeNote,
        advisories = result.Advisories,
        duplicateRecords = result.DuplicateRecords,
        sources = result.Sources.Select(s => new
        {
            name = s.Name,
            kind = s.Kind,
            role = s.Vendor ? "vendor" : "public",
            location = s.Location,
            status = s.Status,
            records = s.Records,
            newestModified = s.NewestModified is { } m ? BuildTimestamp.Format(m) : null,
            stale = s.Stale,
            sha256 = s.Sha256,
            commit = s.Commit,
            files = s.Files is { Count: > 0 } files ? files : null,
            note = s.Note,
        }),
        summary = new
        {
            critical = Open(result, AdvisorySeverity.Critical),
            high = Open(result, AdvisorySeverity.High),
            moderate = Open(result, AdvisorySeverity.Moderate),
            low = Open(result, AdvisorySeverity.Low),
            failing = result.Findings.Count(f => f.FailsBuild),
            suppressed = result.Findings.Count(f => f.Suppression is not null),
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
            cvssScore = f.Advisory.CvssScore,
            fixedIn = f.FixedIn,
            direct = f.Direct,
            path = f.Path,
            failsBuild = f.FailsBuild,
            suppressed = f.Suppression is not null,
            suppression = f.Suppression is { } s ? Entry(s) : null,
            advisoryModified = f.Advisory.Modified is { } m ? BuildTimestamp.Format(m) : null,
            url = f.Advisory.Url,
            source = f.Advisory.Source,
            alsoIn = f.Advisory.AlsoIn.Count == 0 ? null : f.Advisory.AlsoIn,
        }),
        suppressions = result.SuppressionFile is { } file
            ? new
            {
                file = file.Path,
                sha256 = file.Sha256,
                entries = result.Suppressions.Select(o => new
                {
                    entry = Entry(o.Entry),
                    status = o.Status,
                    findings = o.Findings.Select(f => $"{f.Package} {f.Version} {f.Advisory.Id}"),
                }),
            }
            : null,
    });

    private static int Open(AuditResult result, AdvisorySeverity severity) =>
        result.Findings.Count(f => f.Severity == severity && f.Suppression is null);

    private static object Entry(Suppression s) => new
    {
        index = s.Index,
        id = s.Id,
        package = s.Package,
        versions = s.VersionsText,
        state = s.State,
        justification = s.Justification,
        response = s.Response.Count == 0 ? null : s.Response,
        detail = s.Detail,
        owner = s.Owner,
        expires = s.ExpiresText,
    };
}
