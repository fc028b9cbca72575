using Microsoft.Build.Framework;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.IO;
using SecureDev.Core.Sbom;

namespace SecureDev.Build;

/// <summary>Writes the project's CycloneDX BOM from its restore result (the SecureDevSbom target).</summary>
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

    public string? ProjectDirectory { get; set; }

    public string? SpecVersion { get; set; }

    public string? SerialNumber { get; set; }

    protected override void Run(List<BuildMessage> messages)
    {
        var project = new ProjectIdentity(ProjectName, Value(ProjectVersion), Value(Supplier), Value(Description), Value(PackageId));
        var request = new SbomRequest(AssetsFile, project, Value(SpecVersion) ?? "1.6", Value(ProjectDirectory), Value(SerialNumber));
        if (SbomGenerator.Generate(request, messages) is { } json)
        {
            AtomicFile.WriteAllText(OutputFile, json);
        }
    }
}
