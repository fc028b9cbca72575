using System.Globalization;
using System.Text;
using SecureDev.Core.Policy;
using SecureDev.Core.Sbom;

namespace SecureDev.Core.Advisories;

/// <summary>The audit report for people (audit.md): the verdict first, then the data it rests on, the findings and the decisions.</summary>
public static class AuditMarkdown
{
    public static string Write(AuditResult result, string project, DateTimeOffset timestamp)
    {
        var text = new StringBuilder();
        text.Append("# Dependency audit: ").AppendLine(Cell(project)).AppendLine();
        text.AppendLine(result.Verdict switch
        {
            "not-checked" => "**Verdict: NOT CHECKED.** No advisory source held data, so this build's dependencies were not checked for known vulnerabilities. This is not a clean result.",
            "failed" => $"**Verdict: FAILED.** {Failing(result)}",
            "passed-with-findings" => $"**Verdict: passed with findings.** {result.Findings.Count(f => f.Suppression is null)} finding(s) below the audit level `{result.Level.Name()}` stay visible as warnings.",
            _ => "**Verdict: passed.** No open finding at any severity.",
        });
        text.AppendLine();
        text.AppendLine("| | |");
        text.AppendLine("| --- | --- |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Build time | {BuildTimestamp.Format(timestamp)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Audit level | `{result.Level.Name()}`: findings at or above it fail the build |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Scope | {(result.Mode == AuditMode.Direct ? "direct references only" : "all packages, direct and transitive")} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Components checked | {result.ComponentsChecked} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Advisories (merged) | {result.Advisories} ({result.DuplicateRecords} duplicate records merged by id and alias) |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Freshness limit | {(result.MaxAgeDays <= 0 ? "off" : result.MaxAgeDays + " days")} |");
        if (result.ScopeNote is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| Note | {Cell(result.ScopeNote)} |");
        }

        foreach (var component in result.NotChecked)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| Not checked | {Cell(component)} |");
        }

        text.AppendLine().AppendLine("## Advisory data").AppendLine();
        if (result.Sources.Count == 0)
        {
            text.AppendLine("No advisory source is configured.");
        }
        else
        {
            text.AppendLine("| Source | Kind | Status | Records | Newest record | Snapshot |");
            text.AppendLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var s in result.Sources)
            {
                var status = s.Status + (s.Stale ? ", **stale**" : "") + (s.Note is null ? "" : $" ({s.Note})");
                var snapshot = s.Sha256 is not null ? $"sha256 `{s.Sha256}`" : s.Commit is not null ? $"commit `{s.Commit}`" : s.Files is { Count: > 0 } files ? string.Join("<br>", files) : "";
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {Cell(s.Name)} | {s.Kind}{(s.Vendor ? " (vendor)" : "")} | {Cell(status)} | {s.Records} | {(s.NewestModified is { } m ? BuildTimestamp.Format(m) : "")} | {Cell(snapshot)} |");
            }
        }

        var open = result.Findings.Where(f => f.Suppression is null).ToList();
        text.AppendLine().AppendLine("## Findings").AppendLine();
        if (open.Count == 0)
        {
            text.AppendLine(result.Checked ? "None." : "None, because nothing was checked.");
        }
        else
        {
            text.AppendLine("| Severity | Package | Version | Advisory | Fixed in | Via | Result |");
            text.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
            foreach (var f in open)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {f.Severity.Name()} | {Cell(f.Package)} | {f.Version} | {Link(f.Advisory)} | {f.FixedIn ?? "no fix published"} | {(f.Direct ? "direct" : Cell(string.Join(" → ", f.Path)))} | {(f.FailsBuild ? "**fails the build**" : "warning")} |");
            }
        }

        var accepted = result.Findings.Where(f => f.Suppression is not null).ToList();
        text.AppendLine().AppendLine("## Accepted (VEX statements)").AppendLine();
        if (accepted.Count == 0)
        {
            text.AppendLine("None.");
        }
        else
        {
            text.AppendLine("| Severity | Package | Version | Advisory | State | Justification | Response | Owner | Until | Detail |");
            text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var f in accepted)
            {
                var s = f.Suppression!;
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {f.Severity.Name()} | {Cell(f.Package)} | {f.Version} | {Link(f.Advisory)} | {s.State} | {s.Justification ?? ""} | {string.Join(", ", s.Response)} | {Cell(s.Owner)} | {s.ExpiresText} | {Cell(s.Detail)} |");
            }
        }

        if (result.SuppressionFile is { } file)
        {
            text.AppendLine().AppendLine("## Suppressions file").AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"`{file.Path}` (sha256 `{file.Sha256}`), {file.Entries.Count} valid entr{(file.Entries.Count == 1 ? "y" : "ies")}.").AppendLine();
            if (result.Suppressions.Count > 0)
            {
                text.AppendLine("| Entry | Status | Owner | Until |");
                text.AppendLine("| --- | --- | --- | --- |");
                foreach (var o in result.Suppressions)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(o.Entry.ToString())} | {(o.Status == "applied" ? "applied" : $"**{o.Status}**")} | {Cell(o.Entry.Owner)} | {o.Entry.ExpiresText} |");
                }
            }
        }

        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string Failing(AuditResult result)
    {
        var failing = result.Findings.Count(f => f.FailsBuild);
        var parts = new List<string>();
        if (failing > 0)
        {
            parts.Add($"{failing} finding(s) at or above the audit level `{result.Level.Name()}`.");
        }

        var expired = result.Suppressions.Count(o => o.Status == "expired");
        if (expired > 0)
        {
            parts.Add($"{expired} suppression(s) expired.");
        }

        if (result.Errors > expired)
        {
            parts.Add("The suppressions file has errors (see the build output).");
        }

        return string.Join(" ", parts);
    }

    private static string Link(Advisory advisory) => advisory.Url is null ? Cell(advisory.Id) : $"[{Cell(advisory.Id)}]({advisory.Url})";

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
