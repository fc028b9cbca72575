using SecureDev.Core.Advisories;
using SecureDev.Core.Diagnostics;
using Xunit;

namespace SecureDev.Core.Tests.Advisories;

/// <summary>Parsed advisory data cached by the snapshot of its source: reused while the source is unchanged, rebuilt when it is corrupt.</summary>
public class AdvisoryCacheTests
{
    private static string CopyOfDatabase(TemporaryDirectory directory)
    {
        var copy = Path.Combine(directory.Path, "advisory-database");
        OsvDirectorySourceTests.CopyDirectory(Fixture.AdvisoryDatabase, copy);
        return copy;
    }

    private static string Record(string database, string id) => Directory.GetFiles(database, id + ".json", SearchOption.AllDirectories).Single();

    [Fact]
    public void An_unchanged_directory_is_read_from_the_cache_and_a_changed_one_again()
    {
        using var work = Fixture.TemporaryDirectory();
        var database = CopyOfDatabase(work);
        var cache = new AdvisoryCache(Path.Combine(work.Path, "cache"));
        Assert.Equal(4, new OsvDirectorySource(database, cache: cache).Load(new List<BuildMessage>()).Advisories.Count);
        Assert.Single(Directory.GetFiles(cache.Directory!, "*.sdcache"));

        // The same listing (path, size, time written) is the same snapshot: an edit that keeps both is not seen, which
        // shows the records came from the cache, not from the files.
        var record = Record(database, "GHSA-5crp-9r3c-p9vr");
        var written = File.GetLastWriteTimeUtc(record);
        File.WriteAllText(record, File.ReadAllText(record).Replace("\"LOW\"", "\"MOD\""));
        File.SetLastWriteTimeUtc(record, written);
        AdvisoryCache.ClearMemory();
        var cached = new OsvDirectorySource(database, cache: cache).Load(new List<BuildMessage>());
        Assert.Equal(AdvisorySeverity.Low, cached.Advisories.Single(a => a.Id == "GHSA-5crp-9r3c-p9vr").Severity);

        // A new time written is a new snapshot (for the next build: the projects of one build share a listing for a few seconds).
        File.SetLastWriteTimeUtc(record, written.AddSeconds(1));
        Assert.Equal(AdvisorySeverity.Low, new OsvDirectorySource(database, cache: cache).Load(new List<BuildMessage>()).Advisories.Single(a => a.Id == "GHSA-5crp-9r3c-p9vr").Severity);
        AdvisoryCache.ClearMemory();
        var messages = new List<BuildMessage>();
        var fresh = new OsvDirectorySource(database, cache: cache).Load(messages);
        Assert.Equal(AdvisorySeverity.Unknown, fresh.Advisories.Single(a => a.Id == "GHSA-5crp-9r3c-p9vr").Severity);
        Assert.Contains("'MOD'", Fixture.Single(messages, BuildRules.UnknownAdvisoryData).Text);
        Assert.Single(Directory.GetFiles(cache.Directory!, "*.sdcache"));
    }

    [Fact]
    public void A_cached_read_reports_the_records_problems_again()
    {
        using var work = Fixture.TemporaryDirectory();
        var database = CopyOfDatabase(work);
        File.WriteAllText(Path.Combine(database, "broken.json"), "{ \"id\": ");
        var cache = new AdvisoryCache(Path.Combine(work.Path, "cache"));
        new OsvDirectorySource(database, cache: cache).Load(new List<BuildMessage>());
        AdvisoryCache.ClearMemory();

        var messages = new List<BuildMessage>();
        new OsvDirectorySource(database, cache: cache).Load(messages);
        Assert.Equal(Path.Combine(database, "broken.json"), Fixture.Single(messages, BuildRules.CorruptAdvisoryRecord).File);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("garbage")]
    public void A_corrupt_cache_file_is_SD9018_discarded_and_rebuilt(string damage)
    {
        using var work = Fixture.TemporaryDirectory();
        var cache = new AdvisoryCache(Path.Combine(work.Path, "cache"));
        var zip = OsvZipSourceTests.Zip(work);
        new OsvZipSource(zip, cache: cache).Load(new List<BuildMessage>());
        var file = Directory.GetFiles(cache.Directory!, "*.sdcache").Single();
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, damage switch
        {
            "flip" => bytes.Select((b, i) => i == bytes.Length / 2 ? (byte)(b ^ 0x20) : b).ToArray(),
            "truncate" => bytes[..(bytes.Length / 3)],
            _ => "not a cache"u8.ToArray(),
        });
        AdvisoryCache.ClearMemory();

        var messages = new List<BuildMessage>();
        var contents = new OsvZipSource(zip, cache: cache).Load(messages);
        Assert.Equal(4, contents.Advisories.Count);
        var warning = Fixture.Single(messages, BuildRules.AdvisoryCacheRebuilt);
        Assert.Equal(BuildSeverity.Warning, warning.Severity);
        Assert.Equal(file, warning.File);

        // Rebuilt: the next read uses it without a word.
        AdvisoryCache.ClearMemory();
        var again = new List<BuildMessage>();
        Assert.Equal(4, new OsvZipSource(zip, cache: cache).Load(again).Advisories.Count);
        Assert.Empty(again);
    }

    [Fact]
    public void The_cache_round_trips_every_field_the_matching_uses()
    {
        var advisories = new OsvDirectorySource(Fixture.AdvisoryDatabase).Load(new List<BuildMessage>()).Advisories;
        var contents = new CachedContents("key", DateTimeOffset.UnixEpoch, advisories, new[] { new CachedMessage("SD9017", "a.json", "text") }, new Dictionary<string, string> { ["index"] = "base" });
        var read = AdvisoryCache.Read(AdvisoryCache.Write(contents));

        Assert.Equal(contents.Key, read.Key);
        Assert.Equal(contents.Facts, read.Facts);
        Assert.Equal(contents.Messages, read.Messages);
        foreach (var (before, after) in advisories.Zip(read.Advisories))
        {
            Assert.Equal(
                (before.Id, before.Summary, before.Modified, before.Severity, before.SeverityBasis, before.CvssVector, before.CvssScore, before.Url),
                (after.Id, after.Summary, after.Modified, after.Severity, after.SeverityBasis, after.CvssVector, after.CvssScore, after.Url));
            Assert.Equal(before.Aliases, after.Aliases);
            Assert.Equal(before.Cwes, after.Cwes);
            Assert.Equal(before.Affected.Select(a => (a.Name, string.Join(";", a.Ranges), string.Join(";", a.Versions))), after.Affected.Select(a => (a.Name, string.Join(";", a.Ranges), string.Join(";", a.Versions))));
        }
    }

    [Fact]
    public void A_cache_that_cannot_be_written_only_costs_time()
    {
        using var work = Fixture.TemporaryDirectory();
        var blocker = Path.Combine(work.Path, "not-a-directory");
        File.WriteAllText(blocker, "a file where the cache directory should be");
        var messages = new List<BuildMessage>();
        var contents = new OsvDirectorySource(Fixture.AdvisoryDatabase, cache: new AdvisoryCache(Path.Combine(blocker, "cache"))).Load(messages);
        Assert.Equal(4, contents.Advisories.Count);
        Assert.Empty(messages);
    }
}
