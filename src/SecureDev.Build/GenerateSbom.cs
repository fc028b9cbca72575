using Microsoft.Build.Framework;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.IO;
using SecureDev.Core.Sbom;

namespace SecureDev.Build;

/// <summary>
/// Writes the CycloneDX BOM of one target of the project (the SecureDevSbom target, in each inner build): the graph
/// the restore resolved for this TargetFramework and RuntimeIdentifier, with package metadata from the package folders.
/// </summary>
public sealed class GenerateSbom : SecureDevTask
{
    [Required] public string AssetsFile { get; set; } = "";

    [Required] public string OutputFile { get; set; } = "";

    [Required] public string ProjectName { get; set; } = "";

    public string? ProjectVersion { get; set; }

    /// <summary>Set when the project is packable: the metadata component then gets a purl.</summary>
    public string? PackageId { get; set; }

    public string? Supplier { get; set; }

    public string? Description { get; set; }

    /// <summary>"application" for an executable, "library" otherwise.</summary>
    public string? ComponentType { get; set; }

    public string? ProjectDirectory { get; set; }

    /// <summary>Where messages about the project's own settings point (the project file).</summary>
    public string? ProjectFile { get; set; }

    public string? TargetFramework { get; set; }

    public string? RuntimeIdentifier { get; set; }

    public string? SpecVersion { get; set; }

    public string? SerialNumber { get; set; }

    protected override void Run(List<BuildMessage> messages)
    {
        var project = new ProjectIdentity(ProjectName, Value(ProjectVersion), Value(Supplier), Value(Description), Value(PackageId), Value(ComponentType) ?? "application");
        var request = new SbomRequest(
            AssetsFile,
            project,
            Value(SpecVersion),
            Value(ProjectDirectory),
            Value(SerialNumber),
            Value(TargetFramework),
            Value(RuntimeIdentifier),
            ProjectFile: Value(ProjectFile));
        if (SbomGenerator.Generate(request, messages) is { } json)
        {
            AtomicFile.WriteAllText(OutputFile, json);
        }
    }
}
