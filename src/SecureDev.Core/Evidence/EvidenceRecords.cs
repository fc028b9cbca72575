namespace SecureDev.Core.Evidence;

/// <summary>A record a project's evidence folder holds, and what it is evidence of.</summary>
/// <param name="Required">Without it the project's evidence is incomplete (SM-12); an optional record is only reported as missing.</param>
public sealed record EvidenceRecord(string Name, string What, bool Required, params string[] Requirements);

/// <summary>
/// The records of a project's evidence folder that SecureDev knows. Each build step adds its own to the item
/// SecureDevEvidenceRecord; the release bundle collects whatever a folder holds and names what it lacks.
/// </summary>
public static class EvidenceRecords
{
    public static readonly EvidenceRecord Bom = new("bom.cdx.json", "CycloneDX SBOM of the resolved packages", true, "SM-9", "SUM-2");
    public static readonly EvidenceRecord Audit = new("audit.json", "advisory audit: sources, snapshot dates, findings, verdict", true, "SVV-3", "DM-1", "SM-11");
    public static readonly EvidenceRecord AuditMarkdown = new("audit.md", "advisory audit report for people", false, "DM-4");
    public static readonly EvidenceRecord AuditSarif = new("audit.sarif", "advisory findings as SARIF for code scanning", false, "SVV-3");
    public static readonly EvidenceRecord Vex = new("vex.cdx.json", "CycloneDX VEX: the triage of each advisory finding (required when the audit has findings)", false, "DM-2", "DM-3", "DM-4");
    public static readonly EvidenceRecord CompilerLog = new("compiler.sarif", "the compiler's SARIF 2.1 log: every rule, finding and suppression", true, "SI-1");
    public static readonly EvidenceRecord Outputs = new(EvidenceFolder.OutputsFile, "SHA-256 of every build output", true, "SM-6", "SUM-2");
    public static readonly EvidenceRecord Project = new(ProjectRecord.FileName, "the build: project, toolchain, source revision, settings, input hashes", true, "SM-12");
    public static readonly EvidenceRecord CodingStandard = new(Evidence.CodingStandard.RulesFile, "the rules in force with their effective severity", true, "SI-2");
    public static readonly EvidenceRecord CodeSuppressions = new(Evidence.CodingStandard.SuppressionsFile, "every suppression in source and configuration with its justification", true, "SI-2", "SG-2");

    public static IReadOnlyList<EvidenceRecord> All { get; } = new[]
    {
        Audit, AuditMarkdown, AuditSarif, Bom, CodeSuppressions, CodingStandard, CompilerLog, Outputs, Project, Vex,
    };
}
