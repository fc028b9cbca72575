using System.Text.RegularExpressions;

namespace SecureDev.Core.Evidence;

/// <summary>
/// A suppression of a rule or a change of its severity, in source or in configuration, with its justification.
/// </summary>
/// <param name="Mechanism">pragma, SuppressMessage, suppressor, editorconfig, globalconfig or NoWarn.</param>
/// <param name="Target">The rule id; for a configuration setting also <c>category-Name</c> or <c>*</c>.</param>
/// <param name="File">Where the suppression or setting is written (relative to the project where it is inside the sources).</param>
/// <param name="Effect">What it does: "suppresses a finding", "disables", "lowers to note", "raises to error", ...</param>
/// <param name="Finding">For a source suppression: the finding it hides ("file:line: message").</param>
public sealed record Suppression(
    string Mechanism,
    string Target,
    string? Title,
    string File,
    int Line,
    string Effect,
    bool Weakens,
    bool SecurityRule,
    string? Finding,
    string? Justification)
{
    /// <summary>The convention that records a compensating countermeasure (SG-2): a justification starting with this.</summary>
    public const string CountermeasurePrefix = "Compensating countermeasure:";

    public bool Justified => !string.IsNullOrWhiteSpace(Justification);

    /// <summary>The JSON form of code-suppressions.json and of the bundle's evidence.json (which adds the project).</summary>
    public object ToJson(string? project = null, string? targetFramework = null) => new
    {
        project,
        targetFramework,
        rule = Target,
        title = Title,
        mechanism = Mechanism,
        file = File,
        line = Line == 0 ? (int?)null : Line,
        effect = Effect,
        weakens = Weakens,
        securityRule = SecurityRule,
        finding = Finding,
        justification = Justification,
        compensatingCountermeasure = CompensatingCountermeasure,
    };

    /// <summary>The countermeasure the justification records, or null.</summary>
    public string? CompensatingCountermeasure =>
        Justification is { } j && j.StartsWith(CountermeasurePrefix, StringComparison.OrdinalIgnoreCase)
            ? j[CountermeasurePrefix.Length..].Trim()
            : null;
}

/// <summary>Finds the justification of a <c>#pragma warning disable</c>, which the compiler's log does not carry.</summary>
public static partial class PragmaJustification
{
    /// <summary>
    /// The pragma that disables <paramref name="ruleId"/> above <paramref name="line"/> (1-based) and its justification:
    /// the comment after the pragma on its line, else the comment lines just above it.
    /// </summary>
    public static (int Line, string? Justification)? Find(IReadOnlyList<string> lines, int line, string ruleId)
    {
        for (var i = Math.Min(line, lines.Count) - 1; i >= 0; i--)
        {
            var match = Pragma().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var ids = match.Groups["ids"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var names = ids.Length == 0 || ids.Any(id => string.Equals(id, ruleId, StringComparison.OrdinalIgnoreCase));
            if (!names)
            {
                continue;
            }

            if (match.Groups["verb"].Value == "restore")
            {
                return null;
            }

            var trailing = match.Groups["comment"].Success ? match.Groups["comment"].Value.Trim() : "";
            if (trailing.Length > 0)
            {
                return (i + 1, trailing);
            }

            var above = new List<string>();
            for (var j = i - 1; j >= 0 && LineComment().Match(lines[j]) is { Success: true } comment; j--)
            {
                above.Insert(0, comment.Groups["text"].Value.Trim());
            }

            var text = string.Join(" ", above.Where(a => a.Length > 0));
            return (i + 1, text.Length > 0 ? text : null);
        }

        return null;
    }

    [GeneratedRegex(@"^\s*#\s*pragma\s+warning\s+(?<verb>disable|restore)\b(?<ids>[^/]*)(//(?<comment>.*))?$")]
    private static partial Regex Pragma();

    [GeneratedRegex(@"^\s*//(?<text>.*)$")]
    private static partial Regex LineComment();
}
