using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using NuGet.Versioning;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.IO;

namespace SecureDev.Core.Advisories;

/// <summary>A message a source gave while reading its data, kept with the data so that a cached read says it again.</summary>
internal sealed record CachedMessage(string RuleId, string? File, string Text)
{
    public static CachedMessage From(BuildMessage message) => new(message.Rule.Id, message.File, message.Text);

    public BuildMessage ToMessage()
    {
        var rule = BuildRules.All.Single(r => r.Id == RuleId);
        return rule.At(File, Text);
    }
}

/// <summary>The advisories of one snapshot of a source, with the facts and messages of reading it.</summary>
/// <param name="Key">What identifies the snapshot: a zip's SHA-256, a directory listing's fingerprint, a feed index's hash.</param>
internal sealed record CachedContents(
    string Key,
    DateTimeOffset StoredAt,
    IReadOnlyList<Advisory> Advisories,
    IReadOnlyList<CachedMessage> Messages,
    IReadOnlyDictionary<string, string> Facts);

/// <summary>
/// Parsed advisory data keyed by the snapshot of the source it came from, so that a build whose sources did not change
/// skips reading and parsing them: in memory for the projects of one build (MSBuild keeps the task assembly loaded), and
/// on disk across builds. Each file is written atomically and carries a SHA-256 of its content; a file that fails that
/// check is reported (SD9018), discarded and rebuilt from the source. One file per source: a new snapshot replaces the old.
/// </summary>
public sealed class AdvisoryCache
{
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "SDADVCACHE"u8.ToArray();
    private static readonly ConcurrentDictionary<string, CachedContents> Memory = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, (string Key, DateTimeOffset At)> RecentKeys = new(StringComparer.Ordinal);

    /// <param name="directory">Where the cache files go; null keeps the cache in memory only.</param>
    public AdvisoryCache(string? directory)
    {
        Directory = directory is null ? null : Path.GetFullPath(directory);
    }

