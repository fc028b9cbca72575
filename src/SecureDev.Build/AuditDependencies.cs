using Microsoft.Build.Framework;
using SecureDev.Core.Advisories;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.IO;
using SecureDev.Core.Policy;
using SecureDev.Core.Sbom;

namespace SecureDev.Build;

/// <summary>
/// Checks the BOM's components against the configured advisory sources and writes the audit's reports (the
/// SecureDevAudit target): audit.json, audit.md, audit.sarif, vex.cdx.json and a copy of the suppressions file. Findings
/// at or above SecureDevAuditLevel are errors. It runs on every build, so that an up-to-date check can never turn a
/// failing build into a passing one; the advisory cache keyed by each source's snapshot keeps that cheap.
/// </summary>
public sealed class AuditDependencies : SecureDevTask
{
    [Required] public string BomFile { get; set; } = "";

    /// <summary>audit.json; the other reports go next to it unless named.</summary>
    [Required] public string ReportFile { get; set; } = "";

    public string? MarkdownReportFile { get; set; }

    public string? SarifReportFile { get; set; }

    public string? VexFile { get; set; }

    public string? SuppressionsCopyFile { get; set; }

    /// <summary>OSV directories (the GitHub Advisory Database layout) and OSV zips (osv.dev's per-ecosystem export).</summary>
    public ITaskItem[]? AdvisorySources { get; set; }

    /// <summary>The vendor's own OSV advisories: used like the others, not held to the freshness limit.</summary>
    public ITaskItem[]? VendorAdvisorySources { get; set; }

    /// <summary>"true" (default): also read the VulnerabilityInfo resource of the project's NuGet package sources.</summary>
    public string? AuditPackageSources { get; set; }

    /// <summary>RestoreSources, when the project sets them: these replace the sources of nuget.config.</summary>
    public ITaskItem[]? PackageSources { get; set; }

    public string? RestoreConfigFile { get; set; }

    public string? AuditLevel { get; set; }

    public string? AuditMode { get; set; }

    public string? AdvisoryMaxAgeDays { get; set; }

    public string? SuppressionsFile { get; set; }

    /// <summary>Where parsed advisory data is cached; empty: the per-user default.</summary>
    public string? AdvisoryCacheDirectory { get; set; }

    /// <summary>The project file: where findings are reported, so the IDE lists them under the project.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>The time the audit runs at (tests); null is the clock.</summary>
    internal DateTimeOffset? Now { get; set; }

    internal NuGetFeedOptions? FeedOptions { get; set; }

    private AuditOutputs Outputs()
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(ReportFile))!;
        var defaults = AuditOutputs.In(directory);
        return new AuditOutputs(
            Path.GetFullPath(ReportFile),
            Value(MarkdownReportFile) ?? defaults.Markdown,
            Value(SarifReportFile) ?? defaults.Sarif,
            Value(VexFile) ?? defaults.Vex,
            Value(SuppressionsCopyFile) ?? defaults.SuppressionsCopy);
    }

    protected override void Run(List<BuildMessage> messages)
    {
        var outputs = Outputs();
        try
        {
            if (!Audit(outputs, messages))
            {
                outputs.Clear();
            }
        }
        catch
        {
            outputs.Clear();
            throw;
        }
    }

    private bool Audit(AuditOutputs outputs, List<BuildMessage> messages)
    {
        var file = ProjectFile;
        var level = Core.Policy.AuditLevel.Parse(AuditLevel, messages, file);
        var mode = AuditSettings.ParseMode(AuditMode, messages, file);
        var maxAge = AuditSettings.ParseMaxAgeDays(AdvisoryMaxAgeDays, messages, file);
        var readFeeds = AuditSettings.ParseSwitch(AuditSettings.PackageSourcesProperty, AuditPackageSources, true, messages, file);
        var cache = Core.Advisories.AdvisorySources.Cache(AdvisoryCacheDirectory);
        var offline = Core.Advisories.AdvisorySources.FromPaths(Values(AdvisorySources), vendor: false, cache, messages, file);
        var vendor = Core.Advisories.AdvisorySources.FromPaths(Values(VendorAdvisorySources), vendor: true, cache, messages, file);
        if (level is null || mode is null || maxAge is null || readFeeds is null || offline is null || vendor is null)
        {
            return false;
        }

        if (!File.Exists(BomFile))
        {
            messages.Add(BuildRules.AssetsFileUnreadable.At(BomFile, $"The BOM '{BomFile}' that the audit reads does not exist; the SecureDevSbom target did not run or failed. Run a full build."));
            return false;
        }

        var bom = CanonicalJson.Deserialize<Bom>(File.ReadAllText(BomFile))!;
        var sources = new List<IAdvisorySource>();
        sources.AddRange(vendor);
        sources.AddRange(offline);
        if (readFeeds.Value)
        {
            var projectDirectory = file is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(file))!;
            sources.AddRange(Core.Advisories.AdvisorySources.FromPackageSources(Values(PackageSources).ToList(), projectDirectory, Value(RestoreConfigFile), cache, messages, file, FeedOptions));
        }

        var options = new AuditOptions
        {
            Level = level.Value,
            Mode = mode.Value,
            MaxAgeDays = maxAge.Value,
            Now = Now,
            SuppressionsFile = Value(SuppressionsFile),
            File = file,
        };
        var result = Auditor.Audit(bom, sources, options, messages);

        // The reports carry the BOM's timestamp: the same sources and advisory data give the same reports.
        var timestamp = DateTimeOffset.TryParse(bom.Metadata?.Timestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : DateTimeOffset.UtcNow;
        outputs.Write(result, bom, bom.Metadata?.Component?.Name ?? "", timestamp, file);
        return true;
    }
}
