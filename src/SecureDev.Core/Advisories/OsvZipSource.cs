using System.IO.Compression;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.IO;

namespace SecureDev.Core.Advisories;

/// <summary>
/// An OSV zip as osv.dev exports it per ecosystem (https://osv-vulnerabilities.storage.googleapis.com/NuGet/all.zip: one
/// OSV record per *.json entry). Its snapshot is the zip's SHA-256, which the report records.
/// </summary>
public sealed class OsvZipSource : IAdvisorySource
{
    public const string Kind = "osv-zip";

    private readonly string _file;
    private readonly AdvisoryCache? _cache;
    private readonly bool _vendor;

    public OsvZipSource(string file, string? name = null, AdvisoryCache? cache = null, bool vendor = false)
    {
        _file = Path.GetFullPath(file);
        Name = name ?? _file;
        _cache = cache;
        _vendor = vendor;
    }

    public string Name { get; }

    public SourceContents Load(ICollection<BuildMessage> messages)
    {
        if (!File.Exists(_file))
        {
            messages.Add(BuildRules.MissingAdvisorySource.At(
                _file,
                $"The advisory zip '{_file}' does not exist, so this build was not checked against it. Download the ecosystem export (for NuGet: https://osv-vulnerabilities.storage.googleapis.com/NuGet/all.zip) to that path."));
            return new SourceContents(new SourceSnapshot(Name, Kind, _file, "missing", 0, null) { Vendor = _vendor }, Array.Empty<Advisory>());
        }

        var sha256 = Digest.Sha256Hex(_file);

        CachedContents contents;
        try
        {
            contents = OsvRecords.Load(_cache, Kind, _file, sha256, messages, () =>
            {
                var (advisories, problems) = OsvRecords.ParseAll(Entries(_file), Name);
                return (advisories, problems, new Dictionary<string, string>());
            });
        }
        catch (InvalidDataException e)
        {
            messages.Add(BuildRules.CorruptAdvisoryRecord.At(
                _file,
                $"The advisory zip '{_file}' could not be read as a zip ({e.Message}), so this build was not checked against it. Download it again."));
            return new SourceContents(new SourceSnapshot(Name, Kind, _file, "unreadable", 0, null) { Vendor = _vendor, Sha256 = sha256 }, Array.Empty<Advisory>());
        }

        var named = OsvRecords.Named(contents.Advisories, Name);
        var snapshot = OsvRecords.Snapshot(Name, Kind, _file, named, _vendor, messages, "zip") with { Sha256 = sha256 };
        return new SourceContents(snapshot, named);
    }

    /// <summary>The zip's *.json entries, decompressed here (a ZipArchive is read by one thread) and parsed in parallel later.</summary>
    private static List<OsvRecords.Record> Entries(string file)
    {
        var records = new List<OsvRecords.Record>();
        using var archive = ZipFile.OpenRead(file);
        foreach (var entry in archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            if (!entry.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var label = file + "!" + entry.FullName;
            byte[]? bytes = null;
            Exception? failure = null;
            try
            {
                using var stream = entry.Open();
                using var buffer = new MemoryStream(checked((int)entry.Length));
                stream.CopyTo(buffer);
                bytes = buffer.ToArray();
            }
            catch (Exception e) when (e is InvalidDataException or IOException or OverflowException)
            {
                // A damaged entry is that record's problem, reported against it; the other entries are still read.
                failure = new InvalidDataException(e.Message, e);
            }

            records.Add(new OsvRecords.Record(label, () => bytes ?? throw failure!));
        }

        return records;
    }
}
