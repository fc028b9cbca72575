using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using NuGet.Versioning;
using SecureDev.Core.Diagnostics;

namespace SecureDev.Core.Policy;

/// <summary>The CycloneDX 1.6 enumerations a suppression's VEX analysis uses (vulnerabilities[].analysis).</summary>
public static class VexValues
{
    /// <summary>impactAnalysisState.</summary>
    public static readonly IReadOnlyList<string> States = new[] { "resolved", "resolved_with_pedigree", "exploitable", "in_triage", "false_positive", "not_affected" };

    /// <summary>impactAnalysisJustification.</summary>
    public static readonly IReadOnlyList<string> Justifications = new[]
    {
        "code_not_present", "code_not_reachable", "requires_configuration", "requires_dependency", "requires_environment",
        "protected_by_compiler", "protected_at_runtime", "protected_at_perimeter", "protected_by_mitigating_control",
    };

    /// <summary>analysis.response.</summary>
    public static readonly IReadOnlyList<string> Responses = new[] { "can_not_fix", "will_not_fix", "update", "rollback", "workaround_available" };
}

/// <summary>
/// One accepted decision about a known vulnerability: which advisory (its id or an alias) in which package and versions,
/// the CycloneDX VEX analysis (state, justification, response, detail), who owns the decision and until when it holds.
/// </summary>
/// <param name="Index">Its position in the file's "suppressions" array, to name it in messages.</param>
/// <param name="Expires">The last day (UTC) on which it applies.</param>
public sealed record Suppression(
    int Index,
    string Id,
    string Package,
    VersionRange? Versions,
    string State,
    string? Justification,
    IReadOnlyList<string> Response,
    string Detail,
    string Owner,
    DateOnly Expires)
{
    public bool IsExpired(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime) > Expires;

    public bool Covers(string advisoryId, IEnumerable<string> aliases, string package, NuGetVersion version) =>
        (string.Equals(Id, advisoryId, StringComparison.OrdinalIgnoreCase) || aliases.Any(a => string.Equals(Id, a, StringComparison.OrdinalIgnoreCase)))
        && string.Equals(Package, package, StringComparison.OrdinalIgnoreCase)
        && (Versions is null || Versions.Satisfies(version));

    public string ExpiresText => Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The versions as the file writes them.</summary>
    public string? VersionsText => Versions is null ? null : Versions.OriginalString ?? Versions.ToNormalizedString();

    public override string ToString() => $"suppressions[{Index}] ({Id} in {Package}{(Versions is null ? "" : " " + VersionsText)})";
}

/// <summary>
/// The suppressions file (SecureDevSuppressionsFile): a JSON document with a "suppressions" array. Every entry is checked
/// strictly, because a typo must not widen a decision ("version" for "versions" would suppress every version): an entry
/// with an unknown or missing field, or a value outside the CycloneDX enumerations, is an error (SD9033) and does not apply.
/// </summary>
public sealed class SuppressionFile
{
    public const string PropertyName = "SecureDevSuppressionsFile";
    public const string Schema = "https://securedev.dev/schemas/suppressions/1";

    private static readonly HashSet<string> EntryFields = new(StringComparer.Ordinal)
    {
        "id", "package", "versions", "state", "justification", "response", "detail", "owner", "expires",
    };

    private SuppressionFile(string path, byte[] content, IReadOnlyList<Suppression> entries)
    {
        Path = path;
        Content = content;
        Entries = entries;
    }

    public string Path { get; }

    /// <summary>The bytes the audit read: the evidence keeps this copy, not whatever the file holds later.</summary>
    public byte[] Content { get; }

    public string Sha256 => Convert.ToHexString(SHA256.HashData(Content)).ToLowerInvariant();

    /// <summary>The valid entries; invalid ones were reported and left out.</summary>
    public IReadOnlyList<Suppression> Entries { get; }

    /// <summary>The file, or null when none is configured or it cannot be read (then SD9032 says why).</summary>
    public static SuppressionFile? Load(string? path, ICollection<BuildMessage> messages, string? file = null)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var full = System.IO.Path.GetFullPath(path.Trim());
        if (!File.Exists(full))
        {
            messages.Add(BuildRules.SuppressionsFileUnreadable.At(
                file,
                $"The suppressions file '{full}' ({PropertyName}) does not exist, so none of its decisions apply. Create it, or clear {PropertyName}."));
            return null;
        }

        byte[] content;
        try
        {
            content = File.ReadAllBytes(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            messages.Add(BuildRules.SuppressionsFileUnreadable.At(full, $"The suppressions file '{full}' could not be read ({e.Message}), so none of its decisions apply."));
            return null;
        }

        return Parse(full, content, messages);
    }

