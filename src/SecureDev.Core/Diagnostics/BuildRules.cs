namespace SecureDev.Core.Diagnostics;

/// <summary>
/// The catalog of SD9xxx build diagnostics (the analyzer rules' catalog is SecureDev.Analyzers.Rules.RuleCatalog).
/// Blocks: SD900x vulnerable packages, one id per advisory severity; SD901x advisory data; SD902x the restore graph;
/// SD903x suppressions; SD904x outputs; SD905x configuration; SD9099 an internal error.
/// </summary>
public static class BuildRules
{
    public static readonly BuildRule VulnerablePackageLow = new(
        "SD9001", "Package with a low-severity known vulnerability", BuildSeverity.Warning, "SVV-3",
        "A resolved package is affected by a published advisory of low severity.");

    public static readonly BuildRule VulnerablePackageModerate = new(
        "SD9002", "Package with a moderate-severity known vulnerability", BuildSeverity.Warning, "SVV-3",
        "A resolved package is affected by a published advisory of moderate severity.");

    public static readonly BuildRule VulnerablePackageHigh = new(
        "SD9003", "Package with a high-severity known vulnerability", BuildSeverity.Warning, "SVV-3",
        "A resolved package is affected by a published advisory of high severity.");

    public static readonly BuildRule VulnerablePackageCritical = new(
        "SD9004", "Package with a critical-severity known vulnerability", BuildSeverity.Warning, "SVV-3",
        "A resolved package is affected by a published advisory of critical severity.");

    public static readonly BuildRule NoAdvisorySource = new(
        "SD9010", "Dependencies not checked: no advisory source", BuildSeverity.Warning, "SVV-3",
        "No advisory source is configured, so the build could not check its dependencies for known vulnerabilities.");

    public static readonly BuildRule EmptyAdvisorySource = new(
        "SD9011", "Dependencies not checked against an advisory source: it holds no data", BuildSeverity.Warning, "SVV-3",
        "A configured advisory source holds no NuGet advisories, so the build was not checked against it.");

    public static readonly BuildRule MissingAdvisorySource = new(
        "SD9012", "Advisory source not found", BuildSeverity.Warning, "SVV-3",
        "A configured advisory source does not exist, so the build was not checked against it.");

    public static readonly BuildRule CorruptAdvisoryRecord = new(
        "SD9013", "Corrupt advisory record", BuildSeverity.Warning, "SVV-3",
        "An advisory record could not be read; the other records of the source are still used.");

    public static readonly BuildRule AssetsFileUnreadable = new(
        "SD9020", "Restore result missing or unreadable", BuildSeverity.Error, "SM-9",
        "The project's assets file (obj/project.assets.json), written by restore, is missing or corrupt, so no SBOM can be made.");

    // SBOM: the restore graph and the package folders (SD9021-SD9029). The SBOM is still written; what could not be
    // known is recorded as unknown in it.

    public static readonly BuildRule PackageNotInFolder = new(
        "SD9021", "Package missing from the package folder: license and supplier unknown", BuildSeverity.Warning, "SM-9",
        "A package of the restore result is not in the package folders the assets file lists, so its nuspec (license, authors, description) cannot be read. The SBOM lists it with its license recorded as unknown.");

    public static readonly BuildRule TargetNotRestored = new(
        "SD9022", "No restore graph for the target being built", BuildSeverity.Error, "SM-9",
        "The assets file has no dependency graph for the target framework and runtime identifier of the build, so the SBOM cannot say what this build ships.");

    public static readonly BuildRule PackageHashMissing = new(
        "SD9023", "Package without a hash in the restore result", BuildSeverity.Warning, "SM-9",
        "The restore result records no valid SHA-512 for a package, so the SBOM cannot identify the exact package file. It lists the package with its hash recorded as unknown.");

    public static readonly BuildRule PackageMetadataUnreadable = new(
        "SD9024", "Package metadata (nuspec) unreadable", BuildSeverity.Warning, "SM-9",
        "A package's nuspec in the package folder cannot be read, so its license, authors and description are recorded as unknown in the SBOM.");

    public static readonly BuildRule RestoreIncomplete = new(
        "SD9025", "Restore failed: the SBOM lists only what was resolved", BuildSeverity.Warning, "SM-9",
        "The assets file records restore errors (for example a package that could not be found), so its graph, and the SBOM made from it, is incomplete.");

    public static readonly BuildRule OutputNotWritten = new(
        "SD9040", "Output could not be written", BuildSeverity.Error, "SM-12",
        "An SBOM, report or evidence file could not be written; nothing was left half-written.");

    public static readonly BuildRule InvalidSetting = new(
        "SD9050", "Invalid SecureDev setting", BuildSeverity.Error, "SM-1",
        "A SecureDev MSBuild property has a value SecureDev does not understand.");

    // SBOM settings (SD9051-SD9054).

    public static readonly BuildRule UnsupportedSpecVersion = new(
        "SD9051", "Unsupported CycloneDX specification version", BuildSeverity.Error, "SM-9",
        "SecureDevSbomSpecVersion (or the CLI's --spec) names a CycloneDX version SecureDev does not write; no SBOM is written rather than one a consumer might misread.");

    public static readonly BuildRule InvalidSerialNumber = new(
        "SD9052", "Invalid SBOM serial number", BuildSeverity.Error, "SM-9",
        "SecureDevSbomSerialNumber is not a CycloneDX serial number (urn:uuid: followed by an RFC 4122 UUID).");

    public static readonly BuildRule InvalidSourceDateEpoch = new(
        "SD9053", "SOURCE_DATE_EPOCH is not a number of seconds", BuildSeverity.Warning, "SM-9",
        "The SOURCE_DATE_EPOCH environment variable is set but is not a non-negative whole number of seconds since 1970, so the SBOM timestamp falls back to the commit time (or now) and builds may not be reproducible.");

    public static readonly BuildRule InternalError = new(
        "SD9099", "SecureDev internal error", BuildSeverity.Error, "SM-1",
        "A SecureDev build task failed in a way it did not expect. The message says where; please report it.");

    public static IReadOnlyList<BuildRule> All { get; } = typeof(BuildRules)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(BuildRule))
        .Select(f => (BuildRule)f.GetValue(null)!)
        .OrderBy(r => r.Id, StringComparer.Ordinal)
        .ToArray();
}
