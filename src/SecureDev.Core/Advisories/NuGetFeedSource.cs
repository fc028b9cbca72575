using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NuGet.Configuration;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Protocol.Model;
using NuGet.Protocol.Resources;
using SecureDev.Core.Diagnostics;

namespace SecureDev.Core.Advisories;

public sealed record NuGetFeedOptions
{
    /// <summary>How long one package source may take to answer before it counts as unreachable.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How old NuGet's HTTP cache entries may be before the source is asked again; null keeps NuGet's default (30 minutes).</summary>
    public TimeSpan? HttpCacheMaxAge { get; init; }
}

/// <summary>
/// The VulnerabilityInfo resource of a NuGet V3 package source (https://learn.microsoft.com/nuget/api/vulnerability-info),
/// read through the SDK's NuGet.Protocol, which keeps its HTTP cache. SecureDev keeps the last complete copy of each
/// source's data in its advisory cache, keyed by the source's vulnerability index, so an unchanged index costs no
/// parsing and an unreachable source is still checked against its last copy, with a warning that says how old it is.
/// A source without the resource (nuget.org mirrors often lack it, folders always do) is reported, never taken as clean.
/// </summary>
public sealed partial class NuGetFeedSource : IAdvisorySource
{
    public const string Kind = "nuget-feed";

    private readonly PackageSource _source;
    private readonly AdvisoryCache? _cache;
    private readonly NuGetFeedOptions _options;
    private readonly string? _file;

    /// <param name="file">Where messages point: the project whose package sources these are.</param>
    public NuGetFeedSource(PackageSource source, AdvisoryCache? cache = null, NuGetFeedOptions? options = null, string? file = null)
    {
        _source = source;
        _cache = cache;
        _options = options ?? new NuGetFeedOptions();
        _file = file;
    }

    public string Name => _source.Name;

    private string Location => _source.Source;

    /// <summary>
    /// The package sources NuGet would use for vulnerability data for a project in <paramref name="directory"/>: the
    /// auditSources of its nuget.config files when there are any (NuGet 6.12 and later), else its enabled package sources.
    /// </summary>
    public static IReadOnlyList<PackageSource> Configured(string directory, string? configFile, ICollection<BuildMessage> messages, string? file = null)
    {
        try
        {
            var settings = Settings.LoadDefaultSettings(directory, configFile, new XPlatMachineWideSetting());
            var provider = new PackageSourceProvider(settings);
            var audit = AuditSources(provider);
            return audit.Count > 0 ? audit : provider.LoadPackageSources().Where(s => s.IsEnabled).ToList();
        }
        catch (NuGetConfigurationException e)
        {
            messages.Add(BuildRules.FeedWithoutVulnerabilityData.At(
                file,
                $"The NuGet configuration for '{directory}' could not be read ({e.Message}), so this build was not checked against the vulnerability data of its package sources."));
            return Array.Empty<PackageSource>();
        }
    }

    private static IReadOnlyList<PackageSource> AuditSources(PackageSourceProvider provider)
    {
        try
        {
            return LoadAuditSources(provider);
        }
        catch (MissingMethodException)
        {
            // An SDK older than 9.0.100 (NuGet 6.12) has no auditSources.
            return Array.Empty<PackageSource>();
        }
    }

    private static IReadOnlyList<PackageSource> LoadAuditSources(PackageSourceProvider provider) => provider.LoadAuditSources();

