using Microsoft.Build.Framework;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Evidence;

namespace SecureDev.Build;

/// <summary>
/// Assembles the project's evidence folder with its SHA-256 manifest (the SecureDevEvidence target): the records other
/// steps produced, and the records made here from the build itself: project.json (identity, toolchain, revision,
/// settings, input hashes), coding-standard.json and code-suppressions.json (from the compiler's SARIF log).
/// </summary>
public sealed class WriteEvidence : SecureDevTask
{
    [Required] public string EvidenceDirectory { get; set; } = "";

    /// <summary>Files to copy in; metadata EvidenceName is the name in the folder (default: the file name).</summary>
    public ITaskItem[]? Records { get; set; }

    /// <summary>The build outputs to hash, named relative to <see cref="OutputRoot"/>.</summary>
    public ITaskItem[]? Outputs { get; set; }

    public string? OutputRoot { get; set; }

    public string? ProjectFile { get; set; }

    public string? ProjectName { get; set; }

    public string? ProjectVersion { get; set; }

    public string? AssemblyName { get; set; }

    public string? Configuration { get; set; }

    public string? TargetFramework { get; set; }

    public string? SdkVersion { get; set; }

    public string? MSBuildVersion { get; set; }

    /// <summary>The compiler's SARIF log.</summary>
    public string? SarifFile { get; set; }

    /// <summary>@(EditorConfigFiles).</summary>
    public ITaskItem[]? ConfigFiles { get; set; }

    public string? SdkDirectory { get; set; }

    public string? NoWarn { get; set; }

    /// <summary>Security-relevant settings: the item is the property name, metadata Value its value.</summary>
    public ITaskItem[]? Settings { get; set; }

    /// <summary>Every file the build read: @(Compile), the assets file.</summary>
    public ITaskItem[]? Inputs { get; set; }

    protected override void Run(List<BuildMessage> messages)
    {
        var records = new List<(string Name, string Source)>();
        foreach (var record in Records ?? Array.Empty<ITaskItem>())
        {
            var name = string.IsNullOrEmpty(record.GetMetadata("EvidenceName")) ? Path.GetFileName(record.ItemSpec) : record.GetMetadata("EvidenceName");
            if (File.Exists(record.ItemSpec))
            {
                records.Add((name, record.GetMetadata("FullPath")));
            }
            else
            {
                messages.Add(BuildRules.EvidenceRecordMissing.At(Value(ProjectFile), $"The evidence record '{name}' was not produced ('{record.ItemSpec}' does not exist), so this project's evidence is incomplete (SM-12)."));
            }
        }

        var generated = new List<(string Name, string Content)>();
        if (Value(ProjectFile) is { } projectFile)
        {
            var build = new ProjectBuild
            {
                ProjectFile = projectFile,
                Name = Value(ProjectName) ?? Path.GetFileNameWithoutExtension(projectFile),
                Version = Value(ProjectVersion),
                AssemblyName = Value(AssemblyName),
                Configuration = Value(Configuration) ?? "",
                TargetFramework = Value(TargetFramework) ?? "",
                SdkVersion = Value(SdkVersion),
                MsBuildVersion = Value(MSBuildVersion),
                SarifFile = Value(SarifFile),
                ConfigFiles = Values(ConfigFiles).ToList(),
                SdkDirectory = Value(SdkDirectory),
                NoWarn = Value(NoWarn),
                Settings = (Settings ?? Array.Empty<ITaskItem>())
                    .GroupBy(s => s.ItemSpec, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Last().GetMetadata("Value"), StringComparer.Ordinal),
                Inputs = Values(Inputs).ToList(),
            };
            generated.AddRange(ProjectEvidence.Generate(build, messages));
        }

        var root = string.IsNullOrEmpty(OutputRoot) ? Directory.GetCurrentDirectory() : Path.GetFullPath(OutputRoot);
        EvidenceFolder.Write(EvidenceDirectory, records, root, Values(Outputs).Select(Path.GetFullPath), generated);
    }
}
