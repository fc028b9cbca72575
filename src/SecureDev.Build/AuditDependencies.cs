using Microsoft.Build.Framework;
using SecureDev.Core.Advisories;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.IO;
using SecureDev.Core.Policy;
using SecureDev.Core.Sbom;

namespace SecureDev.Build;

/// <summary>
/// Checks the BOM's components against the configured advisory sources and writes the audit report (the
/// SecureDevAudit target). Findings at or above SecureDevAuditLevel are errors. It runs on every build, so that an
/// up-to-date check can never turn a failing build into a passing one.
/// </summary>
public sealed class AuditDependencies : SecureDevTask
{
    [Required] public string BomFile { get; set; } = "";

    [Required] public string ReportFile { get; set; } = "";

    /// <summary>OSV directories (the GitHub Advisory Database layout or the vendor's own).</summary>
    public ITaskItem[]? AdvisorySources { get; set; }

    public string? AuditLevel { get; set; }

    /// <summary>The project file: where findings are reported, so the IDE lists them under the project.</summary>
    public string? ProjectFile { get; set; }

    protected override void Run(List<BuildMessage> messages)
    {
        var level = Core.Policy.AuditLevel.Parse(AuditLevel, messages, ProjectFile);
        if (level is null)
        {
            return;
        }

        if (!File.Exists(BomFile))
        {
            messages.Add(BuildRules.AssetsFileUnreadable.At(BomFile, $"The BOM '{BomFile}' that the audit reads does not exist; the SecureDevSbom target did not run or failed. Run a full build."));
            return;
        }

        var bom = CanonicalJson.Deserialize<Bom>(File.ReadAllText(BomFile))!;
        var sources = Values(AdvisorySources).Select(path => (IAdvisorySource)new OsvDirectorySource(path)).ToList();
        var result = Auditor.Audit(bom, sources, level.Value, messages, ProjectFile);
        // The report carries the BOM's timestamp: the same sources and advisory data give the same report.
        var timestamp = DateTimeOffset.TryParse(bom.Metadata?.Timestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : DateTimeOffset.UtcNow;
        AtomicFile.WriteAllText(ReportFile, AuditReport.ToJson(result, bom.Metadata?.Component?.Name ?? "", timestamp));
    }
}
