using System.Globalization;
using System.Text.Json;
using NuGet.Versioning;

namespace SecureDev.Core.Advisories;

/// <summary>
/// Reads OSV records (https://ossf.github.io/osv-schema/) for the NuGet ecosystem. Severity comes from
/// database_specific.severity (GitHub's rating) when present, else from a CVSS v4.0 or v3.x vector in severity[].
/// </summary>
public static class OsvParser
{
    /// <summary>The advisory, or null when the record affects no NuGet package or was withdrawn.</summary>
    /// <param name="warnings">Parts of the record SecureDev cannot evaluate (a range type, an event, a severity): they are skipped and said here.</param>
    /// <exception cref="InvalidDataException">The record is not valid OSV JSON; the message says what is wrong.</exception>
    public static Advisory? Parse(string json, string sourceName, ICollection<string>? warnings = null) =>
        Parse(System.Text.Encoding.UTF8.GetBytes(json), sourceName, warnings);

    /// <inheritdoc cref="Parse(string, string, ICollection{string}?)"/>
    public static Advisory? Parse(ReadOnlyMemory<byte> utf8Json, string sourceName, ICollection<string>? warnings = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not valid JSON ({e.Message})", e);
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement, sourceName, warnings);
            }
            catch (InvalidOperationException e)
            {
                // A value of the wrong JSON kind where OSV puts an object, array or string.
                throw new InvalidDataException($"the record does not have the OSV shape ({e.Message})", e);
            }
        }
    }

    private static Advisory? Read(JsonElement root, string sourceName, ICollection<string>? warnings)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("the record is not a JSON object");
        }

        var id = String(root, "id") ?? throw new InvalidDataException("the record has no \"id\"");
        if (String(root, "withdrawn") is not null)
        {
            // GitHub withdraws advisories that were published in error; they must not produce findings.
            return null;
        }

        var affected = new List<AffectedPackage>();
        if (root.TryGetProperty("affected", out var affectedArray) && affectedArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in affectedArray.EnumerateArray())
            {
                if (ReadAffected(entry, id, warnings) is { } package)
                {
                    affected.Add(package);
                }
            }
        }

        if (affected.Count == 0)
        {
            return null;
        }

        var (severity, basis, vector, score) = ReadSeverity(root, id, warnings);
        return new Advisory(
            id,
            Strings(root, "aliases"),
            String(root, "summary"),
            Date(root, "modified"),
            Date(root, "published"),
            severity,
            basis,
            vector,
            score,
            Cwes(root),
            affected,
            Url(root, id),
            sourceName);
    }

    private static AffectedPackage? ReadAffected(JsonElement entry, string id, ICollection<string>? warnings)
    {
        if (!entry.TryGetProperty("package", out var package)
            || !string.Equals(String(package, "ecosystem"), "NuGet", StringComparison.OrdinalIgnoreCase)
            || String(package, "name") is not { Length: > 0 } name)
        {
            return null;
        }

        var ranges = new List<AffectedRange>();
        if (entry.TryGetProperty("ranges", out var rangeArray) && rangeArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var range in rangeArray.EnumerateArray())
            {
                var type = String(range, "type");
                if (type != "ECOSYSTEM")
                {
                    // SEMVER ranges use SemVer 2 order, which NuGet's order extends; GIT ranges name commits, not versions.
                    if (type == "SEMVER" && ReadEvents(range, id, name, warnings) is { } semver)
                    {
                        ranges.Add(semver);
                    }
                    else
                    {
                        warnings?.Add($"{id}: range type '{type}' for {name} is not one SecureDev evaluates; that range was ignored");
                    }

                    continue;
                }

                if (ReadEvents(range, id, name, warnings) is { } events)
                {
                    ranges.Add(events);
                }
            }
        }

        var versions = new List<NuGetVersion>();
        foreach (var text in Strings(entry, "versions"))
        {
            if (NuGetVersion.TryParse(text, out var version))
            {
                versions.Add(version);
            }
            else
            {
                warnings?.Add($"{id}: version '{text}' of {name} is not a NuGet version and was ignored");
            }
        }

        if (ranges.Count == 0 && versions.Count == 0)
        {
            warnings?.Add($"{id}: the entry for {name} has no range or version SecureDev can evaluate, so no version of {name} is matched against it");
            return null;
        }

        return new AffectedPackage(name, ranges, versions);
    }

    private static AffectedRange? ReadEvents(JsonElement range, string id, string name, ICollection<string>? warnings)
    {
        if (!range.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"a range of {name} has no \"events\"");
        }

        var list = new List<RangeEvent>();
        foreach (var e in events.EnumerateArray())
        {
            foreach (var property in e.EnumerateObject())
            {
                var kind = property.Name switch
                {
                    "introduced" => RangeEventKind.Introduced,
                    "fixed" => RangeEventKind.Fixed,
                    "last_affected" => RangeEventKind.LastAffected,
                    _ => (RangeEventKind?)null,
                };
                if (kind is null)
                {
                    warnings?.Add($"{id}: range event '{property.Name}' for {name} is not one SecureDev evaluates; it was ignored");
                    continue;
                }

                var text = property.Value.GetString();
                if (kind == RangeEventKind.Introduced && text == "0")
                {
                    list.Add(new RangeEvent(RangeEventKind.Introduced, null));
                }
                else if (text is not null && NuGetVersion.TryParse(text, out var version))
                {
                    list.Add(new RangeEvent(kind.Value, version));
                }
                else
                {
                    throw new InvalidDataException($"'{text}' in a range of {name} is not a NuGet version");
                }
            }
        }

        return list.Count == 0 ? null : new AffectedRange(list);
    }

    private static (AdvisorySeverity Severity, string Basis, string? Vector, double? Score) ReadSeverity(JsonElement root, string id, ICollection<string>? warnings)
    {
        // The CVSS vectors of severity[]: v4.0 is preferred to v3.x when a record has both, as GitHub shows it.
        (string Vector, double Score, string Name)? best = null;
        var unscored = new List<string>();
        if (root.TryGetProperty("severity", out var severities) && severities.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in severities.EnumerateArray())
            {
                if (String(entry, "score") is not { } text)
                {
                    continue;
                }

                if (Score(text) is { } scored)
                {
                    if (best is null || scored.Name == "CVSS v4.0")
                    {
                        best = (text, scored.Score, scored.Name);
                    }
                }
                else
                {
                    unscored.Add($"'{text}' ({String(entry, "type") ?? "no type"})");
                }
            }
        }

        if (root.TryGetProperty("database_specific", out var specific) && String(specific, "severity") is { } named)
        {
            if (AdvisorySeveritySupport.TryParse(named, out var severity))
            {
                return (severity, "database_specific.severity", best?.Vector, best?.Score);
            }

            warnings?.Add($"{id}: severity '{named}' is not one SecureDev knows");
        }

        if (best is { } cvss)
        {
            return (AdvisorySeveritySupport.FromScore(cvss.Score), cvss.Name + " base score " + CvssV3.Format(cvss.Score), cvss.Vector, cvss.Score);
        }

        if (unscored.Count > 0)
        {
            warnings?.Add($"{id}: severity {string.Join(", ", unscored)} is not a CVSS v3 or v4 vector SecureDev can score");
        }

        return (AdvisorySeverity.Unknown, "none given", null, null);
    }

    // Vectors repeat across thousands of records; each distinct one is scored once per process.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (double Score, string Name)?> Scores = new(StringComparer.Ordinal);

    private static (double Score, string Name)? Score(string vector)
    {
        if (Scores.TryGetValue(vector, out var known))
        {
            return known;
        }

        (double Score, string Name)? score = CvssV4.TryScore(vector, out var v4) ? (v4, "CVSS v4.0")
            : CvssV3.TryBaseScore(vector, out var v3) ? (v3, vector.StartsWith("CVSS:3.1", StringComparison.Ordinal) ? "CVSS v3.1" : "CVSS v3.0")
            : null;
        if (Scores.Count < 50_000)
        {
            Scores[vector] = score;
        }

        return score;
    }

    private static IReadOnlyList<int> Cwes(JsonElement root) =>
        root.TryGetProperty("database_specific", out var specific)
            ? Strings(specific, "cwe_ids")
                .Select(c => c.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase) && int.TryParse(c.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
                .Where(n => n > 0)
                .ToArray()
            : Array.Empty<int>();

    /// <summary>GitHub's page for a GHSA id; else the record's first ADVISORY reference.</summary>
    private static string? Url(JsonElement root, string id)
    {
        if (id.StartsWith("GHSA-", StringComparison.Ordinal))
        {
            return "https://github.com/advisories/" + id;
        }

        if (root.TryGetProperty("references", out var references) && references.ValueKind == JsonValueKind.Array)
        {
            foreach (var reference in references.EnumerateArray())
            {
                if (String(reference, "type") == "ADVISORY" && String(reference, "url") is { } url)
                {
                    return url;
                }
            }
        }

        return null;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray()
            : Array.Empty<string>();

    private static DateTimeOffset? Date(JsonElement element, string name) =>
        String(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.ToUniversalTime()
            : null;
}
