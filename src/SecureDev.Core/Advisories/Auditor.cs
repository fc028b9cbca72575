using NuGet.Versioning;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Sbom;

namespace SecureDev.Core.Advisories;

/// <summary>A vulnerable component: which advisory, how severe, where it comes from, and what fixes it.</summary>
/// <param name="Path">Names and versions from a direct reference of the project down to the component.</param>
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
}

public sealed record AuditResult(
    IReadOnlyList<AuditFinding> Findings,
    IReadOnlyList<SourceSnapshot> Sources,
    AdvisorySeverity Level,
    int ComponentsChecked)
{
    /// <summary>True only when at least one source with data was read: without that, no finding means nothing.</summary>
    public bool Checked => Sources.Any(s => s.Status == "used");

    public bool Failed => Findings.Any(f => f.FailsBuild);
}

/// <summary>Matches a BOM's NuGet components against advisory sources with NuGet version semantics.</summary>
public static class Auditor
{
    /// <summary>Severity used when an advisory gives none: high, so that missing data never makes a finding look harmless.</summary>
    public const AdvisorySeverity UnknownSeverityTreatedAs = AdvisorySeverity.High;

    public static AuditResult Audit(Bom bom, IReadOnlyList<IAdvisorySource> sources, AdvisorySeverity level, ICollection<BuildMessage> messages, string? file = null)
    {
        var snapshots = new List<SourceSnapshot>();
        var database = new AdvisoryDatabase();
        foreach (var source in sources)
        {
            var contents = source.Load(messages);
            snapshots.Add(contents.Snapshot);
            database.Add(contents.Advisories);
        }

        if (sources.Count == 0)
        {
            messages.Add(BuildRules.NoAdvisorySource.At(
                file,
                "No advisory source is configured, so this build's dependencies were NOT checked for known vulnerabilities. Set SecureDevAdvisorySources to an offline copy of the GitHub Advisory Database (or your vendor's OSV directory)."));
        }
        else if (!snapshots.Any(s => s.Status == "used"))
        {
            messages.Add(BuildRules.NoAdvisorySource.At(
                file,
                "None of the configured advisory sources held data, so this build's dependencies were NOT checked for known vulnerabilities."));
        }

        var components = (bom.Components ?? new()).Where(c => c.Purl is not null).ToList();
        var paths = new DependencyPaths(bom);
        var findings = new List<AuditFinding>();
        foreach (var component in components)
        {
            if (!Purl.TryParseNuGet(component.Purl!, out var name, out var text) || !NuGetVersion.TryParse(text, out var version))
            {
                continue;
            }

            // One advisory may list the package in several entries (version branches): one finding, the lowest fix.
            foreach (var group in database.For(name).GroupBy(entry => entry.Advisory.Id, StringComparer.Ordinal))
            {
                var affected = false;
                NuGetVersion? fixedIn = null;
                foreach (var (_, entry) in group)
                {
                    if (entry.Affects(version, out var fix))
                    {
                        affected = true;
                        fixedIn = fix is not null && (fixedIn is null || fix < fixedIn) ? fix : fixedIn;
                    }
                }

                if (!affected)
                {
                    continue;
                }

                var advisory = group.First().Advisory;
                var severity = advisory.Severity == AdvisorySeverity.Unknown ? UnknownSeverityTreatedAs : advisory.Severity;
                findings.Add(new AuditFinding(
                    name,
                    version.ToNormalizedString(),
                    component.BomRef ?? component.Purl!,
                    advisory,
                    severity,
                    fixedIn?.ToNormalizedString(),
                    paths.PathTo(component.BomRef ?? component.Purl!),
                    severity >= level));
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
            messages.Add(FindingRule(finding.Severity).At(file, Describe(finding), finding.FailsBuild ? BuildSeverity.Error : BuildSeverity.Warning));
        }

        return new AuditResult(findings, snapshots, level, components.Count);
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
        var fix = finding.FixedIn is null ? " No fixed version is published." : $" Fixed in {finding.FixedIn}.";
        return $"Package '{finding.Package}' {finding.Version} has a known {severity} severity vulnerability, {advisory.Id}" +
               (advisory.Summary is null ? "" : $" ({advisory.Summary.Trim()})") + "." + fix + via +
               (advisory.Url is null ? "" : " " + advisory.Url);
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

            var graph = (bom.Dependencies ?? new()).ToDictionary(d => d.Ref, d => d.DependsOn ?? new(), StringComparer.Ordinal);
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

/// <summary>Advisories of several sources, merged: a record seen twice under its id or an alias (GHSA, CVE) counts once.</summary>
public sealed class AdvisoryDatabase
{
    private readonly Dictionary<string, List<(Advisory, AffectedPackage)>> _byPackage = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _identifiers = new(StringComparer.OrdinalIgnoreCase);

    public int Count { get; private set; }

    public void Add(IEnumerable<Advisory> advisories)
    {
        foreach (var advisory in advisories)
        {
            if (advisory.Identifiers.Any(_identifiers.Contains))
            {
                continue;
            }

            foreach (var identifier in advisory.Identifiers)
            {
                _identifiers.Add(identifier);
            }

            Count++;
            foreach (var affected in advisory.Affected)
            {
                if (!_byPackage.TryGetValue(affected.Name, out var list))
                {
                    _byPackage[affected.Name] = list = new();
                }

                list.Add((advisory, affected));
            }
        }
    }

    public IReadOnlyList<(Advisory Advisory, AffectedPackage Affected)> For(string package) =>
        _byPackage.TryGetValue(package, out var list) ? list : Array.Empty<(Advisory, AffectedPackage)>();
}
