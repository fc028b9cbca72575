using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Sbom;

namespace SecureDev.Core.Advisories;

/// <summary>
/// A directory of OSV records, as the GitHub Advisory Database lays them out (advisories/github-reviewed/YYYY/MM/GHSA-*/GHSA-*.json)
/// or any other tree of *.json OSV files: the vendor's own PSIRT advisories use the same source. Its snapshot is the
/// listing of its records (path, size, time written), so an unchanged checkout is read from the cache.
/// </summary>
public sealed class OsvDirectorySource : IAdvisorySource
{
    public const string Kind = "osv-directory";

    /// <summary>How long a listing made by this process stands for the directory's snapshot.</summary>
    internal static readonly TimeSpan ListingReuse = TimeSpan.FromSeconds(30);

    private readonly string _directory;
    private readonly AdvisoryCache? _cache;
    private readonly bool _vendor;

    /// <param name="vendor">The vendor's own advisories: recorded, but not held to the freshness limit (a PSIRT directory may rightly not change for months).</param>
    public OsvDirectorySource(string directory, string? name = null, AdvisoryCache? cache = null, bool vendor = false)
    {
        _directory = Path.GetFullPath(directory);
        Name = name ?? _directory;
        _cache = cache;
        _vendor = vendor;
    }

    public string Name { get; }

    public SourceContents Load(ICollection<BuildMessage> messages)
    {
        if (!Directory.Exists(_directory))
        {
            messages.Add(BuildRules.MissingAdvisorySource.At(
                _directory,
                $"The advisory directory '{_directory}' does not exist, so this build was not checked against it. Point SecureDevAdvisorySources at a checkout of the GitHub Advisory Database (or your mirror of it)."));
            return new SourceContents(new SourceSnapshot(Name, Kind, _directory, "missing", 0, null) { Vendor = _vendor }, Array.Empty<Advisory>());
        }

        // Listing a database checkout (a directory per record) costs more than the rest of a cached audit, so the projects
        // of one build share a listing this process made in the last seconds, when the cache holds that snapshot.
        CachedContents contents;
        if (_cache?.RecentKey(Kind, _directory, ListingReuse) is { } recent && _cache.TryGet(Kind, _directory, recent, messages, out var shared))
        {
            contents = shared;
            foreach (var message in contents.Messages)
            {
                messages.Add(message.ToMessage());
            }
        }
        else
        {
            var files = Listing(_directory);
            var key = Fingerprint(files);
            _cache?.RememberKey(Kind, _directory, key);
            contents = OsvRecords.Load(_cache, Kind, _directory, key, messages, () =>
            {
                var (advisories, problems) = OsvRecords.ParseAll(files.Select(f => new OsvRecords.Record(f.Path)).ToList(), Name);

                // Recorded with the snapshot: an unchanged listing is an unchanged checkout, so a cached build spawns no git.
                var facts = new Dictionary<string, string>(StringComparer.Ordinal);
                if (Checkout(_directory) is { } checkout)
                {
                    facts["commit"] = checkout.Commit;
                    if (checkout.Note is not null)
                    {
                        facts["commitNote"] = checkout.Note;
                    }
                }

                return (advisories, problems, facts);
            });
        }

        var named = OsvRecords.Named(contents.Advisories, Name);
        var snapshot = OsvRecords.Snapshot(Name, Kind, _directory, named, _vendor, messages, "directory") with
        {
            Commit = contents.Facts.GetValueOrDefault("commit"),
            Note = contents.Facts.GetValueOrDefault("commitNote"),
        };
        return new SourceContents(snapshot, named);
    }

    /// <summary>The *.json files under the directory, in a stable order, with what identifies their content cheaply.</summary>
    private static List<(string Path, long Length, long Written)> Listing(string directory)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        var enumerable = new FileSystemEnumerable<(string, long, long)>(
            directory,
            (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.Length, entry.LastWriteTimeUtc.UtcTicks),
            options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && entry.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase),
            // .git and other dot-directories hold no records.
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !entry.FileName.StartsWith(".", StringComparison.Ordinal),
        };
        var files = enumerable.ToList();
        files.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return files;
    }

    private static string Fingerprint(List<(string Path, long Length, long Written)> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, length, written) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{path}\n{length}\n{written}\n"));
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>
    /// The commit of the git checkout the directory is in, when it is in one, and a note when the directory is not exactly
    /// that commit's content (changed, untracked or ignored files), so that the report claims no more than is true.
    /// </summary>
    private static (string Commit, string? Note)? Checkout(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (Directory.Exists(Path.Combine(current.FullName, ".git")) || File.Exists(Path.Combine(current.FullName, ".git")))
            {
                if (Git.Run(directory, "rev-parse", "HEAD")?.Trim() is not { Length: 40 } commit)
                {
                    return null;
                }

                var status = Git.Run(directory, "status", "--porcelain", "--ignored=matching", "--", ".");
                return (commit, status is { Length: 0 } ? null : "the directory differs from that commit (changed, untracked or ignored files)");
            }
        }

        return null;
    }
}