    public static SuppressionFile? Parse(string path, byte[] content, ICollection<BuildMessage> messages)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            messages.Add(BuildRules.SuppressionsFileUnreadable.At(path, $"The suppressions file '{path}' is not valid JSON ({e.Message}), so none of its decisions apply."));
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("suppressions", out var array)
                || array.ValueKind != JsonValueKind.Array
                || root.EnumerateObject().Any(p => p.Name is not ("suppressions" or "$schema")))
            {
                messages.Add(BuildRules.SuppressionsFileUnreadable.At(
                    path,
                    $"The suppressions file '{path}' is not a suppressions document: it must be an object with a \"suppressions\" array (and optionally \"$schema\"), so none of its decisions apply."));
                return null;
            }

            var entries = new List<Suppression>();
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                if (ReadEntry(element, index, path, messages) is { } entry)
                {
                    entries.Add(entry);
                }

                index++;
            }

            return new SuppressionFile(path, content, entries);
        }
    }

    private static Suppression? ReadEntry(JsonElement element, int index, string path, ICollection<BuildMessage> messages)
    {
        var problems = new List<string>();
        if (element.ValueKind != JsonValueKind.Object)
        {
            Report(messages, path, index, null, new[] { "it is not an object" });
            return null;
        }

        foreach (var property in element.EnumerateObject().Where(p => !EntryFields.Contains(p.Name)))
        {
            problems.Add($"\"{property.Name}\" is not a field of a suppression (the fields are {string.Join(", ", EntryFields)})");
        }

        var id = Required(element, "id", problems);
        var package = Required(element, "package", problems);
        var state = Required(element, "state", problems);
        var detail = Required(element, "detail", problems);
        var owner = Required(element, "owner", problems);
        var expiresText = Required(element, "expires", problems);
        var versionsText = Optional(element, "versions", problems);
        var justification = Optional(element, "justification", problems);
        var response = Responses(element, problems);

        VersionRange? versions = null;
        if (versionsText is not null)
        {
            // A bare "12.0.1" means "12.0.1 and above" in NuGet's syntax: too easy to misread in a security decision.
            if (!(versionsText.StartsWith('[') || versionsText.StartsWith('(')) || !VersionRange.TryParse(versionsText, out versions))
            {
                problems.Add($"\"versions\" is '{versionsText}', which is not a NuGet version range in brackets, such as \"[12.0.1]\" for exactly 12.0.1 or \"[12.0.0, 13.0.1)\"");
            }
        }

        if (state is not null && !VexValues.States.Contains(state))
        {
            problems.Add($"\"state\" is '{state}', which is not a CycloneDX 1.6 analysis state ({string.Join(", ", VexValues.States)})");
        }

        if (justification is not null && !VexValues.Justifications.Contains(justification))
        {
            problems.Add($"\"justification\" is '{justification}', which is not a CycloneDX 1.6 justification ({string.Join(", ", VexValues.Justifications)})");
        }

        foreach (var value in response.Where(r => !VexValues.Responses.Contains(r)))
        {
            problems.Add($"\"response\" holds '{value}', which is not a CycloneDX 1.6 response ({string.Join(", ", VexValues.Responses)})");
        }

        if (state == "not_affected" && justification is null)
        {
            problems.Add("a \"not_affected\" decision needs a \"justification\": why the product is not affected");
        }

        if (state == "exploitable" && response.Count == 0)
        {
            problems.Add("an \"exploitable\" decision needs a \"response\": what is done about it (can_not_fix, will_not_fix, update, rollback, workaround_available)");
        }

        var expires = default(DateOnly);
        if (expiresText is not null && !DateOnly.TryParseExact(expiresText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out expires))
        {
            problems.Add($"\"expires\" is '{expiresText}', which is not a date in the form YYYY-MM-DD");
        }

        if (problems.Count > 0)
        {
            Report(messages, path, index, id, problems);
            return null;
        }

        return new Suppression(index, id!, package!, versions, state!, justification, response, detail!, owner!, expires);
    }

    private static void Report(ICollection<BuildMessage> messages, string path, int index, string? id, IEnumerable<string> problems) =>
        messages.Add(BuildRules.InvalidSuppression.At(
            path,
            $"suppressions[{index}]{(id is null ? "" : $" ({id})")} in '{path}' does not apply: {string.Join("; ", problems)}."));

    private static string? Required(JsonElement element, string name, List<string> problems)
    {
        var value = Optional(element, name, problems);
        if (value is null && !problems.Any(p => p.StartsWith($"\"{name}\" ", StringComparison.Ordinal)))
        {
            problems.Add($"\"{name}\" is missing");
        }

        return value;
    }

    private static string? Optional(JsonElement element, string name, List<string> problems)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add($"\"{name}\" must be a non-empty string");
            return null;
        }

        return value.GetString()!.Trim();
    }

    private static IReadOnlyList<string> Responses(JsonElement element, List<string> problems)
    {
        if (!element.TryGetProperty("response", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return Array.Empty<string>();
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return new[] { value.GetString()!.Trim() };
        }

        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
        {
            return value.EnumerateArray().Select(v => v.GetString()!.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        }

        problems.Add("\"response\" must be a string or an array of strings");
        return Array.Empty<string>();
    }
}
