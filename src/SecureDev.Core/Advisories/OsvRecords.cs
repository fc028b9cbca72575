using SecureDev.Core.Diagnostics;

namespace SecureDev.Core.Advisories;

/// <summary>
/// What the OSV sources (a directory, a zip) share: parsing many records at once, on every core, with each problem
/// reported against the record it is in; and turning what was read into a snapshot, through the cache.
/// </summary>
internal static class OsvRecords
{
    /// <summary>One record to parse: where it is (a file path, or zip!entry) and its bytes, or null to read the file at Label.</summary>
    public readonly record struct Record(string Label, Func<byte[]>? Read = null);

    public static (List<Advisory> Advisories, List<CachedMessage> Messages) ParseAll(IReadOnlyList<Record> records, string sourceName)
    {
        var results = records
            .AsParallel()
            .AsOrdered()
            .Select(record => ParseOne(record, sourceName))
            .ToList();
        var advisories = new List<Advisory>(results.Count);
        var messages = new List<CachedMessage>();
        foreach (var (advisory, problems) in results)
        {
            if (advisory is not null)
            {
                advisories.Add(advisory);
            }

            messages.AddRange(problems);
        }

        return (advisories, messages);
    }

    private static (Advisory? Advisory, IReadOnlyList<CachedMessage> Messages) ParseOne(Record record, string sourceName)
    {
        var warnings = new List<string>();
        try
        {
            var advisory = record.Read is null ? ParseFile(record.Label, sourceName, warnings) : OsvParser.Parse(record.Read(), sourceName, warnings);
            return (advisory, warnings.Select(w => new CachedMessage(BuildRules.UnknownAdvisoryData.Id, record.Label, w + ".")).ToList());
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return (null, new[]
            {
                new CachedMessage(
                    BuildRules.CorruptAdvisoryRecord.Id,
                    record.Label,
                    $"The advisory record '{record.Label}' could not be read ({e.Message}); it was skipped and the other records were used. Replace it with a fresh copy from the advisory database."),
            });
        }
    }

    /// <summary>Reads a record into a pooled buffer: a database checkout is thousands of files read on every cold build.</summary>
    private static Advisory? ParseFile(string path, string sourceName, ICollection<string> warnings)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var length = checked((int)stream.Length);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var read = 0;
            while (read < length && stream.Read(buffer, read, length - read) is var n and > 0)
            {
                read += n;
            }

            return OsvParser.Parse(buffer.AsMemory(0, read), sourceName, warnings);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The source's contents for the snapshot <paramref name="key"/>: from the cache when it holds that snapshot, else
    /// parsed by <paramref name="read"/> and stored. The messages of reading are given again on a cached read.
    /// </summary>
    public static CachedContents Load(
        AdvisoryCache? cache,
        string kind,
        string location,
        string key,
        ICollection<BuildMessage> messages,
        Func<(List<Advisory> Advisories, List<CachedMessage> Messages, Dictionary<string, string> Facts)> read)
    {
        if (cache is null || !cache.TryGet(kind, location, key, messages, out var contents))
        {
            var (advisories, problems, facts) = read();
            contents = new CachedContents(key, DateTimeOffset.UtcNow, advisories, problems, facts);
            cache?.Put(kind, location, contents);
        }

        foreach (var message in contents.Messages)
        {
            messages.Add(message.ToMessage());
        }

        return contents;
    }

    /// <summary>The advisories as this source names itself: a cached copy may have been stored under another name.</summary>
    public static IReadOnlyList<Advisory> Named(IReadOnlyList<Advisory> advisories, string name) =>
        advisories.Count == 0 || advisories[0].Source == name ? advisories : advisories.Select(a => a with { Source = name }).ToList();

    public static SourceSnapshot Snapshot(string name, string kind, string location, IReadOnlyList<Advisory> advisories, bool vendor, ICollection<BuildMessage> messages, string what)
    {
        if (advisories.Count == 0)
        {
            messages.Add(BuildRules.EmptyAdvisorySource.At(
                location,
                $"The advisory {what} '{location}' holds no NuGet advisories, so this build was not checked against it. Check that it is a complete copy of the advisory database."));
        }

        var newest = advisories.Select(a => a.Modified).Where(m => m is not null).Max();
        return new SourceSnapshot(name, kind, location, advisories.Count == 0 ? "empty" : SourceSnapshot.Used, advisories.Count, newest) { Vendor = vendor };
    }
}
