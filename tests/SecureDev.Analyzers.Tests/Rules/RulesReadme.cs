using System.Text;
using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Tests.Rules;

/// <summary>
/// The generated part of rules-docs/README.md: the catalog tables and ready-to-paste .editorconfig lines. The test
/// compares the file with this; run the tests with SECUREDEV_UPDATE_DOCS=1 to rewrite it.
/// </summary>
public static class RulesReadme
{
    public const string Begin = "<!-- catalog:begin (generated from the rule catalog by the tests; do not edit by hand) -->";
    public const string End = "<!-- catalog:end -->";

    public static string Generate()
    {
        var text = new StringBuilder();
        text.AppendLine(Begin);
        text.AppendLine();
        text.AppendLine("## Analyzer rules");
        text.AppendLine();
        text.AppendLine("| Id | Title | Family | Default | CWE | IEC 62443-4-2 | From SL | Code fix |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var d in Catalog.Descriptors)
        {
            var fixes = Catalog.FixTitles(d.Id);
            text.AppendLine($"| [{d.Id}]({d.Id}.md) | {d.Title} | {d.Category} | {Severity(d.DefaultSeverity)} | {Catalog.Cwe(d)} | {Catalog.Requirement(d)} | {Catalog.SecurityLevel(d)} | {(fixes.Count == 0 ? "" : "yes")} |");
        }

        text.AppendLine();
        text.AppendLine("## Build diagnostics (SBOM, advisories, evidence)");
        text.AppendLine();
        text.AppendLine("| Id | Title | Default | IEC 62443-4-1 |");
        text.AppendLine("| --- | --- | --- | --- |");
        foreach (var r in Catalog.BuildRules)
        {
            text.AppendLine($"| [{r.Id}]({r.Id}.md) | {r.Title} | {r.DefaultSeverity.ToString().ToLowerInvariant()} | {r.Requirement} |");
        }

        text.AppendLine();
        text.AppendLine("## Severities in .editorconfig");
        text.AppendLine();
        text.AppendLine("Paste into `.editorconfig` (or a `.globalconfig`) and change what your project needs; every change of severity is recorded in the evidence.");
        text.AppendLine();
        text.AppendLine("```ini");
        text.AppendLine("[*.cs]");
        foreach (var d in Catalog.Descriptors)
        {
            text.AppendLine($"dotnet_diagnostic.{d.Id}.severity = {Severity(d.DefaultSeverity)} # {d.Title}");
        }

        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine(End);
        return text.ToString().Replace("\r\n", "\n");
    }

    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "suggestion",
        _ => "silent",
    };
}
