using SecureDev.Core.Diagnostics;

namespace SecureDev.Core.Advisories;

/// <summary>What a source held when the build read it: the provenance a report records for SVV-3.</summary>
/// <param name="Status">"used", "empty" or "missing": only "used" means the build was checked against this source.</param>
public sealed record SourceSnapshot(string Name, string Kind, string Location, string Status, int Records, DateTimeOffset? NewestModified);

/// <summary>The advisories a source holds, and how its reading went.</summary>
public sealed record SourceContents(SourceSnapshot Snapshot, IReadOnlyList<Advisory> Advisories);

/// <summary>One place advisories come from: an OSV directory, an OSV zip, a NuGet feed's vulnerability resource.</summary>
public interface IAdvisorySource
{
    string Name { get; }

    /// <summary>Reads the source. Problems (missing, empty, corrupt records) go to <paramref name="messages"/>; the method does not throw for them.</summary>
    SourceContents Load(ICollection<BuildMessage> messages);
}
