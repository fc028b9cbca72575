using System.Globalization;
using NuGet.Versioning;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Policy;
using SecureDev.Core.Sbom;

namespace SecureDev.Core.Advisories;

/// <summary>A vulnerable component: which advisory, how severe, where it comes from, and what fixes it.</summary>
/// <param name="Path">Names and versions from a direct reference of the project down to the component.</param>
/// <param name="FixedIn">The lowest version above this one that the advisory does not affect, when the advisory names one.</param>
/// <param name="FailsBuild">At or above the audit level and not suppressed.</param>
public sealed record AuditFinding(
    string Package,
    string Version,
    string BomRef,
    Advisory Advisory,
    AdvisorySeverity Severity,
    string? FixedIn,
    IReadOnlyList<string> Path,
    bool FailsBuild)
{
    public bool Direct => Path.Count <= 1;

    /// <summary>The suppressions file entry that accepts this finding (its VEX statement), if one applies.</summary>
    public Suppression? Suppression { get; init; }

    /// <summary>At or above the audit level: what would fail the build without a suppression.</summary>
    public bool AtOrAboveLevel { get; init; }
}

/// <summary>What became of one entry of the suppressions file in this audit.</summary>
/// <param name="Status">"applied" (it accepted at least one finding), "expired" (past its date, so it accepted none) or "unused".</param>
public sealed record SuppressionOutcome(Suppression Entry, string Status, IReadOnlyList<AuditFinding> Findings);

public sealed record AuditResult(
    IReadOnlyList<AuditFinding> Findings,
    IReadOnlyList<SourceSnapshot> Sources,
    AdvisorySeverity Level,
    int ComponentsChecked)
{
    /// <summary>True only when at least one source with data was read: without that, no finding means nothing.</summary>
    public bool Checked => Sources.Any(s => s.IsUsed);

    /// <summary>A finding fails the build, or the audit reported an error (an expired or invalid suppression).</summary>
    public bool Failed => Findings.Any(f => f.FailsBuild) || Errors > 0;

    public int Errors { get; init; }

    public AuditMode Mode { get; init; }

    public int MaxAgeDays { get; init; } = AuditSettings.DefaultMaxAgeDays;

    /// <summary>Components the audit could not check (a NuGet purl without a readable version), with the reason.</summary>
    public IReadOnlyList<string> NotChecked { get; init; } = Array.Empty<string>();

    /// <summary>Advisories after merging the sources, and how many records were duplicates of another.</summary>
    public int Advisories { get; init; }

    public int DuplicateRecords { get; init; }

    /// <summary>Set when the audit could not do what SecureDevAuditMode asked (direct only, but the BOM has no dependency graph).</summary>
    public string? ScopeNote { get; init; }

    public SuppressionFile? SuppressionFile { get; init; }

    public IReadOnlyList<SuppressionOutcome> Suppressions { get; init; } = Array.Empty<SuppressionOutcome>();

    public string Verdict => !Checked ? "not-checked" : Failed ? "failed" : Findings.Any(f => f.Suppression is null) ? "passed-with-findings" : "passed";
}

/// <summary>How an audit is run: the policy (level, mode, suppressions), the freshness limit, and the time it runs at.</summary>
public sealed record AuditOptions
{
    public AdvisorySeverity Level { get; init; } = AuditLevel.Default;

    public AuditMode Mode { get; init; } = AuditMode.All;

    /// <summary>SecureDevAdvisoryMaxAgeDays; 0 turns the check off.</summary>
    public int MaxAgeDays { get; init; } = AuditSettings.DefaultMaxAgeDays;

    /// <summary>The time the audit runs at, for freshness and expiry; null is the clock (tests set it).</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>SecureDevSuppressionsFile; null or empty when there is none.</summary>
    public string? SuppressionsFile { get; init; }

    /// <summary>Where build messages point: the project file (or the BOM the CLI audits).</summary>
    public string? File { get; init; }
}

/// <summary>Matches a BOM's NuGet components against advisory sources with NuGet version semantics.</summary>
public static class Auditor
{
    /// <summary>Severity used when an advisory gives none: high, so that missing data never makes a finding look harmless.</summary>
    public const AdvisorySeverity UnknownSeverityTreatedAs = AdvisorySeverity.High;

