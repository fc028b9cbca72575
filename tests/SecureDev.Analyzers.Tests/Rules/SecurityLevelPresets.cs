using System.Text;
using Microsoft.CodeAnalysis;
using SecureDev.Analyzers.Tests.Harness;
using SecureDev.Tests;

namespace SecureDev.Analyzers.Tests.Rules;

/// <summary>
/// The security-level presets shipped in src/SecureDev.Package/build/presets/SL1..SL4.globalconfig, generated from the rule
/// catalog: a rule whose IEC 62443-4-2 requirement applies at or below the chosen level is a warning at SL 1 and SL 2 and an
/// error at SL 3 and SL 4; a rule whose requirement applies only above it is a suggestion. The tests compare the shipped
/// files with this; run them with SECUREDEV_UPDATE_DOCS=1 to rewrite the files.
/// </summary>
public static class SecurityLevelPresets
{
    public static readonly int[] Levels = { 1, 2, 3, 4 };

    public static string FileName(int level) => $"SL{level}.globalconfig";

    public static string ShippedPath(int level) => Repository.Path("src", "SecureDev.Package", "build", "presets", FileName(level));

    /// <summary>The severity a rule gets at <paramref name="level"/>: the scheme of the presets, in one place.</summary>
    public static DiagnosticSeverity Severity(DiagnosticDescriptor rule, int level) =>
        Catalog.SecurityLevel(rule) > level ? DiagnosticSeverity.Info
        : level >= 3 ? DiagnosticSeverity.Error
        : DiagnosticSeverity.Warning;

    public static string Generate(int level)
    {
        var text = new StringBuilder();
        text.AppendLine($"# SecureDev security-level preset SL {level}: rule severities for a product that targets IEC 62443 security level {level}.");
        text.AppendLine("# Selected by <SecureDevSecurityLevel>" + level + "</SecureDevSecurityLevel>. Generated from the rule catalog by the tests; do not edit.");
        text.AppendLine("# A rule whose IEC 62443-4-2 requirement applies at or below this level is " + (level >= 3 ? "an error" : "a warning") + "; a rule whose requirement");
        text.AppendLine("# applies only at a higher level is a suggestion. Your .editorconfig and your own .globalconfig files override these lines.");
        text.AppendLine("is_global = true");
        text.AppendLine("global_level = -50");
        foreach (var rule in Catalog.Descriptors)
        {
            text.AppendLine();
            text.AppendLine($"# {rule.Id}: {rule.Title} ({Catalog.Requirement(rule)}, from SL {Catalog.SecurityLevel(rule)})");
            text.AppendLine($"dotnet_diagnostic.{rule.Id}.severity = {EditorConfigSeverity(Severity(rule, level))}");
        }

        return text.ToString().Replace("\r\n", "\n");
    }

    public static string EditorConfigSeverity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "suggestion",
        _ => "silent",
    };
}
