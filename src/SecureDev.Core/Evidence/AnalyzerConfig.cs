using System.Text.RegularExpressions;

namespace SecureDev.Core.Evidence;

/// <summary>
/// A severity setting in an .editorconfig or .globalconfig: <c>dotnet_diagnostic.SD1001.severity = none</c>, or a
/// category or all-rules setting (<c>dotnet_analyzer_diagnostic.category-Security.severity</c>). The justification is
/// the comment on the same line, else the comment lines just above it.
/// </summary>
/// <param name="File">The file as the build named it.</param>
/// <param name="Section">The section header the entry is in (<c>[*.cs]</c>); empty for a global config's top level.</param>
/// <param name="Target">A rule id, <c>category-Name</c>, or <c>*</c> for every analyzer rule.</param>
/// <param name="Level">The SARIF level it sets: error, warning, note or none.</param>
public sealed record SeveritySetting(string File, int Line, string Section, bool IsGlobal, string Target, string Level, string Value, string? Justification)
{
    public bool IsRule => Target != "*" && !Target.StartsWith("category-", StringComparison.Ordinal);
}

/// <summary>Reads the severity settings of analyzer config files with the compiler's own syntax rules.</summary>
public static partial class AnalyzerConfig
{
    public static IReadOnlyList<SeveritySetting> Read(string file) => Parse(File.ReadAllLines(file), file);

    public static IReadOnlyList<SeveritySetting> Parse(IReadOnlyList<string> lines, string file)
    {
        var settings = new List<SeveritySetting>();
        var section = "";
        var isGlobal = false;
        var comments = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                comments.Clear();
                continue;
            }

            if (line[0] is '#' or ';')
            {
                comments.Add(line.TrimStart('#', ';').Trim());
                continue;
            }

            if (line[0] == '[')
            {
                section = line;
                comments.Clear();
                continue;
            }

            var match = Property().Match(line);
            if (!match.Success)
            {
                comments.Clear();
                continue;
            }

            var key = match.Groups["key"].Value.ToLowerInvariant();
            var value = match.Groups["value"].Value.Trim();
            var trailing = match.Groups["comment"].Success ? match.Groups["comment"].Value.TrimStart('#', ';').Trim() : "";
            if (key == "is_global" && section.Length == 0)
            {
                isGlobal = value.Equals("true", StringComparison.OrdinalIgnoreCase);
            }

            var target = Target(key);
            if (target is not null && ToLevel(value) is { } level)
            {
                var justification = trailing.Length > 0 ? trailing : comments.Count > 0 ? string.Join(" ", comments) : null;
                settings.Add(new SeveritySetting(file, i + 1, section, isGlobal, target, level, value, string.IsNullOrWhiteSpace(justification) ? null : justification));
            }

            comments.Clear();
        }

        return settings;
    }

    /// <summary>The SARIF level of an editorconfig severity value, or null for a value the compiler ignores.</summary>
    public static string? ToLevel(string value) => value.ToLowerInvariant() switch
    {
        "error" => "error",
        "warning" => "warning",
        "suggestion" => "note",
        "silent" or "hidden" => "none",
        "none" => "none",
        "default" => null,
        _ => null,
    };

    private static string? Target(string key)
    {
        var rule = RuleKey().Match(key);
        if (rule.Success)
        {
            return rule.Groups["id"].Value.ToUpperInvariant();
        }

        if (key == "dotnet_analyzer_diagnostic.severity")
        {
            return "*";
        }

        var category = CategoryKey().Match(key);
        return category.Success ? "category-" + category.Groups["category"].Value : null;
    }

    // The compiler's syntax: key, '=' or ':', value, and an optional comment after '#' or ';'.
    [GeneratedRegex(@"^(?<key>[\w\.\-]+)\s*[=:]\s*(?<value>.*?)\s*(?<comment>[#;].*)?$")]
    private static partial Regex Property();

    [GeneratedRegex(@"^dotnet_diagnostic\.(?<id>[^.]+)\.severity$")]
    private static partial Regex RuleKey();

    [GeneratedRegex(@"^dotnet_analyzer_diagnostic\.category-(?<category>[^.]+)\.severity$")]
    private static partial Regex CategoryKey();
}