    public static AuditResult Audit(Bom bom, IReadOnlyList<IAdvisorySource> sources, AdvisorySeverity level, ICollection<BuildMessage> messages, string? file = null) =>
        Audit(bom, sources, new AuditOptions { Level = level, File = file }, messages);

    public static AuditResult Audit(Bom bom, IReadOnlyList<IAdvisorySource> sources, AuditOptions options, ICollection<BuildMessage> messages)
    {
        var produced = new List<BuildMessage>();
        var now = options.Now ?? DateTimeOffset.UtcNow;
        var file = options.File;
        var suppressions = SuppressionFile.Load(options.SuppressionsFile, produced, file);

        var snapshots = new List<SourceSnapshot>();
        var advisories = new List<Advisory>();
        foreach (var source in sources)
        {
            var contents = source.Load(produced);
            snapshots.Add(Freshness(contents.Snapshot, options.MaxAgeDays, now, produced));
            advisories.AddRange(contents.Advisories);
        }

        if (!snapshots.Any(s => s.IsUsed))
        {
            var feeds = snapshots.Count(s => s.Kind == NuGetFeedSource.Kind);
            produced.Add(BuildRules.NoAdvisorySource.At(
                file,
                feeds == snapshots.Count
                    ? "No advisory source is configured" + (feeds > 0 ? " and none of the package sources provided vulnerability data" : "") +
                      ", so this build's dependencies were NOT checked for known vulnerabilities. Set SecureDevAdvisorySources to an offline copy of the GitHub Advisory Database (a checkout of github/advisory-database, or osv.dev's NuGet/all.zip), and your own advisories in SecureDevVendorAdvisories."
                    : "None of the configured advisory sources held data, so this build's dependencies were NOT checked for known vulnerabilities."));
        }

        var database = new AdvisoryDatabase(advisories);
        var paths = new DependencyPaths(bom);
        var inScope = options.Mode == AuditMode.Direct && paths.HasDirectReferences ? paths.IsDirect : (Func<string, bool>)(_ => true);
        var notChecked = new List<string>();
        var findings = new List<AuditFinding>();
        var checkedCount = 0;
        foreach (var component in Components(bom))
        {
            var bomRef = component.BomRef ?? component.Purl!;
            if (!Purl.TryParseNuGet(component.Purl!, out var name, out var text))
            {
                continue;
            }

            if (!NuGetVersion.TryParse(text, out var version))
            {
                notChecked.Add($"{component.Purl}: '{text}' is not a NuGet version");
                continue;
            }

            if (!inScope(bomRef))
            {
                continue;
            }

            checkedCount++;
            foreach (var group in database.For(name).GroupBy(entry => entry.Advisory, ReferenceEqualityComparer.Instance))
            {
                var entries = group.Select(e => e.Affected).ToList();
                if (!entries.Any(e => e.Affects(version)))
                {
                    continue;
                }

                var advisory = (Advisory)group.Key!;
                var severity = advisory.Severity == AdvisorySeverity.Unknown ? UnknownSeverityTreatedAs : advisory.Severity;
                var versionText = version.ToNormalizedString();
                var suppression = suppressions?.Entries.FirstOrDefault(s => !s.IsExpired(now) && s.Covers(advisory.Id, advisory.Aliases, name, version));
                findings.Add(new AuditFinding(
                    name,
                    versionText,
                    bomRef,
                    advisory,
                    severity,
                    LowestFix(entries, version)?.ToNormalizedString(),
                    paths.PathTo(bomRef),
                    severity >= options.Level && suppression is null)
                {
                    Suppression = suppression,
                    AtOrAboveLevel = severity >= options.Level,
                });
            }
        }

        findings = findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Package, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.Version, StringComparer.Ordinal)
            .ThenBy(f => f.Advisory.Id, StringComparer.Ordinal)
            .ToList();
        foreach (var finding in findings)
        {
            produced.Add(finding.Suppression is not null
                ? BuildRules.SuppressedVulnerability.At(file, Describe(finding))
                : FindingRule(finding.Severity).At(file, Describe(finding), finding.FailsBuild ? BuildSeverity.Error : BuildSeverity.Warning));
        }

        var outcomes = Outcomes(suppressions, findings, database, now, snapshots.Any(s => s.IsUsed), produced);
        foreach (var message in produced)
        {
            messages.Add(message);
        }

