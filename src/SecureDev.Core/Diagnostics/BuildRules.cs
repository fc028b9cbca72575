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

    public static readonly BuildRule SuppressedVulnerability = new(
        "SD9005", "Known vulnerability accepted by a VEX statement", BuildSeverity.Message, "DM-4",
        "A finding matched an entry of the suppressions file: it does not fail the build, stays in the reports and is published as a CycloneDX VEX statement.");

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

    public static readonly BuildRule StaleAdvisoryData = new(
        "SD9014", "Advisory data older than SecureDevAdvisoryMaxAgeDays", BuildSeverity.Warning, "SVV-3",
        "The newest record of an advisory source is older than the allowed age, so advisories published since then were not checked.");

    public static readonly BuildRule AdvisoryFeedUnreachable = new(
        "SD9015", "Vulnerability data of a package source unreachable", BuildSeverity.Warning, "SVV-3",
        "A package source's vulnerability data could not be downloaded; the build was checked against the last cached copy, or not at all.");

    public static readonly BuildRule FeedWithoutVulnerabilityData = new(
        "SD9016", "Dependencies not checked against a package source: it publishes no vulnerability data", BuildSeverity.Warning, "SVV-3",
        "A configured NuGet package source has no VulnerabilityInfo resource, so the build was not checked against it.");

    public static readonly BuildRule UnknownAdvisoryData = new(
        "SD9017", "Advisory data SecureDev does not understand", BuildSeverity.Warning, "SVV-3",
        "An advisory record uses a range type, version, event or severity SecureDev cannot evaluate; that part was ignored and the rest of the record is used.");

    public static readonly BuildRule AdvisoryCacheRebuilt = new(
        "SD9018", "Corrupt advisory cache rebuilt", BuildSeverity.Warning, "SVV-3",
        "A cached copy of advisory data failed its integrity check; it was discarded and rebuilt from the source.");

    public static readonly BuildRule AssetsFileUnreadable = new(
        "SD9020", "Restore result missing or unreadable", BuildSeverity.Error, "SM-9",
        "The project's assets file (obj/project.assets.json), written by restore, is missing or corrupt, so no SBOM can be made.");

    public static readonly BuildRule SuppressionExpired = new(
        "SD9030", "Suppression expired", BuildSeverity.Error, "DM-4",
        "An entry of the suppressions file is past its expiry date: it no longer applies, and the decision must be reviewed and renewed or the package updated.");

    public static readonly BuildRule SuppressionUnused = new(
        "SD9031", "Suppression matches no finding", BuildSeverity.Warning, "DM-4",
        "An entry of the suppressions file matched no finding of this build: the package was updated or removed, or the entry names the wrong advisory, package or versions.");

    public static readonly BuildRule SuppressionsFileUnreadable = new(
        "SD9032", "Suppressions file missing or unreadable", BuildSeverity.Error, "DM-4",
        "The file SecureDevSuppressionsFile names does not exist or is not a valid suppressions document, so none of its entries apply.");

    public static readonly BuildRule InvalidSuppression = new(
        "SD9033", "Invalid suppression", BuildSeverity.Error, "DM-3",
        "An entry of the suppressions file lacks a required field or uses a value outside the CycloneDX 1.6 enumerations; the entry does not apply.");

    public static readonly BuildRule OutputNotWritten = new(
        "SD9040", "Output could not be written", BuildSeverity.Error, "SM-12",
        "An SBOM, report or evidence file could not be written; nothing was left half-written.");

    public static readonly BuildRule InvalidSetting = new(
        "SD9050", "Invalid SecureDev setting", BuildSeverity.Error, "SM-1",
        "A SecureDev MSBuild property has a value SecureDev does not understand.");

    public static readonly BuildRule InvalidAuditMode = new(
        "SD9055", "Invalid SecureDevAuditMode", BuildSeverity.Error, "SM-1",
        "SecureDevAuditMode must be 'all' (direct and transitive packages) or 'direct'.");

    public static readonly BuildRule InvalidAdvisoryMaxAge = new(
        "SD9056", "Invalid SecureDevAdvisoryMaxAgeDays", BuildSeverity.Error, "SM-1",
        "SecureDevAdvisoryMaxAgeDays must be a whole number of days, 0 or more (0 turns the freshness check off).");

    public static readonly BuildRule InvalidAdvisorySource = new(
        "SD9057", "Invalid advisory source setting", BuildSeverity.Error, "SM-1",
        "An advisory source setting names something SecureDev cannot read as one (a file that is not an OSV zip), or SecureDevAuditPackageSources is not true or false.");

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