    public SourceContents Load(ICollection<BuildMessage> messages)
    {
        if (!_source.IsHttp)
        {
            messages.Add(BuildRules.FeedWithoutVulnerabilityData.At(
                _file,
                $"The package source '{Name}' ({Location}) is a folder; folders publish no vulnerability data, so this build was not checked against it.",
                BuildSeverity.Message));
            return Empty("no-data");
        }

        Fetched fetched;
        try
        {
            using var timeout = new CancellationTokenSource(_options.Timeout);
            fetched = FetchAsync(messages, timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (IsFeedFailure(e))
        {
            return Unreachable(e, messages);
        }

        if (fetched.Contents is null)
        {
            messages.Add(BuildRules.FeedWithoutVulnerabilityData.At(
                _file,
                $"The package source '{Name}' ({Location}) publishes no vulnerability data (its service index has no VulnerabilityInfo resource), so this build was NOT checked against it; NuGet's own audit says nothing in this case. Check against an offline copy of the advisory database (SecureDevAdvisorySources) or a package source that serves vulnerability data; SecureDevAuditPackageSources=false stops reading package sources."));
            return Empty("no-data");
        }

        return Contents(fetched.Contents, note: null, messages);
    }

    private sealed record Fetched(CachedContents? Contents);

    private async Task<Fetched> FetchAsync(ICollection<BuildMessage> messages, CancellationToken cancellation)
    {
        var repository = Repository.Factory.GetCoreV3(_source);
        var resource = await repository.GetResourceAsync<IVulnerabilityInfoResource>(cancellation).ConfigureAwait(false);
        if (resource is not VulnerabilityInfoResourceV3 v3)
        {
            return new Fetched(null);
        }

        using var cacheContext = new SourceCacheContext();
        if (_options.HttpCacheMaxAge is { } maxAge)
        {
            cacheContext.MaxAge = DateTimeOffset.UtcNow - maxAge;
        }

        var logger = NuGet.Common.NullLogger.Instance;
        var files = (await v3.GetVulnerabilityFilesAsync(cacheContext, logger, cancellation).ConfigureAwait(false))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        var index = files.Select(f => $"{f.Name} {f.Updated} {f.Url}").ToList();
        var key = System.Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", index)))).ToLowerInvariant();
        if (_cache is not null && _cache.TryGet(Kind, Location, key, messages, out var cached))
        {
            return new Fetched(cached);
        }

        var pages = new List<IReadOnlyDictionary<string, IReadOnlyList<PackageVulnerabilityInfo>>>();
        foreach (var file in files)
        {
            pages.Add(await v3.GetVulnerabilityDataAsync(file, cacheContext, logger, cancellation).ConfigureAwait(false));
        }

        var (advisories, problems) = ToAdvisories(pages, files, Name);
        var facts = new Dictionary<string, string>(StringComparer.Ordinal) { ["index"] = string.Join("\n", index) };
        if (Newest(files) is { } newest)
        {
            facts["newest"] = newest.ToString("O", CultureInfo.InvariantCulture);
        }

        var contents = new CachedContents(key, DateTimeOffset.UtcNow, advisories, problems, facts);
        _cache?.Put(Kind, Location, contents);
        return new Fetched(contents);
    }

    private SourceContents Contents(CachedContents contents, string? note, ICollection<BuildMessage> messages)
    {
        foreach (var message in contents.Messages)
        {
            messages.Add(message.ToMessage());
        }

        var advisories = OsvRecords.Named(contents.Advisories, Name);
        var newest = contents.Facts.TryGetValue("newest", out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : (DateTimeOffset?)null;
        var files = contents.Facts.TryGetValue("index", out var index) ? index.Split('\n', StringSplitOptions.RemoveEmptyEntries) : Array.Empty<string>();
        var snapshot = new SourceSnapshot(Name, Kind, Location, SourceSnapshot.Used, advisories.Count, newest) { Files = files, Note = note };
        return new SourceContents(snapshot, advisories);
    }

    private SourceContents Unreachable(Exception failure, ICollection<BuildMessage> messages)
    {
        var reason = Reason(failure);
        if (_cache is not null && _cache.TryGetLatest(Kind, Location, messages, out var last))
        {
            var stored = last.StoredAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            messages.Add(BuildRules.AdvisoryFeedUnreachable.At(
                _file,
                $"The vulnerability data of package source '{Name}' ({Location}) could not be downloaded ({reason}); this build was checked against the copy SecureDev cached on {stored} instead, which lacks anything published since."));
            return Contents(last, $"unreachable ({reason}); checked against the copy cached on {stored}", messages);
        }

        messages.Add(BuildRules.AdvisoryFeedUnreachable.At(
            _file,
            $"The vulnerability data of package source '{Name}' ({Location}) could not be downloaded ({reason}) and no earlier copy is cached, so this build was NOT checked against it."));
        return new SourceContents(new SourceSnapshot(Name, Kind, Location, "unreachable", 0, null) { Note = reason }, Array.Empty<Advisory>());
    }

    private SourceContents Empty(string status) => new(new SourceSnapshot(Name, Kind, Location, status, 0, null), Array.Empty<Advisory>());

    private static bool IsFeedFailure(Exception e) => e switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.All(IsFeedFailure),
        FatalProtocolException or HttpRequestException or OperationCanceledException or IOException or InvalidDataException
            or System.Text.Json.JsonException or UriFormatException => true,
        _ => e.GetType().FullName?.StartsWith("Newtonsoft.Json.", StringComparison.Ordinal) == true,
    };

    private static string Reason(Exception e)
    {
        if (e is OperationCanceledException)
        {
            return "no answer in time";
        }

        var innermost = e;
        while (innermost.InnerException is not null && innermost is not HttpRequestException)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message.TrimEnd('.');
    }

    private static DateTimeOffset? Newest(IEnumerable<V3VulnerabilityIndexEntry> files) => files
        .Select(f => DateTimeOffset.TryParse(f.Updated, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.ToUniversalTime() : (DateTimeOffset?)null)
        .Max();

    /// <summary>
    /// The feed's entries as advisories: one per advisory URL (a GitHub advisory URL gives the GHSA id, so the entry merges
    /// with the same advisory from an OSV source), with an affected package per package id and a NuGet range per entry.
    /// </summary>
    internal static (List<Advisory> Advisories, List<CachedMessage> Messages) ToAdvisories(
        IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<PackageVulnerabilityInfo>>> pages,
        IReadOnlyList<V3VulnerabilityIndexEntry> files,
        string sourceName)
    {
        var messages = new List<CachedMessage>();
        var byUrl = new SortedDictionary<string, (AdvisorySeverity Severity, SortedDictionary<string, List<AffectedRange>> Packages)>(StringComparer.Ordinal);
        for (var p = 0; p < pages.Count; p++)
        {
            foreach (var (package, entries) in pages[p])
            {
                foreach (var entry in entries)
                {
                    var url = entry.Url?.OriginalString;
                    if (string.IsNullOrEmpty(url) || entry.Versions is null)
                    {
                        messages.Add(new CachedMessage(BuildRules.UnknownAdvisoryData.Id, files[p].Url.OriginalString, $"An entry for {package} in '{files[p].Name}' has no URL or no version range; it was ignored."));
                        continue;
                    }

                    var severity = FromNuGet(entry.Severity);
                    if (severity == AdvisorySeverity.Unknown)
                    {
                        messages.Add(new CachedMessage(BuildRules.UnknownAdvisoryData.Id, files[p].Url.OriginalString, $"The severity of {url} for {package} is not one of NuGet's (0 low to 3 critical); the advisory is treated as high."));
                    }

                    if (!byUrl.TryGetValue(url, out var advisory))
                    {
                        advisory = (severity, new SortedDictionary<string, List<AffectedRange>>(StringComparer.OrdinalIgnoreCase));
                    }

                    if (!advisory.Packages.TryGetValue(package, out var ranges))
                    {
                        advisory.Packages[package] = ranges = new List<AffectedRange>();
                    }

                    ranges.Add(new AffectedRange(entry.Versions));
                    byUrl[url] = (severity > advisory.Severity ? severity : advisory.Severity, advisory.Packages);
                }
            }
        }

        var advisories = byUrl.Select(pair => new Advisory(
                AdvisoryId(pair.Key),
                Array.Empty<string>(),
                null,
                null,
                null,
                pair.Value.Severity,
                "the package source's severity",
                null,
                null,
                Array.Empty<int>(),
                pair.Value.Packages.Select(p => new AffectedPackage(p.Key, p.Value, Array.Empty<NuGet.Versioning.NuGetVersion>())).ToList(),
                pair.Key,
                sourceName))
            .ToList();
        return (advisories, messages);
    }

    internal static AdvisorySeverity FromNuGet(PackageVulnerabilitySeverity severity) => severity switch
    {
        PackageVulnerabilitySeverity.Low => AdvisorySeverity.Low,
        PackageVulnerabilitySeverity.Moderate => AdvisorySeverity.Moderate,
        PackageVulnerabilitySeverity.High => AdvisorySeverity.High,
        PackageVulnerabilitySeverity.Critical => AdvisorySeverity.Critical,
        _ => AdvisorySeverity.Unknown,
    };

    /// <summary>The GHSA id of a GitHub advisory URL, else the URL itself.</summary>
    internal static string AdvisoryId(string url) => GitHubAdvisoryUrl().Match(url) is { Success: true } match ? match.Groups["id"].Value : url;

    [GeneratedRegex(@"^https://github\.com/advisories/(?<id>GHSA(-[23456789cfghjmpqrvwx]{4}){3})/?$", RegexOptions.IgnoreCase)]
    private static partial Regex GitHubAdvisoryUrl();
}
