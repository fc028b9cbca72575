using System.Net;
using System.Text;
using SecureDev.Core.Sbom;

namespace SecureDev.Core.Evidence;

/// <summary>
/// index.html of a release bundle: the requirement matrix and the records behind it, for an assessor or a release
/// manager. Self-contained: one file with its styles inline, no script, no font, image or any other resource to load.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        :root { color-scheme: light; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1d232a; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
        .meta { color: #57606a; margin-top: 0; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; } th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; } td.id { white-space: nowrap; font-weight: 600; }
        code { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; word-break: break-all; }
        .status { display: inline-block; padding: .05rem .5rem; border-radius: .8rem; font-weight: 600; font-size: 12px; white-space: nowrap; }
        .present, .passed, .complete { background: #dafbe1; color: #116329; } .missing, .incomplete, .stale { background: #fff8c5; color: #7d4e00; }
        .failing, .failed, .altered { background: #ffebe9; color: #a40e26; }
        .summary { display: flex; gap: 1rem; flex-wrap: wrap; } .summary div { border: 1px solid #d0d7de; border-radius: .4rem; padding: .5rem 1rem; }
        .none { color: #57606a; font-style: italic; }
        """;

    public static string Render(ReleaseBundle bundle)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        html.Append($"<title>Release {E(bundle.Release)}: IEC 62443-4-1 evidence</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n");
        html.Append($"<h1>Release {E(bundle.Release)}: IEC 62443-4-1 evidence</h1>\n");
        html.Append($"<p class=\"meta\">{E(bundle.Input)}, configuration {E(bundle.Configuration)}, generated {E(BuildTimestamp.Format(bundle.Timestamp))} by {E(BomBuilder.ToolName)} {E(BomBuilder.ToolVersion)}. " +
                    $"Every file of this bundle is listed with its SHA-256 in <a href=\"manifest.json\">manifest.json</a>; check it with <code>securedev verify &lt;bundle&gt;</code>. The same data, machine-readable: <a href=\"evidence.json\">evidence.json</a>.</p>\n");

        html.Append("<div class=\"summary\">\n");
        html.Append($"<div>Evidence: {Badge(bundle.Complete ? "complete" : "incomplete")}</div>\n");
        html.Append($"<div>Release gate (SM-11): {Badge(bundle.ReleaseGate)}</div>\n");
        html.Append($"<div>Builds: {bundle.Builds.Count}</div>\n");
        html.Append($"<div>Open security findings: {bundle.Builds.Sum(b => b.OpenFindings.Count())}</div>\n");
        html.Append($"<div>Unresolved advisories: {bundle.Builds.Sum(b => b.UnresolvedAdvisories.Count())}</div>\n");
        html.Append("</div>\n");

        html.Append("<h2 id=\"requirements\">Requirement matrix</h2>\n");
        html.Append("<p>For each IEC 62443-4-1 requirement a build can support: the records in this bundle that are its evidence, and their state. " +
                    "<b>present</b>: the records show the practice ran without an open problem; <b>missing</b>: a record is missing or stale; <b>failing</b>: the records show a problem. " +
                    "Process records kept by people (reviews, plans, training) are not part of a build and are not listed.</p>\n");
        Table(html, new[] { "Requirement", "Title", "Status", "Evidence", "Detail" }, bundle.Requirements.Select(r => new[]
        {
            Raw($"<td class=\"id\">{E(r.Id)}</td>"), Cell(r.Title), Raw($"<td>{Badge(r.Status)}</td>"),
            Raw("<td>" + (r.Artifacts.Count == 0 ? "<span class=\"none\">none</span>" : string.Join("<br>", r.Artifacts.Select(Link))) + "</td>"), Cell(r.Detail),
        }));

        var incomplete = bundle.Builds.Where(b => !b.Complete).ToList();
        if (incomplete.Count > 0)
        {
            html.Append("<h2 id=\"incomplete\">Incomplete evidence</h2>\n<p>SM-12 is not met until each of these is built again with SecureDev:</p>\n<ul>\n");
            foreach (var build in incomplete)
            {
                html.Append($"<li>{E(RequirementMatrix.Problem(build))}</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("<h2 id=\"projects\">Projects</h2>\n");
        Table(html, new[] { "Project", "Target", "Status", "Version", "Source revision", "Built", "Toolchain", "Audit", "Records" }, bundle.Builds.Select(b =>
        {
            var status = !b.Exists ? "missing" : b.Altered.Count > 0 ? "altered" : b.Stale.Count > 0 ? "stale" : b.Missing.Count > 0 ? "incomplete" : "complete";
            var record = b.Record;
            var revision = record?.Source.Commit is { } commit ? $"<code>{E(commit[..Math.Min(12, commit.Length)])}</code>{(record.Source.Dirty == true ? " with uncommitted changes" : "")}" : "<span class=\"none\">unknown</span>";
            var toolchain = record is null ? "" : $"SDK {E(record.Toolchain.Sdk ?? "?")}, C# compiler {E(record.Toolchain.CompilerVersion ?? "?")}, SecureDev {E(record.Toolchain.SecureDev)}";
            var records = !b.Exists ? "" : string.Join(", ", b.Present.Concat(b.Other).Select(r => Link($"{b.BundlePath}/{r}"))) +
                                          (b.Missing.Count > 0 ? $"<br>missing: {E(string.Join(", ", b.Missing))}" : "") +
                                          (b.MissingOptional.Count > 0 ? $"<br>not produced (optional): {E(string.Join(", ", b.MissingOptional))}" : "");
            return new[]
            {
                Cell(b.Project.Name), Cell(b.TargetFramework), Raw($"<td>{Badge(status)}</td>"), Cell(record?.Project.Version ?? ""), Raw($"<td>{revision}</td>"),
                Cell(record?.Timestamp ?? ""), Raw($"<td>{toolchain}</td>"), Cell(b.Audit is { } a ? $"{a.Verdict} (level {a.AuditLevel})" : ""), Raw($"<td>{records}</td>"),
            };
        }));

        html.Append("<h2 id=\"open-findings\">Open security findings (SM-11)</h2>\n");
        Table(html, new[] { "Project", "Rule", "Level", "Where", "Message" }, bundle.Builds.SelectMany(b => b.OpenFindings.Select(f => Finding(bundle, b, f))), "No open security finding.");

        html.Append("<h2 id=\"advisories\">Advisory findings (SVV-3, DM-2 to DM-4)</h2>\n");
        Table(html, new[] { "Project", "Package", "Advisory", "Severity", "Fixed in", "Resolution" }, bundle.Builds.SelectMany(b => (b.Audit?.Findings ?? Array.Empty<AdvisoryFinding>()).Select(f => new[]
        {
            Cell(b.Project.Name), Cell($"{f.Package} {f.Version}"), Cell(f.Advisory + (f.Summary is null ? "" : ": " + f.Summary)), Cell(f.Severity), Cell(f.FixedIn ?? "no fix published"),
            Raw(f.Resolution is null ? $"<td>{Badge("failing", "unresolved")}</td>" : $"<td>{E(f.Resolution)}</td>"),
        })), "No advisory finding.");

        html.Append("<h2 id=\"suppressions\">Suppressions and severity changes (SI-2)</h2>\n");
        Table(html, new[] { "Project", "Rule", "How", "Where", "Effect", "Justification" }, bundle.Builds.SelectMany(b => b.Suppressions.Select(s => new[]
        {
            Cell(b.Project.Name), Cell(s.Target + (s.Title is null ? "" : ": " + s.Title)), Cell(s.Mechanism), Cell(s.Line > 0 ? $"{s.File}:{s.Line}" : s.File), Cell(s.Effect),
            Raw(s.Justified ? $"<td>{E(s.Justification!)}</td>" : s.Weakens && s.SecurityRule ? $"<td>{Badge("failing", "no justification")}</td>" : "<td><span class=\"none\">none</span></td>"),
        })), "No suppression and no severity change.");

        html.Append("<h2 id=\"countermeasures\">Compensating countermeasures the environment must provide (SG-2)</h2>\n");
        html.Append($"<p>From suppressions whose justification starts with \"{E(Suppression.CountermeasurePrefix)}\".</p>\n");
        Table(html, new[] { "Project", "Rule", "Where", "Countermeasure" }, bundle.Builds.SelectMany(b => b.Suppressions.Where(s => s.CompensatingCountermeasure is not null).Select(s => new[]
        {
            Cell(b.Project.Name), Cell(s.Target), Cell(s.Line > 0 ? $"{s.File}:{s.Line}" : s.File), Cell(s.CompensatingCountermeasure!),
        })), "None recorded.");

        html.Append("<h2 id=\"configuration\">Security-relevant configuration found in code (SG-3)</h2>\n");
        Table(html, new[] { "Project", "Rule", "Level", "Where", "Message" }, bundle.Builds.SelectMany(b => RequirementMatrix.SecurityConfiguration(b).Select(f => Finding(bundle, b, f))), "None found.");

        html.Append("<h2 id=\"credentials\">Built-in credentials found (SG-6)</h2>\n");
        Table(html, new[] { "Project", "Rule", "Level", "Where", "Message" }, bundle.Builds.SelectMany(b => RequirementMatrix.DefaultCredentials(b).Select(f => Finding(bundle, b, f))), "None found.");

        html.Append("<h2 id=\"coding-standard\">Secure coding standard in force (SI-2)</h2>\n");
        html.Append("<p>SecureDev's rules and the analyzers' Security rules, with the severity each build applied (none: disabled). Every rule of each build is in its coding-standard.json.</p>\n");
        var columns = bundle.Builds.Where(b => b.Log is not null).Select(b => $"{b.Project.Name}/{b.TargetFramework}").ToList();
        Table(html, new[] { "Rule", "Title", "Default" }.Concat(columns).ToArray(), bundle.CodingStandardRows().Select(r =>
            new[] { Cell(r.Id), Cell(r.Title), Cell(r.DefaultLevel) }.Concat(columns.Select(c => r.Levels.TryGetValue(c, out var level)
                ? Raw(level == r.DefaultLevel ? $"<td>{E(level)}</td>" : $"<td><b>{E(level)}</b></td>")
                : Cell("-"))).ToArray()), "No compiler log.");

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string[] Finding(ReleaseBundle bundle, BuildEvidence b, CompilerFinding f) => new[]
    {
        Cell(b.Project.Name), Cell(f.RuleId), Raw(f.Suppressed ? $"<td>{E(f.Level)} (suppressed)</td>" : $"<td>{E(f.Level)}</td>"),
        Cell(f.File is null ? "" : $"{bundle.Relative(f.File)}:{f.Line}"), Cell(f.Message),
    };

    private static void Table(StringBuilder html, string[] headers, IEnumerable<string[]> rows, string? empty = null)
    {
        var list = rows.ToList();
        if (list.Count == 0 && empty is not null)
        {
            html.Append($"<p class=\"none\">{E(empty)}</p>\n");
            return;
        }

        html.Append("<table>\n<thead><tr>");
        foreach (var header in headers)
        {
            html.Append($"<th>{E(header)}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in list)
        {
            html.Append("<tr>").Append(string.Concat(row)).Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string Cell(string text) => $"<td>{E(text)}</td>";

    private static string Raw(string html) => html;

    private static string Badge(string status, string? text = null) => $"<span class=\"status {E(status)}\">{E(text ?? status)}</span>";

    private static string Link(string path) => $"<a href=\"{E(path)}\"><code>{E(path)}</code></a>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
