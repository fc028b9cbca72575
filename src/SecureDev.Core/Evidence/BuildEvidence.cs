using System.Text.Json;
using System.Text.RegularExpressions;
using SecureDev.Core.Projects;
using SecureDev.Core.IO;

namespace SecureDev.Core.Evidence;

/// <summary>An advisory finding of a project's audit, and whether it is resolved (suppressed with a VEX decision, or triaged as not affecting).</summary>
public sealed record AdvisoryFinding(string Package, string Version, string Advisory, string Severity, string? FixedIn, bool FailsBuild, string? Resolution, string? Summary)
{
    public bool Resolved => Resolution is not null;
}

/// <summary>The audit report's verdict and sources, as read back from audit.json.</summary>
public sealed record AuditSummary(string Verdict, bool Checked, string? AuditLevel, IReadOnlyList<string> Sources, IReadOnlyList<AdvisoryFinding> Findings);

/// <summary>
/// The evidence of one build of one project (a configuration and target framework) as the release bundle finds it:
/// its folder, what it holds and lacks, whether it is intact and fresh, and its records read back.
/// </summary>
public sealed class BuildEvidence
{
    public BuildEvidence(ProjectEntry project, string configuration, string targetFramework, string? folder)
    {
        Project = project;
        Configuration = configuration;
        TargetFramework = targetFramework;
        Folder = folder;
    }

    public ProjectEntry Project { get; }

    public string Configuration { get; }

    public string TargetFramework { get; }

    /// <summary>The evidence folder; null when the build left none.</summary>
    public string? Folder { get; }

    /// <summary>Where the bundle keeps its copy (projects/&lt;name&gt;/&lt;tfm&gt;).</summary>
    public string BundlePath { get; set; } = "";

    public List<string> Present { get; } = new();

    public List<string> Missing { get; } = new();

    public List<string> MissingOptional { get; } = new();

    public List<string> Other { get; } = new();

    /// <summary>Differences from the folder's manifest (changed, missing or extra files).</summary>
    public List<string> Altered { get; } = new();

    /// <summary>Why the evidence is not that of the sources on disk.</summary>
    public List<string> Stale { get; } = new();

    public ProjectRecord? Record { get; set; }

    public CompilerLog? Log { get; set; }

    public AuditSummary? Audit { get; set; }

    public IReadOnlyList<Suppression> Suppressions { get; set; } = Array.Empty<Suppression>();

    public bool Exists => Folder is not null;

    public bool Complete => Exists && Missing.Count == 0 && Altered.Count == 0 && Stale.Count == 0;

    public string Label => $"{Project.Name} ({Configuration}|{TargetFramework})";

    public bool Has(EvidenceRecord record) => Present.Contains(record.Name);

    /// <summary>Security-rule findings in the compiler's log that no suppression covers.</summary>
    public IEnumerable<CompilerFinding> OpenFindings => Log is null
        ? Enumerable.Empty<CompilerFinding>()
        : Log.Findings.Where(f => !f.Suppressed && CodingStandard.IsSecurity(Log.Rule(f.RuleId), f.RuleId));

    public IEnumerable<AdvisoryFinding> UnresolvedAdvisories => Audit?.Findings.Where(f => !f.Resolved) ?? Enumerable.Empty<AdvisoryFinding>();
}

/// <summary>Finds and reads the evidence of the projects of a release.</summary>
public static partial class BuildEvidenceReader
{
    /// <summary>The evidence of every target framework of the project in <paramref name="configuration"/>; a missing one is an entry without a folder.</summary>
    /// <exception cref="InvalidDataException">A record cannot be read: the message names the file.</exception>
    public static IReadOnlyList<BuildEvidence> Read(ProjectEntry project, string configuration)
    {
        var folders = project.EvidenceFolders(configuration);
        var declared = DeclaredTargetFrameworks(project.Path);
        var frameworks = folders.Select(Path.GetFileName).OfType<string>()
            .Concat(declared)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (frameworks.Count == 0)
        {
            return new[] { new BuildEvidence(project, configuration, "(none built)", null) };
        }

        return frameworks
            .Select(tfm =>
            {
                var folder = folders.FirstOrDefault(f => string.Equals(Path.GetFileName(f), tfm, StringComparison.OrdinalIgnoreCase));
                var evidence = new BuildEvidence(project, configuration, tfm, folder);
                if (folder is not null)
                {
                    Load(evidence, folder);
                }

                return evidence;
            })
            .ToList();
    }

