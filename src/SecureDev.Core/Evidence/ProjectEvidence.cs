using SecureDev.Core.Diagnostics;
using SecureDev.Core.Sbom;
using SecureDev.Core.IO;

namespace SecureDev.Core.Evidence;

/// <summary>What the build knows about itself when it writes the evidence (the SecureDevEvidence target's inputs).</summary>
public sealed class ProjectBuild
{
    public string ProjectFile { get; init; } = "";

    public string Name { get; init; } = "";

    public string? Version { get; init; }

    public string? AssemblyName { get; init; }

    public string Configuration { get; init; } = "";

    public string TargetFramework { get; init; } = "";

    public string? SdkVersion { get; init; }

    public string? MsBuildVersion { get; init; }

    /// <summary>The compiler's SARIF log (ErrorLog without its ",version=" suffix).</summary>
    public string? SarifFile { get; init; }

    /// <summary>@(EditorConfigFiles): .editorconfig and global config files the compiler read.</summary>
    public IReadOnlyList<string> ConfigFiles { get; init; } = Array.Empty<string>();

    /// <summary>The dotnet root: config files under it are the SDK's own defaults and are not listed as the product's settings.</summary>
    public string? SdkDirectory { get; init; }

    public string? NoWarn { get; init; }

    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Every file the build read: @(Compile), the project file, the assets file, the config files.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = Array.Empty<string>();

    public string ProjectDirectory => Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!;
}

