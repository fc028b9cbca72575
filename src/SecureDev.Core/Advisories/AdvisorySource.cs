using SecureDev.Core.Diagnostics;

namespace SecureDev.Core.Advisories;

/// <summary>What a source held when the build read it: the provenance a report records for SVV-3.</summary>
/// <param name="Kind">"osv-directory", "osv-zip" or "nuget-feed".</param>
/// <param name="Status">
/// "used" (the build was checked against it), "empty", "missing", "unreadable", "no-data" (a package source that publishes no
/// vulnerability data) or "unreachable": only "used" means the build was checked against this source.
/// </param>
/// <param name="Records">The advisories it held for NuGet packages (withdrawn ones left out).</param>
/// <param name="NewestModified">The newest "modified" time of its records, or the newest "@updated" of a feed's files.</param>
public sealed record SourceSnapshot(string Name, string Kind, string Location, string Status, int Records, DateTimeOffset? NewestModified)
{
    public const string Used = "used";

    /// <summary>The vendor's own advisories (SecureDevVendorAdvisories): recorded, but not held to the freshness limit.</summary>
    public bool Vendor { get; init; }

    /// <summary>SHA-256 of the zip file the advisories came from.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The commit of the git checkout the directory is in.</summary>
    public string? Commit { get; init; }

    /// <summary>The files of a feed's vulnerability index: name, URL and update time.</summary>
    public IReadOnlyList<string>? Files { get; init; }

    /// <summary>Older than SecureDevAdvisoryMaxAgeDays when the build ran.</summary>
    public bool Stale { get; init; }

    /// <summary>What else a reader of the report must know: data from the cache because the feed was unreachable, for one.</summary>
    public string? Note { get; init; }

    public bool IsUsed => Status == Used;
}

/// <summary>The advisories a source holds, and how its reading went.</summary>
public sealed record SourceContents(SourceSnapshot Snapshot, IReadOnlyList<Advisory> Advisories);

/// <summary>One place advisories come from: an OSV directory, an OSV zip, a NuGet feed's vulnerability resource.</summary>
public interface IAdvisorySource
{
    string Name { get; }

    /// <summary>Reads the source. Problems (missing, empty, corrupt records) go to <paramref name="messages"/>; the method does not throw for them.</summary>
    SourceContents Load(ICollection<BuildMessage> messages);
}