    /// <summary>Target frameworks written literally in the project file (TargetFramework or TargetFrameworks); none when they come from elsewhere.</summary>
    public static IReadOnlyList<string> DeclaredTargetFrameworks(string projectFile)
    {
        var text = File.ReadAllText(projectFile);
        var match = TargetFrameworks().Match(text);
        if (!match.Success || match.Groups["value"].Value.Contains('$'))
        {
            return Array.Empty<string>();
        }

        return match.Groups["value"].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static void Load(BuildEvidence evidence, string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => PortablePath.Relative(folder, f))
            .Where(f => f != Manifest.FileName)
            .ToHashSet(StringComparer.Ordinal);
        evidence.Altered.AddRange(Manifest.Verify(folder));

        foreach (var record in EvidenceRecords.All)
        {
            if (files.Remove(record.Name))
            {
                evidence.Present.Add(record.Name);
            }
        }

        evidence.Other.AddRange(files.Order(StringComparer.Ordinal));

        string File(string name) => Path.Combine(folder, name);
        if (evidence.Has(EvidenceRecords.Project))
        {
            evidence.Record = ProjectRecord.Read(File(ProjectRecord.FileName));
            evidence.Stale.AddRange(StaleReasons(evidence.Project.Directory, evidence.Record));
        }

        if (evidence.Has(EvidenceRecords.CompilerLog))
        {
            evidence.Log = CompilerLog.Read(File(EvidenceRecords.CompilerLog.Name));
        }

        var vex = evidence.Has(EvidenceRecords.Vex) ? ReadVex(File(EvidenceRecords.Vex.Name)) : new Dictionary<string, string>();
        if (evidence.Has(EvidenceRecords.Audit))
        {
            evidence.Audit = ReadAudit(File(EvidenceRecords.Audit.Name), vex);
        }

        if (evidence.Has(EvidenceRecords.CodeSuppressions))
        {
            evidence.Suppressions = ReadSuppressions(File(EvidenceRecords.CodeSuppressions.Name));
        }

        foreach (var record in EvidenceRecords.All.Where(r => !evidence.Has(r)))
        {
            var required = record.Required || (record == EvidenceRecords.Vex && evidence.Audit is { Findings.Count: > 0 });
            (required ? evidence.Missing : evidence.MissingOptional).Add(record.Name);
        }
    }

    /// <summary>
    /// Stale: a file the build recorded (C# sources under the project, the sources it compiled, the project file, its
    /// analyzer config files, obj/project.assets.json) now has other content or is gone, or a C# source was added.
    /// Only content counts: a file touched without a change does not make the evidence stale.
    /// </summary>
    public static IReadOnlyList<string> StaleReasons(string projectDirectory, ProjectRecord record)
    {
        var reasons = new List<string>();
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in record.Inputs)
        {
            recorded.Add(input.Path);
            var file = Path.GetFullPath(Path.Combine(projectDirectory, input.Path));
            if (!System.IO.File.Exists(file))
            {
                reasons.Add($"{input.Path} was deleted after the build");
            }
            else if (Digest.Sha256Hex(file) != input.Sha256)
            {
                reasons.Add($"{input.Path} changed after the build");
            }
        }

        foreach (var source in ProjectSources.Enumerate(projectDirectory).Select(f => PortablePath.Relative(projectDirectory, f)).Order(StringComparer.Ordinal))
        {
            if (!recorded.Contains(source))
            {
                reasons.Add($"{source} was added after the build");
            }
        }