        return new AuditResult(findings, snapshots, options.Level, checkedCount)
        {
            Errors = produced.Count(m => m.Severity == BuildSeverity.Error && !IsFinding(m)),
            Mode = options.Mode,
            MaxAgeDays = options.MaxAgeDays,
            NotChecked = notChecked,
            Advisories = database.Count,
            DuplicateRecords = database.Duplicates,
            SuppressionFile = suppressions,
            Suppressions = outcomes,
            ScopeNote = options.Mode == AuditMode.Direct && !paths.HasDirectReferences
                ? "The BOM does not say which packages the project references directly (it has no dependency graph from its root), so every package was checked."
                : null,
        };
    }

    private static bool IsFinding(BuildMessage message) =>
        message.Rule == BuildRules.VulnerablePackageLow || message.Rule == BuildRules.VulnerablePackageModerate
        || message.Rule == BuildRules.VulnerablePackageHigh || message.Rule == BuildRules.VulnerablePackageCritical;

    /// <summary>Every component with a purl.</summary>
    private static IEnumerable<Component> Components(Bom bom) => (bom.Components ?? new()).Where(c => c.Purl is not null);

    /// <summary>
    /// The lowest version above <paramref name="version"/> that a range names as fixed and that the advisory does not
    /// affect itself (a fix can be followed by a regression in another entry).
    /// </summary>
    internal static NuGetVersion? LowestFix(IReadOnlyList<AffectedPackage> entries, NuGetVersion version) => entries
        .SelectMany(e => e.Ranges)
        .SelectMany(r => r.FixedVersions)
        .Where(v => v > version)
        .Distinct()
        .OrderBy(v => v)
        .FirstOrDefault(candidate => !entries.Any(e => e.Affects(candidate)));

    private static SourceSnapshot Freshness(SourceSnapshot snapshot, int maxAgeDays, DateTimeOffset now, ICollection<BuildMessage> messages)
    {
        if (!snapshot.IsUsed || snapshot.Vendor || maxAgeDays <= 0)
        {
            return snapshot;
        }

        if (snapshot.NewestModified is not { } newest)
        {
            messages.Add(BuildRules.StaleAdvisoryData.At(
                snapshot.Location,
                $"The advisory data of '{snapshot.Name}' has no modification times, so its age cannot be told against SecureDevAdvisoryMaxAgeDays ({maxAgeDays}); treat it as possibly out of date."));
            return snapshot with { Stale = true };
        }

        var age = now - newest;
        if (age <= TimeSpan.FromDays(maxAgeDays))
        {
            return snapshot;
        }

        var update = snapshot.Kind switch
        {
            OsvZipSource.Kind => "download the zip again",
            NuGetFeedSource.Kind => "check that the package source still updates its vulnerability data",
            _ => "update the copy (git pull in the checkout)",
        };
        messages.Add(BuildRules.StaleAdvisoryData.At(
            snapshot.Location,
            $"The advisory data of '{snapshot.Name}' is {(int)age.TotalDays} days old (its newest record is from {newest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}), older than SecureDevAdvisoryMaxAgeDays ({maxAgeDays}): advisories published since then were not checked. To fix it, {update}."));
        return snapshot with { Stale = true };
    }

    private static IReadOnlyList<SuppressionOutcome> Outcomes(SuppressionFile? file, IReadOnlyList<AuditFinding> findings, AdvisoryDatabase database, DateTimeOffset now, bool anyChecked, ICollection<BuildMessage> messages)
    {
        var outcomes = new List<SuppressionOutcome>();
        foreach (var entry in file?.Entries ?? Array.Empty<Suppression>())
        {
            if (entry.IsExpired(now))
            {
                var matching = findings.Where(f => entry.Covers(f.Advisory.Id, f.Advisory.Aliases, f.Package, NuGetVersion.Parse(f.Version))).ToList();
                messages.Add(BuildRules.SuppressionExpired.At(
                    file!.Path,
                    $"{entry} expired on {entry.ExpiresText} (owner: {entry.Owner}), so it no longer applies{(matching.Count > 0 ? $" and {matching.Count} finding(s) it covered are reported again" : "")}. Review the decision: update the package, or renew the entry with a new expiry date and an up-to-date detail."));
                outcomes.Add(new SuppressionOutcome(entry, "expired", matching));
                continue;
            }

            var applied = findings.Where(f => ReferenceEquals(f.Suppression, entry)).ToList();
            var covered = applied.Count > 0 || findings.Any(f => entry.Covers(f.Advisory.Id, f.Advisory.Aliases, f.Package, NuGetVersion.Parse(f.Version)));
            if (!covered && anyChecked)
            {
                var known = database.Advisories.Any(a => a.IsKnownAs(entry.Id));
                messages.Add(BuildRules.SuppressionUnused.At(
                    file!.Path,
                    $"{entry} matches no finding of this build{(known ? "" : $", and no advisory source knows {entry.Id}")}: the package was updated or removed, or the entry names the wrong advisory, package or versions. Remove the entry so it cannot hide a later finding."));
            }

            outcomes.Add(new SuppressionOutcome(entry, applied.Count > 0 ? "applied" : "unused", applied));
        }

        return outcomes;
    }

    public static BuildRule FindingRule(AdvisorySeverity severity) => severity switch
    {
        AdvisorySeverity.Low => BuildRules.VulnerablePackageLow,
        AdvisorySeverity.Moderate => BuildRules.VulnerablePackageModerate,
        AdvisorySeverity.High => BuildRules.VulnerablePackageHigh,
        _ => BuildRules.VulnerablePackageCritical,
    };

    public static string Describe(AuditFinding finding)
    {
        var advisory = finding.Advisory;
        var severity = advisory.Severity == AdvisorySeverity.Unknown
            ? $"{finding.Severity.Name()} (the advisory gives no severity)"
            : finding.Severity.Name();
        var via = finding.Direct ? "" : $" It comes in through {string.Join(" -> ", finding.Path)}.";
        var fix = finding.FixedIn is null
            ? " No fixed version is published."
            : finding.Direct
                ? $" Fixed in {finding.FixedIn}."
                : $" Fixed in {finding.FixedIn}: update the package that brings it in, or reference {finding.Package} {finding.FixedIn} directly.";
        var text = $"Package '{finding.Package}' {finding.Version} has a known {severity} severity vulnerability, {advisory.Id}" +
                   (advisory.Summary is null ? "" : $" ({advisory.Summary.Trim()})") + "." + fix + via +
                   (advisory.Url is null ? "" : " " + advisory.Url);
        if (finding.Suppression is { } s)
        {
            text += $" Accepted by {s}: {s.State}" +
                    (s.Justification is null ? "" : $" ({s.Justification})") +
                    (s.Response.Count == 0 ? "" : $", response {string.Join(", ", s.Response)}") +
                    $", owner {s.Owner}, until {s.ExpiresText}. It is published as a VEX statement.";
        }

        return text;
    }

    /// <summary>Shortest paths from the project's direct references, over the BOM's dependency graph.</summary>
    private sealed class DependencyPaths
    {
        private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _label = new(StringComparer.Ordinal);
        private readonly HashSet<string> _direct = new(StringComparer.Ordinal);

        public DependencyPaths(Bom bom)
        {
            foreach (var component in bom.Components ?? new())
            {
                if (component.BomRef is not null)
                {
                    _label[component.BomRef] = component.Name + " " + component.Version;
                }
            }

            var graph = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var dependency in bom.Dependencies ?? new())
            {
                graph[dependency.Ref] = dependency.DependsOn ?? new();
            }

            var root = bom.Metadata?.Component?.BomRef;
            if (root is null || !graph.TryGetValue(root, out var directs))
            {
                return;
            }

            var queue = new Queue<string>();
            foreach (var direct in directs)
            {
                _direct.Add(direct);
                queue.Enqueue(direct);
            }

            var seen = new HashSet<string>(directs, StringComparer.Ordinal);
            while (queue.Count > 0)
            {
                var next = queue.Dequeue();
                foreach (var child in graph.TryGetValue(next, out var children) ? children : new())
                {
                    if (seen.Add(child))
                    {
                        _parent[child] = next;
                        queue.Enqueue(child);
                    }
                }
            }
        }

        /// <summary>The BOM says which components the project references itself (its root has dependencies).</summary>
        public bool HasDirectReferences => _direct.Count > 0;

        public bool IsDirect(string bomRef) => _direct.Contains(bomRef);

        public IReadOnlyList<string> PathTo(string bomRef)
        {
            var path = new List<string>();
            for (var current = bomRef; ; current = _parent[current])
            {
                path.Add(_label.TryGetValue(current, out var label) ? label : current);
                if (_direct.Contains(current) || !_parent.ContainsKey(current))
                {
                    break;
                }
            }

            path.Reverse();
            return path;
        }
    }
}
