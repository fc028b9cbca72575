using NuGet.Versioning;

namespace SecureDev.Core.Advisories;

/// <summary>One advisory, as read from an OSV record (or another source mapped to the same shape).</summary>
public sealed record Advisory(
    string Id,
    IReadOnlyList<string> Aliases,
    string? Summary,
    DateTimeOffset? Modified,
    DateTimeOffset? Published,
    AdvisorySeverity Severity,
    string SeverityBasis,
    string? CvssVector,
    double? CvssScore,
    IReadOnlyList<int> Cwes,
    IReadOnlyList<AffectedPackage> Affected,
    string? Url,
    string Source)
{
    /// <summary>Every identifier this advisory is known by: its id and its aliases (CVE, GHSA).</summary>
    public IEnumerable<string> Identifiers => Aliases.Prepend(Id);
}

/// <summary>One "affected" entry: a package and the versions of it the advisory covers.</summary>
public sealed record AffectedPackage(string Name, IReadOnlyList<AffectedRange> Ranges, IReadOnlyList<NuGetVersion> Versions)
{
    /// <summary>True when <paramref name="version"/> is affected; <paramref name="fixedIn"/> is the lowest fix above it, if any.</summary>
    public bool Affects(NuGetVersion version, out NuGetVersion? fixedIn)
    {
        fixedIn = null;
        var affected = Versions.Any(v => VersionComparer.Default.Equals(v, version));
        foreach (var range in Ranges)
        {
            if (range.Contains(version))
            {
                affected = true;
                var fix = range.FirstFixAbove(version);
                if (fix is not null && (fixedIn is null || fix < fixedIn))
                {
                    fixedIn = fix;
                }
            }
        }

        return affected;
    }
}

public enum RangeEventKind
{
    Introduced,
    Fixed,
    LastAffected,
}

/// <param name="Version">Null for "introduced": "0" (every version from the start).</param>
public sealed record RangeEvent(RangeEventKind Kind, NuGetVersion? Version);

/// <summary>An OSV ECOSYSTEM range, evaluated with NuGet's version ordering (OSV schema, "Evaluation").</summary>
public sealed record AffectedRange(IReadOnlyList<RangeEvent> Events)
{
    private readonly RangeEvent[] _sorted = Events
        .OrderBy(e => e.Version is null ? 0 : 1)
        .ThenBy(e => e.Version!, VersionComparer.Default)
        .ToArray();

    public bool Contains(NuGetVersion version)
    {
        var affected = false;
        foreach (var e in _sorted)
        {
            switch (e.Kind)
            {
                case RangeEventKind.Introduced when e.Version is null || version >= e.Version:
                    affected = true;
                    break;
                case RangeEventKind.Fixed when e.Version is not null && version >= e.Version:
                    affected = false;
                    break;
                case RangeEventKind.LastAffected when e.Version is not null && version > e.Version:
                    affected = false;
                    break;
            }
        }

        return affected;
    }

    public NuGetVersion? FirstFixAbove(NuGetVersion version) => _sorted
        .Where(e => e.Kind == RangeEventKind.Fixed && e.Version is not null && e.Version > version)
        .Select(e => e.Version)
        .FirstOrDefault();
}
