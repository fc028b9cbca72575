namespace SecureDev.Core.Sbom;

/// <summary>What the build knows about the project a BOM describes (its metadata component).</summary>
/// <param name="PackageId">The NuGet id when the project is packable; the metadata component then has a purl.</param>
public sealed record ProjectIdentity(
    string Name,
    string? Version,
    string? Supplier = null,
    string? Description = null,
    string? PackageId = null,
    string ComponentType = "application");
