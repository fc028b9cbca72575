using System.Text.Json;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.IO;
using SecureDev.Core.Projects;
using SecureDev.Core.Sbom;

namespace SecureDev.Core.Evidence;

/// <summary>
/// The evidence of one release (IEC 62443-4-1): every project's build evidence copied under projects/, evidence.json
/// (machine-readable, with the requirement matrix), index.html (for people, self-contained) and manifest.json
/// (SHA-256 of every file). The same evidence and SOURCE_DATE_EPOCH give the same bytes.
/// </summary>
public sealed class ReleaseBundle
{
    public const string Schema = "https://securedev.dev/schemas/evidence-bundle/1";
    public const string EvidenceFile = "evidence.json";
    public const string ReportFile = "index.html";
    public const string ProjectsFolder = "projects";

    private ReleaseBundle(string release, string root, string input, string configuration, bool includeTests, DateTimeOffset timestamp, IReadOnlyList<BuildEvidence> builds, IReadOnlyList<ProjectEntry> excluded)
    {
        Release = release;
        Root = root;
        Input = input;
        Configuration = configuration;
        IncludeTests = includeTests;
        Timestamp = timestamp;
        Builds = builds;
        Excluded = excluded;
        Requirements = RequirementMatrix.Evaluate(builds);
    }

    public string Release { get; }

    /// <summary>The directory paths in the bundle are relative to (the solution's or the folder's).</summary>
    public string Root { get; }

    public string Input { get; }

    public string Configuration { get; }

    public bool IncludeTests { get; }

    public DateTimeOffset Timestamp { get; }

    public IReadOnlyList<BuildEvidence> Builds { get; }

    /// <summary>Test projects left out.</summary>
    public IReadOnlyList<ProjectEntry> Excluded { get; }

    public IReadOnlyList<RequirementStatus> Requirements { get; }

    /// <summary>SM-12: every build has all its required records, intact and fresh.</summary>
    public bool Complete => Builds.Count > 0 && Builds.All(b => b.Complete);

    /// <summary>SM-11: "passed" (no open finding, no unresolved advisory), "failed", or "incomplete" (a record to decide it is missing).</summary>
    public string ReleaseGate => Requirements.First(r => r.Id == "SM-11").Status switch
    {
        RequirementState.Present => "passed",
        RequirementState.Failing => "failed",
        _ => "incomplete",
    };

    /// <summary>No requirement is failing.</summary>
    public bool Passing => Requirements.All(r => r.Status != RequirementState.Failing);

    /// <summary>Finds the projects and reads their evidence.</summary>
    /// <exception cref="FileNotFoundException">The input is not a solution, project or folder.</exception>
    /// <exception cref="InvalidDataException">An evidence file cannot be read (the message names it).</exception>
    public static ReleaseBundle Collect(string input, string release, string configuration, bool includeTests, Func<string, string?>? environment = null, Action<string>? progress = null)
    {
        var full = Path.GetFullPath(input);
        var root = Directory.Exists(full) ? full : Path.GetDirectoryName(full)!;
        var projects = ProjectSet.Discover(input);
        var included = projects.Where(p => includeTests || !p.IsTest).ToList();
        var builds = new List<BuildEvidence>();
        for (var i = 0; i < included.Count; i++)
        {
            progress?.Invoke($"[{i + 1}/{included.Count}] {included[i].Name}: reading its evidence");
            builds.AddRange(BuildEvidenceReader.Read(included[i], configuration));
        }

        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var project in included)
        {
            names[project.Name] = names.TryGetValue(project.Name, out var count) ? count + 1 : 1;
        }

        foreach (var build in builds)
        {
            // Two projects of the same name (in different folders) keep apart by their relative folder.
            var name = names[build.Project.Name] > 1 ? PortablePath.Relative(root, build.Project.Directory).Replace("../", "").Replace('/', '_') : build.Project.Name;
            build.BundlePath = $"{ProjectsFolder}/{name}/{build.TargetFramework}";
        }

