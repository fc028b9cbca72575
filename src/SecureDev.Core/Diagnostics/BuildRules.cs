namespace SecureDev.Core.Diagnostics;

/// <summary>
/// The catalog of SD9xxx build diagnostics (the analyzer rules' catalog is SecureDev.Analyzers.Rules.RuleCatalog).
/// Blocks: SD900x vulnerable packages, one id per advisory severity; SD901x advisory data; SD902x the restore graph;
/// SD903x suppressions; SD904x outputs; SD905x configuration; SD906x evidence; SD9099 an internal error.
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

    // Evidence (SD9058-SD9059: settings that keep the evidence from being made; SD9060-SD9069: the evidence itself,
    // in the build and in the release bundle of `securedev evidence`).
    public static readonly BuildRule EvidenceSarifVersion = new(
        "SD9058", "Compiler log is not SARIF 2.1", BuildSeverity.Warning, "SI-1",
        "ErrorLog is set to a SARIF 1.0 log, which does not record the rules' effective severities; the evidence cannot record the coding standard in force or the suppressions.");

    public static readonly BuildRule EvidenceAnalyzersNotRun = new(
        "SD9059", "SecureDev analyzers did not run in the build", BuildSeverity.Warning, "SI-1",
        "The compiler's log lists no SecureDev rule (RunAnalyzers or RunAnalyzersDuringBuild is false), so the build is no record of static analysis.");

    public static readonly BuildRule EvidenceRecordMissing = new(
        "SD9060", "Evidence record not produced", BuildSeverity.Warning, "SM-12",
        "A record the evidence folder should hold (SBOM, audit report, compiler log, ...) was not produced by this build, so the evidence is incomplete.");

    public static readonly BuildRule UnjustifiedSuppression = new(
        "SD9061", "Security rule suppressed without a justification", BuildSeverity.Warning, "SI-2",
        "A pragma, [SuppressMessage], NoWarn or analyzer config setting suppresses or lowers a security rule and gives no reason; the evidence lists it as unjustified.");

    public static readonly BuildRule EvidenceCompilerLogUnreadable = new(
        "SD9062", "Compiler log missing or unreadable", BuildSeverity.Warning, "SI-1",
        "The compiler's SARIF log was not written or cannot be read, so the evidence has no static-analysis record, rule set or suppressions.");

    public static readonly BuildRule ProjectEvidenceMissing = new(
        "SD9063", "Project has no evidence", BuildSeverity.Error, "SM-12",
        "A project of the release has no evidence folder for the configuration, or its folder lacks records: the release bundle is incomplete.");

    public static readonly BuildRule ProjectEvidenceStale = new(
        "SD9064", "Project evidence is stale", BuildSeverity.Error, "SM-12",
        "A source file, the project file or the assets file changed, appeared or disappeared since the build that wrote the evidence: the evidence is not that of the sources being released.");

    public static readonly BuildRule ProjectEvidenceAltered = new(
        "SD9065", "Project evidence altered", BuildSeverity.Error, "SM-6",
        "A file of a project's evidence folder no longer matches the folder's SHA-256 manifest.");

    public static readonly BuildRule EvidenceFileUnreadable = new(
        "SD9066", "Evidence file unreadable", BuildSeverity.Error, "SM-12",
        "A file of a project's evidence folder cannot be read or is not what its name says; no bundle is written.");

    public static readonly BuildRule ReleaseGateOpen = new(
        "SD9067", "Release gate: open findings or unresolved advisories", BuildSeverity.Warning, "SM-11",
        "The release has analyzer findings that are not suppressed with a justification, or advisories without a resolution (fix or VEX statement).");
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
