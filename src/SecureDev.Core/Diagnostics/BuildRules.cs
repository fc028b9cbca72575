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

    public static readonly BuildRule OutputNotWritten = new(
        "SD9040", "Output could not be written", BuildSeverity.Error, "SM-12",
        "An SBOM, report or evidence file could not be written; nothing was left half-written.");

    public static readonly BuildRule InvalidSetting = new(
        "SD9050", "Invalid SecureDev setting", BuildSeverity.Error, "SM-1",
        "A SecureDev MSBuild property has a value SecureDev does not understand.");

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
