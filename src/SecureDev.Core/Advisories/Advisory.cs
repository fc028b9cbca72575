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

    /// <summary>The other sources that published the same advisory (under its id or an alias); set when sources are merged.</summary>
    public IReadOnlyList<string> AlsoIn { get; init; } = Array.Empty<string>();

    public bool IsKnownAs(string identifier) =>
        string.Equals(Id, identifier, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => string.Equals(a, identifier, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One "affected" entry: a package and the versions of it the advisory covers.</summary>
public sealed record AffectedPackage(string Name, IReadOnlyList<AffectedRange> Ranges, IReadOnlyList<NuGetVersion> Versions)
{
    /// <summary>True when <paramref name="version"/> is in one of the ranges or in the explicit versions list (OSV's "affected" rule).</summary>
    public bool Affects(NuGetVersion version)
    {
        foreach (var listed in Versions)
        {
            if (VersionComparer.Default.Equals(listed, version))
            {
                return true;
            }
        }

        foreach (var range in Ranges)
        {
            if (range.Contains(version))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="version"/> is affected; <paramref name="fixedIn"/> is the lowest fix above it in the ranges that contain it.</summary>
    public bool Affects(NuGetVersion version, out NuGetVersion? fixedIn)
    {
        fixedIn = null;
        var affected = Affects(version);
        foreach (var range in Ranges)
        {
            if (range.Contains(version) && range.FirstFixAbove(version) is { } fix && (fixedIn is null || fix < fixedIn))
            {
                fixedIn = fix;
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

/// <summary>
/// The versions an advisory covers: an OSV ECOSYSTEM (or SEMVER) range evaluated with NuGet's version order (OSV schema,
/// "Evaluation"), or a range in NuGet's own syntax, as the VulnerabilityInfo resource of a package source publishes it.
/// </summary>
public sealed class AffectedRange
{
    private readonly RangeEvent[] _sorted;

    public AffectedRange(IReadOnlyList<RangeEvent> events)
    {
        Events = events;
        _sorted = new RangeEvent[events.Count];
        for (var i = 0; i < _sorted.Length; i++)
        {
            _sorted[i] = events[i];
        }

        // "introduced": "0" (no version) first, then NuGet's version order. Records almost always list events in order,
        // so the (stable) insertion sort is a single pass.
        for (var i = 1; i < _sorted.Length; i++)
        {
            var current = _sorted[i];
            var j = i - 1;
            while (j >= 0 && Compare(_sorted[j].Version, current.Version) > 0)
            {
                _sorted[j + 1] = _sorted[j];
                j--;
            }

            _sorted[j + 1] = current;
        }
    }

    private static int Compare(NuGetVersion? x, NuGetVersion? y) =>
        x is null ? (y is null ? 0 : -1) : y is null ? 1 : VersionComparer.Default.Compare(x, y);

    /// <summary>A NuGet version range such as "(, 13.0.1)" or "[1.0.0, 2.0.0]".</summary>
    public AffectedRange(VersionRange range)
    {
        NuGetRange = range;
        Events = Array.Empty<RangeEvent>();
        _sorted = Array.Empty<RangeEvent>();
    }

    public IReadOnlyList<RangeEvent> Events { get; }

    public VersionRange? NuGetRange { get; }

    public bool Contains(NuGetVersion version)
    {
        if (NuGetRange is not null)
        {
            return NuGetRange.Satisfies(version, VersionComparer.Default);
        }

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

    /// <summary>Versions this range names as fixes: "fixed" events, or the exclusive upper bound of a NuGet range.</summary>
    public IEnumerable<NuGetVersion> FixedVersions => NuGetRange is not null
        ? NuGetRange.HasUpperBound && !NuGetRange.IsMaxInclusive ? new[] { NuGetRange.MaxVersion! } : Array.Empty<NuGetVersion>()
        : _sorted.Where(e => e.Kind == RangeEventKind.Fixed && e.Version is not null).Select(e => e.Version!);

    public NuGetVersion? FirstFixAbove(NuGetVersion version) => FixedVersions.Where(v => v > version).Min();

    public override string ToString() => NuGetRange?.ToNormalizedString()
        ?? string.Join(", ", Events.Select(e => $"{e.Kind}:{e.Version?.ToNormalizedString() ?? "0"}"));
}
