using NuGet.Configuration;
using SecureDev.Core.Advisories;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Sbom;
using Xunit;

namespace SecureDev.Core.Tests.Advisories;

/// <summary>The VulnerabilityInfo resource of a package source, read through NuGet.Protocol from a real HTTP server on loopback.</summary>
public class NuGetFeedSourceTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 4, 12, 0, 0, TimeSpan.Zero);

    // Always ask the server (no NuGet HTTP cache), so that what SecureDev's own cache saves is visible in the requests.
    private static readonly NuGetFeedOptions Fresh = new() { HttpCacheMaxAge = TimeSpan.Zero };

    private static LoopbackFeed Feed(bool withVulnerabilityInfo = true)
    {
        var feed = new LoopbackFeed(withVulnerabilityInfo);
        feed.Files["base"] = ("2025-06-01T06:14:58.4159909Z", """
            {
              "newtonsoft.json": [ { "url": "https://github.com/advisories/GHSA-5crp-9r3c-p9vr", "severity": 0, "versions": "(, 13.0.1)" } ],
              "contoso.fieldbus": [ { "url": "https://psirt.contoso.example/advisories/CSA-2025-004", "severity": 3, "versions": "[1.0.0, 2.0.0]" } ]
            }
            """);
        feed.Files["update"] = ("2025-06-03T00:00:00Z", """
            { "system.text.encodings.web": [ { "url": "https://github.com/advisories/GHSA-ghhp-997w-qr28", "severity": 3, "versions": "[4.0.0, 4.5.1)" } ] }
            """);
        return feed;
    }

    private static Bom Bom() => new()
    {
        Components = new()
        {
            Package("Newtonsoft.Json", "12.0.1"),
            Package("Contoso.Fieldbus", "2.0.0"),
            Package("System.Text.Encodings.Web", "4.5.0"),
            Package("Contoso.Fieldbus.Tools", "2.0.0"),
        },
    };

    private static Component Package(string name, string version) => new() { Name = name, Version = version, BomRef = Purl.NuGet(name, version), Purl = Purl.NuGet(name, version) };

    private static NuGetFeedSource Source(LoopbackFeed feed, TemporaryDirectory cache) =>
        new(new PackageSource(feed.ServiceIndex, "contoso-feed"), new AdvisoryCache(cache.Path), Fresh);

    private static AuditOptions Options => new() { Level = AdvisorySeverity.Critical, Now = Now };

    [Fact]
    public void Reads_the_service_index_the_vulnerability_index_and_its_files()
    {
        using var feed = Feed();
        using var cache = Fixture.TemporaryDirectory();
        var messages = new List<BuildMessage>();
        var result = Auditor.Audit(Bom(), new[] { Source(feed, cache) }, Options, messages);

        Assert.True(result.Checked);
        var snapshot = Assert.Single(result.Sources);
        Assert.Equal(("used", "nuget-feed", feed.ServiceIndex, 3), (snapshot.Status, snapshot.Kind, snapshot.Location, snapshot.Records));
        Assert.Equal(new DateTimeOffset(2025, 6, 3, 0, 0, 0, TimeSpan.Zero), snapshot.NewestModified);
        Assert.Equal(2, snapshot.Files!.Count);
        Assert.Contains(snapshot.Files, f => f.StartsWith("base 2025-06-01T06:14:58", StringComparison.Ordinal));
        Assert.Equal(new[] { "/v3/index.json", "/v3/vulnerabilities/index.json", "/v3/vulnerabilities/base.json", "/v3/vulnerabilities/update.json" }, feed.Requests);
        Assert.DoesNotContain(messages, m => m.Severity != BuildSeverity.Error && m.Rule != BuildRules.VulnerablePackageLow);

        // A GitHub advisory URL gives the GHSA id; NuGet's numeric severity (0 low to 3 critical) is the severity.
        var newtonsoft = Assert.Single(result.Findings, f => f.Package == "Newtonsoft.Json");
        Assert.Equal(("GHSA-5crp-9r3c-p9vr", AdvisorySeverity.Low, "13.0.1"), (newtonsoft.Advisory.Id, newtonsoft.Severity, newtonsoft.FixedIn));

        // An inclusive upper bound is the last affected version: no fix is named.
        var fieldbus = Assert.Single(result.Findings, f => f.Package == "Contoso.Fieldbus");
        Assert.Equal(("https://psirt.contoso.example/advisories/CSA-2025-004", AdvisorySeverity.Critical, (string?)null), (fieldbus.Advisory.Id, fieldbus.Severity, fieldbus.FixedIn));
        Assert.True(fieldbus.FailsBuild);
        Assert.Equal("4.5.1", Assert.Single(result.Findings, f => f.Package == "System.Text.Encodings.Web").FixedIn);
        Assert.DoesNotContain(result.Findings, f => f.Package == "Contoso.Fieldbus.Tools");
    }

    [Fact]
    public void An_unchanged_index_is_answered_from_the_cache_without_downloading_the_files_again()
    {
        using var feed = Feed();
        using var cache = Fixture.TemporaryDirectory();
        Source(feed, cache).Load(new List<BuildMessage>());
        AdvisoryCache.ClearMemory();

        var contents = Source(feed, cache).Load(new List<BuildMessage>());
        Assert.Equal(3, contents.Advisories.Count);
        Assert.Equal(2, feed.CountRequests("/v3/vulnerabilities/index.json"));
        Assert.Equal(1, feed.CountRequests("/base.json"));

        // A new @updated is a new snapshot: the files are read again.
        feed.Files["update"] = ("2025-06-04T00:00:00Z", feed.Files["update"].Json);
        Assert.Equal(new DateTimeOffset(2025, 6, 4, 0, 0, 0, TimeSpan.Zero), Source(feed, cache).Load(new List<BuildMessage>()).Snapshot.NewestModified);
        Assert.Equal(2, feed.CountRequests("/base.json"));
    }

    [Fact]
    public void A_source_without_vulnerability_data_is_SD9016_and_the_build_is_not_checked()
    {
        using var feed = Feed(withVulnerabilityInfo: false);
        using var cache = Fixture.TemporaryDirectory();
        var messages = new List<BuildMessage>();
        var result = Auditor.Audit(Bom(), new[] { Source(feed, cache) }, Options, messages);

        Assert.False(result.Checked);
        Assert.Equal("no-data", Assert.Single(result.Sources).Status);
        var warning = Fixture.Single(messages, BuildRules.FeedWithoutVulnerabilityData);
        Assert.Equal(BuildSeverity.Warning, warning.Severity);
        Assert.Contains("publishes no vulnerability data", warning.Text);
        Assert.Contains("NOT checked", warning.Text);
        Assert.Contains("No advisory source is configured and none of the package sources provided vulnerability data", Fixture.Single(messages, BuildRules.NoAdvisorySource).Text);
        Assert.Equal("not-checked", result.Verdict);
    }

    [Fact]
    public void An_unreachable_source_without_a_cached_copy_is_SD9015_not_checked()
    {
        string url;
        using (var feed = Feed())
        {
            url = feed.ServiceIndex;
        }

        using var cache = Fixture.TemporaryDirectory();
        var messages = new List<BuildMessage>();
        var source = new NuGetFeedSource(new PackageSource(url, "gone"), new AdvisoryCache(cache.Path), Fresh);
        var result = Auditor.Audit(Bom(), new[] { source }, Options, messages);

        Assert.False(result.Checked);
        Assert.Equal("unreachable", Assert.Single(result.Sources).Status);
        var warning = Fixture.Single(messages, BuildRules.AdvisoryFeedUnreachable);
        Assert.Contains("no earlier copy is cached, so this build was NOT checked against it", warning.Text);
        Assert.Contains(url, warning.Text);
    }

    [Fact]
    public void An_unreachable_source_is_checked_against_its_last_cached_copy_with_a_warning()
    {
        using var cache = Fixture.TemporaryDirectory();
        string url;
        using (var feed = Feed())
        {
            url = feed.ServiceIndex;
            Assert.Equal(3, Source(feed, cache).Load(new List<BuildMessage>()).Advisories.Count);
        }

        AdvisoryCache.ClearMemory();
        var messages = new List<BuildMessage>();
        var source = new NuGetFeedSource(new PackageSource(url, "contoso-feed"), new AdvisoryCache(cache.Path), Fresh);
        var result = Auditor.Audit(Bom(), new[] { source }, Options, messages);

        Assert.True(result.Checked);
        Assert.Equal(3, result.Findings.Count);
        var snapshot = Assert.Single(result.Sources);
        Assert.Contains("unreachable", snapshot.Note);
        Assert.Contains("checked against the copy SecureDev cached on", Fixture.Single(messages, BuildRules.AdvisoryFeedUnreachable).Text);
    }

    [Fact]
    public void A_folder_source_is_said_to_publish_no_vulnerability_data_as_a_message()
    {
        using var folder = Fixture.TemporaryDirectory();
        var messages = new List<BuildMessage>();
        var contents = new NuGetFeedSource(new PackageSource(folder.Path, "local")).Load(messages);
        Assert.Equal("no-data", contents.Snapshot.Status);
        Assert.Equal(BuildSeverity.Message, Fixture.Single(messages, BuildRules.FeedWithoutVulnerabilityData).Severity);
    }

    [Fact]
    public void A_feed_entry_and_an_osv_record_of_the_same_advisory_are_one_finding()
    {
        using var feed = Feed();
        using var cache = Fixture.TemporaryDirectory();
        var sources = new IAdvisorySource[] { new OsvDirectorySource(Fixture.AdvisoryDatabase, "github-advisory-database"), Source(feed, cache) };
        var result = Auditor.Audit(Bom(), sources, Options with { MaxAgeDays = 0 }, new List<BuildMessage>());

        var newtonsoft = Assert.Single(result.Findings, f => f.Package == "Newtonsoft.Json");
        Assert.Equal("github-advisory-database", newtonsoft.Advisory.Source);
        Assert.Equal(new[] { "contoso-feed" }, newtonsoft.Advisory.AlsoIn);
        Assert.Equal("Improper Handling of Exceptional Conditions in Newtonsoft.Json", newtonsoft.Advisory.Summary);
        Assert.Single(result.Findings, f => f.Package == "System.Text.Encodings.Web");
    }

    [Fact]
    public void The_configured_sources_are_those_of_nuget_config_or_its_audit_sources()
    {
        using var directory = Fixture.TemporaryDirectory();
        File.WriteAllText(directory.File("nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="contoso" value="https://nuget.contoso.example/v3/index.json" />
                <add key="local" value="./feed" />
                <add key="old" value="https://old.contoso.example/v3/index.json" />
              </packageSources>
              <disabledPackageSources>
                <add key="old" value="true" />
              </disabledPackageSources>
            </configuration>
            """);
        var messages = new List<BuildMessage>();
        Assert.Equal(new[] { "contoso", "local" }, NuGetFeedSource.Configured(directory.Path, null, messages).Select(s => s.Name));

        File.WriteAllText(directory.File("nuget.config"), File.ReadAllText(directory.File("nuget.config")).Replace(
            "</configuration>",
            """<auditSources><clear /><add key="advisories" value="https://advisories.contoso.example/v3/index.json" /></auditSources></configuration>"""));
        Assert.Equal(new[] { "advisories" }, NuGetFeedSource.Configured(directory.Path, null, messages).Select(s => s.Name));
        Assert.Empty(messages);
    }
}
