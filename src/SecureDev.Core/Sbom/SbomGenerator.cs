using SecureDev.Core.Diagnostics;

namespace SecureDev.Core.Sbom;

/// <summary>What a BOM is made from, besides the restore result.</summary>
/// <param name="TargetFramework">The TargetFramework of the build (its alias); null for a single-targeted restore.</param>
/// <param name="RuntimeIdentifier">The RuntimeIdentifier of the build: its runtime-specific graph is used.</param>
/// <param name="SourceDirectory">Where the sources are; its last commit's time is the BOM timestamp when SOURCE_DATE_EPOCH is not set.</param>
/// <param name="SerialNumber">A serial number to use instead of the one derived from the content.</param>
public sealed record SbomRequest(
    string AssetsFile,
    ProjectIdentity Project,
    string? SpecVersion = null,
    string? SourceDirectory = null,
    string? SerialNumber = null,
    string? TargetFramework = null,
    string? RuntimeIdentifier = null,
    Func<string, string?>? Environment = null,
    string? ProjectFile = null);

/// <summary>The SBOM operation as the build task calls it: restore result in, CycloneDX JSON text out.</summary>
public static class SbomGenerator
{
    /// <summary>The BOM's JSON, or null when it cannot be made (the reason is in <paramref name="messages"/>).</summary>
    public static string? Generate(SbomRequest request, ICollection<BuildMessage> messages)
    {
        var specVersion = SbomSettings.SpecVersion(request.SpecVersion, request.ProjectFile, messages);
        var serialValid = SbomSettings.SerialNumber(request.SerialNumber, request.ProjectFile, messages);
        if (specVersion is null || !serialValid)
        {
            return null;
        }

        var lockFile = AssetsFile.Read(request.AssetsFile, messages);
        if (lockFile is null)
        {
            return null;
        }

        var graph = RestoreGraph.Select(lockFile, request.TargetFramework, request.RuntimeIdentifier, request.AssetsFile, messages);
        if (graph is null)
        {
            return null;
        }

        AssetsFile.ReportRestoreErrors(lockFile, request.AssetsFile, messages);
        var timestamp = BuildTimestamp.Resolve(request.SourceDirectory, request.Environment, messages);
        var bom = BomBuilder.Build(graph, request.Project, timestamp, new PackageFolders(lockFile, request.AssetsFile), messages, specVersion);
        return BomSerializer.Serialize(bom, request.SerialNumber);
    }
}