        var timestamp = BuildTimestamp.Resolve(root, environment);
        return new ReleaseBundle(release, root, Path.GetFileName(full.TrimEnd('/', '\\')), configuration, includeTests, timestamp, builds, projects.Where(p => !included.Contains(p)).ToList());
    }

    /// <summary>What the bundle's problems are, as SD9xxx messages (missing, stale or altered evidence; an open release gate).</summary>
    public IReadOnlyList<BuildMessage> Messages()
    {
        var messages = new List<BuildMessage>();
        foreach (var build in Builds)
        {
            var file = Relative(build.Project.Path);
            if (!build.Exists)
            {
                messages.Add(BuildRules.ProjectEvidenceMissing.At(file, $"{build.Label} has no evidence folder under bin/securedev/{Configuration}/: build it (dotnet build -c {Configuration}) with SecureDev, or pass --build."));
                continue;
            }

            if (build.Missing.Count > 0)
            {
                messages.Add(BuildRules.ProjectEvidenceMissing.At(file, $"{build.Label} lacks the record(s) {string.Join(", ", build.Missing)}."));
            }

            if (build.Stale.Count > 0)
            {
                messages.Add(BuildRules.ProjectEvidenceStale.At(file, $"{build.Label}: the evidence is older than its sources: {string.Join(", ", build.Stale.Take(5))}{(build.Stale.Count > 5 ? $", and {build.Stale.Count - 5} more" : "")}. Build it again."));
            }

            if (build.Altered.Count > 0)
            {
                messages.Add(BuildRules.ProjectEvidenceAltered.At(file, $"{build.Label}: the evidence folder does not match its manifest: {string.Join(", ", build.Altered)}."));
            }
        }

        var open = Builds.Sum(b => b.OpenFindings.Count());
        var unresolved = Builds.Sum(b => b.UnresolvedAdvisories.Count());
        if (open + unresolved > 0)
        {
            messages.Add(BuildRules.ReleaseGateOpen.At(null, $"{open} open security finding(s) and {unresolved} unresolved advisory finding(s) in release {Release} (SM-11)."));
        }

        return messages;
    }

    /// <summary>
    /// Writes the bundle to <paramref name="output"/>, replacing an earlier bundle there; a folder that is not a bundle
    /// and not empty is left alone. Returns the SHA-256 of manifest.json: the bundle's fingerprint.
    /// </summary>
    /// <exception cref="IOException">The output exists and is not a bundle.</exception>
    public string Write(string output, Action<string>? progress = null)
    {
        var target = Path.GetFullPath(output);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !File.Exists(Path.Combine(target, EvidenceFile)))
        {
            throw new IOException($"'{target}' exists and is not an evidence bundle (no {EvidenceFile}); choose an empty or new folder.");
        }

        foreach (var build in Builds.Where(b => b.Exists))
        {
            if (ProjectEvidence.IsUnder(Path.GetFullPath(build.Folder!), target) || ProjectEvidence.IsUnder(target, Path.GetFullPath(build.Folder!)))
            {
                throw new IOException($"The output '{target}' overlaps the evidence folder '{build.Folder}'.");
            }
        }

        var staging = target.TrimEnd('/', '\\') + ".tmp-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var build in Builds.Where(b => b.Exists))
            {
                progress?.Invoke($"copying {build.Label} to {build.BundlePath}");
                foreach (var file in Directory.EnumerateFiles(build.Folder!, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    AtomicFile.Copy(file, Path.Combine(staging, build.BundlePath, Path.GetRelativePath(build.Folder!, file)));
                }
            }

            progress?.Invoke($"writing {EvidenceFile}, {ReportFile} and {Manifest.FileName}");
            AtomicFile.WriteAllText(Path.Combine(staging, EvidenceFile), ToJson());
            AtomicFile.WriteAllText(Path.Combine(staging, ReportFile), HtmlReport.Render(this));
            Manifest.Write(staging);

            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return Fingerprint(target);
    }

    /// <summary>The SHA-256 of a bundle's manifest.json: record it with the release, and 'securedev verify --fingerprint' proves the bundle is that one.</summary>
    public static string Fingerprint(string bundle) => Digest.Sha256Hex(Path.Combine(bundle, Manifest.FileName));

    /// <summary>A path for the bundle: relative to the root when inside it, with '/' separators.</summary>
    public string Relative(string path)
    {
        var full = Path.GetFullPath(path);
        return ProjectEvidence.IsUnder(full, Root) ? PortablePath.Relative(Root, full) : full.Replace('\\', '/');
    }

    public string ToJson() => CanonicalJson.Serialize(new
    {
        schema = Schema,
        release = Release,
        generatedAt = BuildTimestamp.Format(Timestamp),
        tool = new { name = BomBuilder.ToolName, version = BomBuilder.ToolVersion },
        input = Input,
        configuration = Configuration,
        includeTests = IncludeTests,
        complete = Complete,
        releaseGate = ReleaseGate,
        statusLegend = new
        {
            present = "the records are there and show the practice ran without an open problem",
            missing = "a record is missing, stale, or could not show the practice ran",
            failing = "the records show a problem: open findings, a failed check, altered evidence",
        },
        requirements = Requirements.Select(r => new { id = r.Id, title = r.Title, status = r.Status, artifacts = r.Artifacts, detail = r.Detail }),
        incomplete = Builds.Where(b => !b.Complete).Select(b => new
        {
            project = b.Project.Name,
            targetFramework = b.TargetFramework,
            reason = RequirementMatrix.Problem(b),
        }),
        projects = Builds.Select(b => new
        {
            name = b.Project.Name,
            projectFile = Relative(b.Project.Path),
            configuration = b.Configuration,
            targetFramework = b.TargetFramework,
            evidence = b.Exists ? b.BundlePath : null,
            status = !b.Exists ? "missing" : b.Altered.Count > 0 ? "altered" : b.Stale.Count > 0 ? "stale" : b.Missing.Count > 0 ? "incomplete" : "complete",
            version = b.Record?.Project.Version,
            builtAt = b.Record?.Timestamp,
            source = b.Record is { } r ? new { commit = r.Source.Commit, dirty = r.Source.Dirty } : null,
            toolchain = b.Record?.Toolchain,
            records = new { present = b.Present, missing = b.Missing, missingOptional = b.MissingOptional, other = b.Other },
            stale = b.Stale.Count > 0 ? b.Stale : null,
            altered = b.Altered.Count > 0 ? b.Altered : null,
            audit = b.Audit is { } a ? new { verdict = a.Verdict, @checked = a.Checked, auditLevel = a.AuditLevel, sources = a.Sources } : null,
            openFindings = b.OpenFindings.Count(),
            suppressedFindings = b.Log?.Findings.Count(f => f.Suppressed) ?? 0,
        }),
        excludedTestProjects = Excluded.Select(p => Relative(p.Path)),
        openFindings = Builds.SelectMany(b => b.OpenFindings.Select(f => Finding(b, f))),
        unresolvedAdvisories = Builds.SelectMany(b => b.UnresolvedAdvisories.Select(f => Advisory(b, f))),
        advisories = Builds.SelectMany(b => (b.Audit?.Findings ?? Array.Empty<AdvisoryFinding>()).Select(f => Advisory(b, f))),
        suppressions = Builds.SelectMany(b => b.Suppressions.Select(s => s.ToJson(b.Project.Name, b.TargetFramework))),
        compensatingCountermeasures = Builds.SelectMany(b => b.Suppressions.Where(s => s.CompensatingCountermeasure is not null).Select(s => new
        {
            project = b.Project.Name,
            rule = s.Target,
            file = s.File,
            line = s.Line == 0 ? (int?)null : s.Line,
            countermeasure = s.CompensatingCountermeasure,
        })),
        securityConfiguration = Builds.SelectMany(b => RequirementMatrix.SecurityConfiguration(b).Select(f => Finding(b, f))),
        defaultCredentials = Builds.SelectMany(b => RequirementMatrix.DefaultCredentials(b).Select(f => Finding(b, f))),
        codingStandard = CodingStandardRows().Select(r => new { id = r.Id, title = r.Title, defaultLevel = r.DefaultLevel, effectiveLevels = r.Levels }),
    });

    /// <summary>The security rules (SecureDev's and the Security category) with their effective level in each build.</summary>
    public IReadOnlyList<(string Id, string Title, string DefaultLevel, SortedDictionary<string, string> Levels)> CodingStandardRows()
    {
        var rows = new SortedDictionary<string, (string Title, string Default, SortedDictionary<string, string> Levels)>(StringComparer.Ordinal);
        foreach (var build in Builds.Where(b => b.Log is not null))
        {
            foreach (var rule in build.Log!.Rules.Where(r => CodingStandard.IsSecurity(r, r.Id)))
            {
                if (!rows.TryGetValue(rule.Id, out var row))
                {
                    rows[rule.Id] = row = (rule.Title, rule.DefaultLevel, new SortedDictionary<string, string>(StringComparer.Ordinal));
                }

                row.Levels[$"{build.Project.Name}/{build.TargetFramework}"] = rule.EffectiveLevel;
            }
        }

        // SecureDev's own rules first, then the analyzers' Security rules.
        return rows.OrderBy(r => r.Key.StartsWith("SD", StringComparison.Ordinal) ? 0 : 1)
            .Select(r => (r.Key, r.Value.Title, r.Value.Default, r.Value.Levels))
            .ToList();
    }

    private object Finding(BuildEvidence b, CompilerFinding f) => new
    {
        project = b.Project.Name,
        targetFramework = b.TargetFramework,
        rule = f.RuleId,
        level = f.Level,
        file = f.File is null ? null : Relative(f.File),
        line = f.Line == 0 ? (int?)null : f.Line,
        message = f.Message,
        suppressed = f.Suppressed,
    };

    private static object Advisory(BuildEvidence b, AdvisoryFinding f) => new
    {
        project = b.Project.Name,
        targetFramework = b.TargetFramework,
        package = f.Package,
        version = f.Version,
        advisory = f.Advisory,
        severity = f.Severity,
        fixedIn = f.FixedIn,
        failsBuild = f.FailsBuild,
        resolution = f.Resolution,
    };

    /// <summary>Reads a bundle's evidence.json back (for verify): null when the file is not a bundle's.</summary>
    public static JsonDocument? ReadEvidence(string bundle)
    {
        var file = Path.Combine(bundle, EvidenceFile);
        if (!File.Exists(file))
        {
            return null;
        }

        var document = JsonDocument.Parse(File.ReadAllText(file));
        return document.RootElement.TryGetProperty("schema", out var schema) && schema.GetString() == Schema ? document : null;
    }
}
