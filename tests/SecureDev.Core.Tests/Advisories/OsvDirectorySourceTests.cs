using SecureDev.Core.Advisories;
using SecureDev.Core.Diagnostics;
using Xunit;

namespace SecureDev.Core.Tests.Advisories;

public class OsvDirectorySourceTests
{
    [Fact]
    public void Reads_the_github_advisory_database_layout_and_records_what_it_read()
    {
        var messages = new List<BuildMessage>();
        var contents = new OsvDirectorySource(Fixture.AdvisoryDatabase).Load(messages);
        Assert.Empty(messages);
        Assert.Equal(4, contents.Advisories.Count);
        Assert.Equal("used", contents.Snapshot.Status);
        Assert.Equal(4, contents.Snapshot.Records);
        Assert.Equal(new DateTimeOffset(2024, 5, 31, 20, 35, 56, TimeSpan.Zero), contents.Snapshot.NewestModified);
    }

    [Fact]
    public void A_missing_directory_is_SD9012_and_not_used()
    {
        var messages = new List<BuildMessage>();
        var contents = new OsvDirectorySource("/nonexistent/advisory-database").Load(messages);
        Assert.Equal("missing", contents.Snapshot.Status);
        Assert.Contains("/nonexistent/advisory-database", Fixture.Single(messages, BuildRules.MissingAdvisorySource).Text);
    }

    [Fact]
    public void An_empty_directory_is_SD9011_and_not_used()
    {
        using var directory = Fixture.TemporaryDirectory();
        var messages = new List<BuildMessage>();
        var contents = new OsvDirectorySource(directory.Path).Load(messages);
        Assert.Equal("empty", contents.Snapshot.Status);
        Assert.Contains("holds no NuGet advisories", Fixture.Single(messages, BuildRules.EmptyAdvisorySource).Text);
    }

    [Fact]
    public void A_corrupt_record_is_SD9013_naming_the_file_and_the_others_are_still_used()
    {
        using var directory = Fixture.TemporaryDirectory();
        CopyDirectory(Fixture.AdvisoryDatabase, directory.Path);
        var corrupt = Path.Combine(directory.Path, "github-reviewed", "2025", "01", "GHSA-xxxx-xxxx-xxxx", "GHSA-xxxx-xxxx-xxxx.json");
        Directory.CreateDirectory(Path.GetDirectoryName(corrupt)!);
        File.WriteAllText(corrupt, """{ "id": "GHSA-xxxx-xxxx-xxxx", "affected": [ """);

        var messages = new List<BuildMessage>();
        var contents = new OsvDirectorySource(directory.Path).Load(messages);
        var message = Fixture.Single(messages, BuildRules.CorruptAdvisoryRecord);
        Assert.Equal(corrupt, message.File);
        Assert.Contains(corrupt, message.Text);
        Assert.Equal(BuildSeverity.Warning, message.Severity);
        Assert.Equal(4, contents.Advisories.Count);
        Assert.Equal("used", contents.Snapshot.Status);
    }

    internal static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