/// <summary>
/// The records SecureDev makes for a project's evidence folder from the build itself: project.json (identity,
/// toolchain, revision, settings, input hashes), coding-standard.json (rules in force, SI-2) and code-suppressions.json
/// (every suppression with its justification).
/// </summary>
public static class ProjectEvidence
{
    public static IReadOnlyList<(string Name, string Content)> Generate(ProjectBuild build, ICollection<BuildMessage> messages)
    {
        var directory = build.ProjectDirectory;
        var revision = SourceRevision.Of(directory);
        var sourceRoot = Git.Run(directory, "rev-parse", "--show-toplevel")?.Trim() is { Length: > 0 } top ? Path.GetFullPath(top) : directory;
        string Display(string file)
        {
            var full = Path.GetFullPath(file);
            return IsUnder(full, sourceRoot) || IsUnder(full, directory) ? PortablePath.Relative(directory, full) : full.Replace('\\', '/');
        }

        var generated = new List<(string, string)>();
        CompilerLog? log = null;
        if (build.SarifFile is null || !File.Exists(build.SarifFile))
        {
            messages.Add(BuildRules.EvidenceCompilerLogUnreadable.At(build.ProjectFile, $"The compiler wrote no SARIF log{(build.SarifFile is null ? "" : $" at '{build.SarifFile}'")}, so the evidence has no static-analysis record, rule set or suppressions (SI-1, SI-2). Do not set ErrorLog to an empty value."));
        }
        else
        {
            var text = File.ReadAllText(build.SarifFile);
            try
            {
                log = CompilerLog.Parse(text, build.SarifFile);
            }
            catch (InvalidDataException e)
            {
                var rule = text.Contains("\"version\": \"1.0.0\"", StringComparison.Ordinal) ? BuildRules.EvidenceSarifVersion : BuildRules.EvidenceCompilerLogUnreadable;
                messages.Add(rule.At(build.ProjectFile, rule == BuildRules.EvidenceSarifVersion
                    ? $"ErrorLog writes SARIF 1.0 ('{build.SarifFile}'), which has no rule configuration; set ErrorLog to '<file>,version=2.1' (or leave it unset) so the evidence can record the rules in force and their suppressions."
                    : e.Message));
            }
        }

        if (log is not null)
        {
            if (!log.Rules.Any(r => r.IsSecureDev))
            {
                messages.Add(BuildRules.EvidenceAnalyzersNotRun.At(build.ProjectFile, "The compiler's log lists no SecureDev rule: the analyzers did not run in this build (RunAnalyzers or RunAnalyzersDuringBuild is false?), so it is no static-analysis record (SI-1)."));
            }

            var configFiles = build.ConfigFiles
                .Where(File.Exists)
                .Select(Path.GetFullPath)
                .Where(f => build.SdkDirectory is null || !IsUnder(f, Path.GetFullPath(build.SdkDirectory)))
                .Distinct(StringComparer.Ordinal)
                .Select(f => new ConfigFile(f, Display(f)))
                .ToList();
            var standard = CodingStandard.Build(log, configFiles, build.NoWarn, ReadLines, Display);
            foreach (var suppression in standard.Suppressions.Where(s => s.Weakens && s.SecurityRule && !s.Justified))
            {
                messages.Add(BuildRules.UnjustifiedSuppression.At(
                    suppression.File.StartsWith('(') ? build.ProjectFile : Path.Combine(directory, suppression.File) + (suppression.Line > 0 ? $"({suppression.Line})" : ""),
                    $"{suppression.Mechanism} {suppression.Effect} {suppression.Target}{(suppression.Title is null ? "" : $" ({suppression.Title})")} without a justification; the evidence lists it as unjustified (SI-2). " +
                    (suppression.Mechanism switch
                    {
                        "pragma" => "Add a comment after the pragma: '#pragma warning disable " + suppression.Target + " // why'.",
                        "NoWarn" => "NoWarn cannot carry a reason: set the severity in .editorconfig with a comment instead.",
                        "editorconfig" or "globalconfig" => "Add a comment on the line or just above it.",
                        _ => "Set Justification on the attribute.",
                    })));
            }

            generated.Add((CodingStandard.RulesFile, standard.RulesJson(build.Name)));
            generated.Add((CodingStandard.SuppressionsFile, standard.SuppressionsJson(build.Name)));
        }

        // What the staleness check compares later: the sources the build compiled and every C# file under the project,
        // the project file, its analyzer config files and the assets file; not what the build generates under obj/ and bin/.
        var inputs = build.Inputs.Concat(ProjectSources.Enumerate(directory)).Concat(new[] { build.ProjectFile }).Concat(build.ConfigFiles)
            .Where(f => !string.IsNullOrWhiteSpace(f))
            .Select(Path.GetFullPath)
            .Where(f => build.SdkDirectory is null || !IsUnder(f, Path.GetFullPath(build.SdkDirectory)))
            .Where(f => IsUnder(f, sourceRoot) || IsUnder(f, directory))
            .Where(f => Path.GetFileName(f) == "project.assets.json" || !IsBuildOutput(PortablePath.Relative(directory, f)));
        var record = new ProjectRecord
        {
            Project = new ProjectIdentityRecord
            {
                Name = build.Name,
                File = Path.GetFileName(build.ProjectFile),
                Version = build.Version,
                AssemblyName = build.AssemblyName,
                Configuration = build.Configuration,
                TargetFramework = build.TargetFramework,
            },
            Timestamp = BuildTimestamp.Format(BuildTimestamp.Resolve(directory)),
            Toolchain = new ToolchainRecord
            {
                Sdk = build.SdkVersion,
                MsBuild = build.MsBuildVersion,
                Compiler = log?.Compiler,
                CompilerVersion = log?.CompilerVersion,
            },
            Source = revision,
            Settings = new SortedDictionary<string, string>(build.Settings.Where(s => !string.IsNullOrWhiteSpace(s.Value)).ToDictionary(s => s.Key, s => s.Value.Trim()), StringComparer.Ordinal),
            Inputs = ProjectRecord.HashInputs(directory, inputs),
        };
        generated.Add((ProjectRecord.FileName, record.ToJson()));
        return generated;
    }

    private static IReadOnlyList<string>? ReadLines(string file)
    {
        try
        {
            return File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A path relative to the project under bin/ or obj/: generated by the build, not one of its inputs.</summary>
    public static bool IsBuildOutput(string relative) => relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal);

    internal static bool IsUnder(string file, string directory)
    {
        var root = directory.TrimEnd('/', '\\') + Path.DirectorySeparatorChar;
        return file.StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
