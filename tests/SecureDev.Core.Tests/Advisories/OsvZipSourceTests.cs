using System.IO.Compression;
using System.Security.Cryptography;
using SecureDev.Core.Advisories;
using SecureDev.Core.Diagnostics;
using Xunit;

namespace SecureDev.Core.Tests.Advisories;

/// <summary>An OSV zip as osv.dev exports it per ecosystem: one record per *.json entry at the root.</summary>
public class OsvZipSourceTests
{
    /// <summary>The fixture's records as entries named by id, as in NuGet/all.zip, plus the extra entries given.</summary>
    internal static string Zip(TemporaryDirectory directory, params (string Name, string Content)[] extra)
    {
        var path = directory.File("all.zip");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var file in Directory.GetFiles(Fixture.AdvisoryDatabase, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            archive.CreateEntryFromFile(file, Path.GetFileName(file));
        }

        foreach (var (name, content) in extra)
        {
            using var writer = new StreamWriter(archive.CreateEntry(name).Open());
            writer.Write(content);
        }

        return path;
    }

    [Fact]
    public void Reads_every_record_and_records_the_zips_sha256()
    {
        using var directory = Fixture.TemporaryDirectory();
        var zip = Zip(directory, ("PYSEC-2024-1.json", """{ "id": "PYSEC-2024-1", "affected": [ { "package": { "ecosystem": "PyPI", "name": "requests" } } ] }"""));
        var messages = new List<BuildMessage>();
        var contents = new OsvZipSource(zip, "osv.dev NuGet").Load(messages);

        Assert.Empty(messages);
        Assert.Equal(4, contents.Advisories.Count);
        Assert.Equal(("used", "osv-zip", 4), (contents.Snapshot.Status, contents.Snapshot.Kind, contents.Snapshot.Records));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(zip))).ToLowerInvariant(), contents.Snapshot.Sha256);
        Assert.Equal(new DateTimeOffset(2024, 5, 31, 20, 35, 56, TimeSpan.Zero), contents.Snapshot.NewestModified);
        Assert.All(contents.Advisories, a => Assert.Equal("osv.dev NuGet", a.Source));
    }

    [Fact]
    public void A_corrupt_entry_is_SD9013_naming_the_zip_and_entry_and_the_others_are_used()
    {
        using var directory = Fixture.TemporaryDirectory();
        var zip = Zip(directory, ("GHSA-xxxx-xxxx-xxxx.json", """{ "id": "GHSA-xxxx-xxxx-xxxx", "affected": [ """));
        var messages = new List<BuildMessage>();
        var contents = new OsvZipSource(zip).Load(messages);

        var message = Fixture.Single(messages, BuildRules.CorruptAdvisoryRecord);
        Assert.Equal(zip + "!GHSA-xxxx-xxxx-xxxx.json", message.File);
        Assert.Contains("GHSA-xxxx-xxxx-xxxx.json", message.Text);
        Assert.Equal(4, contents.Advisories.Count);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_not_a_check()
    {
        using var directory = Fixture.TemporaryDirectory();
        var zip = directory.File("all.zip");
        File.WriteAllText(zip, "<html>proxy error</html>");
        var messages = new List<BuildMessage>();
        var contents = new OsvZipSource(zip).Load(messages);

        Assert.Equal("unreadable", contents.Snapshot.Status);
        Assert.Contains("could not be read as a zip", Fixture.Single(messages, BuildRules.CorruptAdvisoryRecord).Text);
    }

    [Fact]
    public void A_missing_or_empty_zip_is_said()
    {
        using var directory = Fixture.TemporaryDirectory();
        var messages = new List<BuildMessage>();
        Assert.Equal("missing", new OsvZipSource(directory.File("nothing.zip")).Load(messages).Snapshot.Status);
        Fixture.Single(messages, BuildRules.MissingAdvisorySource);

        var empty = directory.File("empty.zip");
        ZipFile.Open(empty, ZipArchiveMode.Create).Dispose();
        Assert.Equal("empty", new OsvZipSource(empty).Load(messages).Snapshot.Status);
        Assert.Contains("holds no NuGet advisories", Fixture.Single(messages, BuildRules.EmptyAdvisorySource).Text);
    }

    [Fact]
    public void The_zip_and_the_directory_layouts_give_the_same_advisories()
    {
        using var directory = Fixture.TemporaryDirectory();
        var fromZip = new OsvZipSource(Zip(directory), "x").Load(new List<BuildMessage>()).Advisories.OrderBy(a => a.Id).ToList();
        var fromDirectory = new OsvDirectorySource(Fixture.AdvisoryDatabase, "x").Load(new List<BuildMessage>()).Advisories.OrderBy(a => a.Id).ToList();
        Assert.Equal(fromDirectory.Select(a => (a.Id, a.Severity, a.Affected.Count)), fromZip.Select(a => (a.Id, a.Severity, a.Affected.Count)));
    }
}