    /// <summary>The per-user default: LocalApplicationData/SecureDev/advisory-cache (~/.local/share on Linux).</summary>
    public static string DefaultDirectory => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "SecureDev",
        "advisory-cache");

    public string? Directory { get; }

    /// <summary>Forgets what this process holds in memory (the disk cache stays): for measurements of a fresh process.</summary>
    public static void ClearMemory()
    {
        Memory.Clear();
        RecentKeys.Clear();
    }

    /// <summary>
    /// A snapshot key this process computed for the source less than <paramref name="maxAge"/> ago: the projects of one
    /// build share it instead of each listing a large directory again.
    /// </summary>
    internal string? RecentKey(string kind, string location, TimeSpan maxAge) =>
        RecentKeys.TryGetValue(MemoryKey(Id(kind, location)), out var recent) && DateTimeOffset.UtcNow - recent.At < maxAge ? recent.Key : null;

    internal void RememberKey(string kind, string location, string key) => RecentKeys[MemoryKey(Id(kind, location))] = (key, DateTimeOffset.UtcNow);

    internal bool TryGet(string kind, string location, string key, ICollection<BuildMessage> messages, out CachedContents contents)
    {
        if (TryGetLatest(kind, location, messages, out contents) && contents.Key == key)
        {
            return true;
        }

        contents = null!;
        return false;
    }

    /// <summary>The newest snapshot this cache holds for the source, whatever its key: a feed's last good copy.</summary>
    internal bool TryGetLatest(string kind, string location, ICollection<BuildMessage> messages, out CachedContents contents)
    {
        var id = Id(kind, location);
        if (Memory.TryGetValue(MemoryKey(id), out contents!))
        {
            return true;
        }

        if (FilePath(id) is not { } file || !File.Exists(file))
        {
            return false;
        }

        try
        {
            contents = Read(File.ReadAllBytes(file));
            Memory[MemoryKey(id)] = contents;
            return true;
        }
        catch (OutdatedFormatException)
        {
            return false;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or FormatException or ArgumentException or OverflowException)
        {
            messages.Add(BuildRules.AdvisoryCacheRebuilt.At(
                file,
                $"The advisory cache file '{file}' for {location} is corrupt ({e.Message}); it was discarded and the advisories were read from the source again."));
            TryDelete(file);
            contents = null!;
            return false;
        }
    }

    internal void Put(string kind, string location, CachedContents contents)
    {
        var id = Id(kind, location);
        Memory[MemoryKey(id)] = contents;
        if (FilePath(id) is not { } file)
        {
            return;
        }

        try
        {
            AtomicFile.WriteAllBytes(file, Write(contents));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The cache only saves time: a build whose cache cannot be written reads its sources again next time.
        }
    }

    private static string Id(string kind, string location) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + location))).ToLowerInvariant()[..32];

    private string MemoryKey(string id) => (Directory ?? "") + "\n" + id;

    private string? FilePath(string id) => Directory is null ? null : Path.Combine(Directory, id + ".sdcache");

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private sealed class OutdatedFormatException : Exception
    {
    }

    // File: magic, format version, SHA-256 of the payload, payload length, payload.
    internal static byte[] Write(CachedContents contents)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(contents.Key);
            writer.Write(contents.StoredAt.UtcTicks);
            writer.Write(contents.Facts.Count);
            foreach (var (name, value) in contents.Facts.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                writer.Write(name);
                writer.Write(value);
            }

            writer.Write(contents.Messages.Count);
            foreach (var message in contents.Messages)
            {
                writer.Write(message.RuleId);
                WriteNullable(writer, message.File);
                writer.Write(message.Text);
            }

            writer.Write(contents.Advisories.Count);
            foreach (var advisory in contents.Advisories)
            {
                WriteAdvisory(writer, advisory);
            }
        }

        var bytes = payload.ToArray();
        using var file = new MemoryStream();
        using (var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(SHA256.HashData(bytes));
            writer.Write(bytes.Length);
            writer.Write(bytes);
        }

        return file.ToArray();
    }

    internal static CachedContents Read(byte[] file)
    {
        using var reader = new BinaryReader(new MemoryStream(file, writable: false), Encoding.UTF8);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException("it is not a SecureDev advisory cache file");
        }

        if (reader.ReadInt32() != FormatVersion)
        {
            throw new OutdatedFormatException();
        }

        var hash = reader.ReadBytes(32);
        var length = reader.ReadInt32();
        var bytes = reader.ReadBytes(length);
        if (bytes.Length != length || reader.BaseStream.Position != reader.BaseStream.Length || !SHA256.HashData(bytes).AsSpan().SequenceEqual(hash))
        {
            throw new InvalidDataException("its content does not match its SHA-256");
        }

        using var payload = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        var key = payload.ReadString();
        var storedAt = new DateTimeOffset(payload.ReadInt64(), TimeSpan.Zero);
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = payload.ReadInt32(); i > 0; i--)
        {
            facts[payload.ReadString()] = payload.ReadString();
        }

        var messages = new List<CachedMessage>();
        for (var i = payload.ReadInt32(); i > 0; i--)
        {
            messages.Add(new CachedMessage(payload.ReadString(), ReadNullable(payload), payload.ReadString()));
        }

        var count = payload.ReadInt32();
        var advisories = new List<Advisory>(count);
        var versions = new Dictionary<string, NuGetVersion>(StringComparer.Ordinal);
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            advisories.Add(ReadAdvisory(payload, versions, strings));
        }

        return new CachedContents(key, storedAt, advisories, messages, facts);
    }

    private static void WriteAdvisory(BinaryWriter writer, Advisory advisory)
    {
        writer.Write(advisory.Id);
        WriteStrings(writer, advisory.Aliases);
        WriteNullable(writer, advisory.Summary);
        WriteDate(writer, advisory.Modified);
        WriteDate(writer, advisory.Published);
        writer.Write((byte)advisory.Severity);
        writer.Write(advisory.SeverityBasis);
        WriteNullable(writer, advisory.CvssVector);
        writer.Write(advisory.CvssScore.HasValue);
        writer.Write(advisory.CvssScore ?? 0);
        writer.Write(advisory.Cwes.Count);
        foreach (var cwe in advisory.Cwes)
        {
            writer.Write(cwe);
        }

        WriteNullable(writer, advisory.Url);
        writer.Write(advisory.Source);
        writer.Write(advisory.Affected.Count);
        foreach (var affected in advisory.Affected)
        {
            writer.Write(affected.Name);
            writer.Write(affected.Ranges.Count);
            foreach (var range in affected.Ranges)
            {
                writer.Write(range.NuGetRange is not null);
                if (range.NuGetRange is { } nuget)
                {
                    writer.Write(nuget.ToNormalizedString());
                    continue;
                }

                writer.Write(range.Events.Count);
                foreach (var e in range.Events)
                {
                    writer.Write((byte)e.Kind);
                    WriteNullable(writer, e.Version?.ToFullString());
                }
            }

            WriteStrings(writer, affected.Versions.Select(v => v.ToFullString()).ToList());
        }
    }

    /// <param name="versions">Versions already parsed in this file: the same few strings recur in thousands of ranges.</param>
    /// <param name="strings">Strings that recur (source, severity basis, package names): one instance each.</param>
    private static Advisory ReadAdvisory(BinaryReader reader, Dictionary<string, NuGetVersion> versions, Dictionary<string, string> strings)
    {
        var id = reader.ReadString();
        var aliases = ReadStrings(reader);
        var summary = ReadNullable(reader);
        var modified = ReadDate(reader);
        var published = ReadDate(reader);
        var severity = (AdvisorySeverity)reader.ReadByte();
        if (!Enum.IsDefined(severity))
        {
            throw new InvalidDataException($"severity {(int)severity} of {id} is out of range");
        }

        var basis = Shared(reader.ReadString(), strings);
        var vector = ReadNullable(reader);
        var hasScore = reader.ReadBoolean();
        var score = reader.ReadDouble();
        var cwes = new int[reader.ReadInt32()];
        for (var i = 0; i < cwes.Length; i++)
        {
            cwes[i] = reader.ReadInt32();
        }

        var url = ReadNullable(reader);
        var source = Shared(reader.ReadString(), strings);
        var affected = new AffectedPackage[reader.ReadInt32()];
        for (var i = 0; i < affected.Length; i++)
        {
            var name = Shared(reader.ReadString(), strings);
            var ranges = new AffectedRange[reader.ReadInt32()];
            for (var r = 0; r < ranges.Length; r++)
            {
                if (reader.ReadBoolean())
                {
                    ranges[r] = new AffectedRange(VersionRange.Parse(reader.ReadString()));
                    continue;
                }

                var events = new RangeEvent[reader.ReadInt32()];
                for (var e = 0; e < events.Length; e++)
                {
                    var kind = (RangeEventKind)reader.ReadByte();
                    var version = ReadNullable(reader);
                    events[e] = new RangeEvent(kind, version is null ? null : Version(version, versions));
                }

                ranges[r] = new AffectedRange(events);
            }

            affected[i] = new AffectedPackage(name, ranges, ReadStrings(reader).Select(v => Version(v, versions)).ToArray());
        }

        return new Advisory(id, aliases, summary, modified, published, severity, basis, vector, hasScore ? score : null, cwes, affected, url, source);
    }

    private static string Shared(string text, Dictionary<string, string> strings)
    {
        if (strings.TryGetValue(text, out var shared))
        {
            return shared;
        }

        strings[text] = text;
        return text;
    }

    private static NuGetVersion Version(string text, Dictionary<string, NuGetVersion> versions)
    {
        if (!versions.TryGetValue(text, out var version))
        {
            versions[text] = version = NuGetVersion.Parse(text);
        }

        return version;
    }

    private static void WriteNullable(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static void WriteDate(BinaryWriter writer, DateTimeOffset? value) => writer.Write(value?.UtcTicks ?? -1L);

    private static DateTimeOffset? ReadDate(BinaryReader reader) => reader.ReadInt64() is var ticks and >= 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    private static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static string[] ReadStrings(BinaryReader reader)
    {
        var values = new string[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadString();
        }

        return values;
    }
}