        return reasons;
    }

    private static AuditSummary ReadAudit(string file, IReadOnlyDictionary<string, string> vex)
    {
        var root = Parse(file);
        var sources = root.TryGetProperty("sources", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Select(x => $"{Text(x, "name") ?? Text(x, "location") ?? "source"}: {Text(x, "status") ?? "?"}" +
                                             (x.TryGetProperty("records", out var r) && r.ValueKind == JsonValueKind.Number ? $", {r.GetInt32()} records" : "") +
                                             (Text(x, "newestModified") is { } m ? $", newest {m}" : "")).ToList()
            : new List<string>();
        var findings = new List<AdvisoryFinding>();
        if (root.TryGetProperty("findings", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var f in list.EnumerateArray())
            {
                var advisory = Text(f, "advisory") ?? Text(f, "id") ?? "?";
                var aliases = f.TryGetProperty("aliases", out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : new List<string>();
                string? resolution = null;
                if (f.TryGetProperty("suppression", out var suppression) && suppression.ValueKind == JsonValueKind.Object)
                {
                    resolution = "suppressed: " + (Text(suppression, "state") ?? Text(suppression, "justification") ?? Text(suppression, "detail") ?? "with a suppression");
                }
                else if (f.TryGetProperty("suppressed", out var suppressed) && suppressed.ValueKind == JsonValueKind.True)
                {
                    resolution = "suppressed";
                }
                else if (new[] { advisory }.Concat(aliases).Select(id => vex.TryGetValue(id, out var state) ? state : null).FirstOrDefault(x => x is not null) is { } state && ResolvedStates.Contains(state))
                {
                    resolution = "VEX: " + state;
                }

                findings.Add(new AdvisoryFinding(
                    Text(f, "package") ?? "?",
                    Text(f, "version") ?? "?",
                    advisory,
                    Text(f, "severity") ?? "unknown",
                    Text(f, "fixedIn"),
                    f.TryGetProperty("failsBuild", out var fails) && fails.ValueKind == JsonValueKind.True,
                    resolution,
                    Text(f, "summary")));
            }
        }

        return new AuditSummary(
            Text(root, "verdict") ?? "unknown",
            root.TryGetProperty("checked", out var c) && c.ValueKind == JsonValueKind.True,
            Text(root, "auditLevel"),
            sources,
            findings);
    }

    /// <summary>CycloneDX VEX analysis states that close a finding: the product is not affected, or it is fixed.</summary>
    private static readonly HashSet<string> ResolvedStates = new(StringComparer.Ordinal) { "not_affected", "false_positive", "resolved", "resolved_with_pedigree" };

    private static Dictionary<string, string> ReadVex(string file)
    {
        var root = Parse(file);
        var states = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("vulnerabilities", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var v in list.EnumerateArray())
            {
                if (Text(v, "id") is { } id && v.TryGetProperty("analysis", out var analysis) && Text(analysis, "state") is { } state)
                {
                    states[id] = state;
                }
            }
        }

        return states;
    }

    private static IReadOnlyList<Suppression> ReadSuppressions(string file)
    {
        var root = Parse(file);
        if (!root.TryGetProperty("suppressions", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{file} has no suppressions list.");
        }

        return list.EnumerateArray().Select(s => new Suppression(
            Text(s, "mechanism") ?? "?",
            Text(s, "rule") ?? "?",
            Text(s, "title"),
            Text(s, "file") ?? "",
            s.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : 0,
            Text(s, "effect") ?? "",
            s.TryGetProperty("weakens", out var w) && w.ValueKind == JsonValueKind.True,
            s.TryGetProperty("securityRule", out var sr) && sr.ValueKind == JsonValueKind.True,
            Text(s, "finding"),
            Text(s, "justification"))).ToList();
    }

    private static JsonElement Parse(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(System.IO.File.ReadAllText(file));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{file} is not a JSON object.");
            }

            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file} is not valid JSON: {e.Message}", e);
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"<TargetFrameworks?>\s*(?<value>[^<]+?)\s*</TargetFrameworks?>", RegexOptions.IgnoreCase)]
    private static partial Regex TargetFrameworks();
}
