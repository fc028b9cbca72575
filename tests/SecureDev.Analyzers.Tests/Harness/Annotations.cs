using System.Text.RegularExpressions;

namespace SecureDev.Analyzers.Tests.Harness;

/// <summary>Reads the <c>// Noncompliant</c> annotations and caret lines of a test source (see <see cref="Expectation"/>).</summary>
public static partial class Annotations
{
    [GeneratedRegex(@"//\s*Noncompliant\s+(?<ids>SD\d{4}(\s*,\s*SD\d{4})*)(\s*\{\{(?<message>.*?)\}\})?")]
    private static partial Regex NoncompliantPattern();

    [GeneratedRegex(@"^\s*//[\s^]*\^[\s^]*$")]
    private static partial Regex CaretLinePattern();

    [GeneratedRegex(@"//\s*Compliant\b")]
    private static partial Regex CompliantPattern();

    public static IReadOnlyList<Expectation> Read(string path, string text)
    {
        var lines = text.Split('\n');
        var expectations = new List<Expectation>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = NoncompliantPattern().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var ids = match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries);
            var message = match.Groups["message"].Success ? match.Groups["message"].Value : null;
            var caretLine = i + 1;
            foreach (var id in ids)
            {
                int? start = null, end = null;
                if (caretLine < lines.Length && CaretLinePattern().IsMatch(lines[caretLine]))
                {
                    var carets = lines[caretLine].TrimEnd('\r');
                    start = carets.IndexOf('^');
                    end = carets.LastIndexOf('^') + 1;
                    caretLine++;
                }

                expectations.Add(new Expectation(path, i, id, start, end, message));
            }
        }

        return expectations;
    }

    /// <summary>How many lines are marked as look-alikes that must stay quiet (<c>// Compliant</c>).</summary>
    public static int CountCompliant(string text) => CompliantPattern().Matches(text).Count;

    /// <summary>How many diagnostics of <paramref name="id"/> the text expects.</summary>
    public static int CountNoncompliant(string text, string id) =>
        Read("", text).Count(e => e.Id == id);
}
