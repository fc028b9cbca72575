using SecureDev.Core.Diagnostics;

namespace SecureDev.Core.Sbom;

/// <summary>What a BOM is made from, besides the restore result.</summary>
/// <param name="SourceDirectory">Where the sources are; its last commit's time is the BOM timestamp when SOURCE_DATE_EPOCH is not set.</param>
/// <param name="SerialNumber">A serial number to use instead of the one derived from the content.</param>
public sealed record SbomRequest(
    string AssetsFile,
    ProjectIdentity Project,
    string SpecVersion = "1.6",
    string? SourceDirectory = null,
    string? SerialNumber = null);

/// <summary>The SBOM operation as the build task and the CLI call it: restore result in, CycloneDX JSON text out.</summary>
public static class SbomGenerator
{
    /// <summary>The BOM's JSON, or null when the restore result cannot be read (the reason is in <paramref name="messages"/>).</summary>
    public static string? Generate(SbomRequest request, ICollection<BuildMessage> messages)
    {
        var lockFile = AssetsFile.Read(request.AssetsFile, messages);
        if (lockFile is null)
        {
            return null;
        }

        var bom = BomBuilder.Build(lockFile, request.Project, BuildTimestamp.Resolve(request.SourceDirectory), request.SpecVersion);
        return BomSerializer.Serialize(bom, request.SerialNumber);
    }
}
