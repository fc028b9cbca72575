using System.Text;
using SecureDev.Core.IO;
using SecureDev.Core.Sbom;

namespace SecureDev.Core.Advisories;

/// <summary>The files one audit writes: the report for machines and for people, the SARIF log, the VEX, and the suppressions it read.</summary>
public sealed record AuditOutputs(string Json, string Markdown, string Sarif, string Vex, string SuppressionsCopy)
{
    /// <summary>The evidence names another step files them under (SecureDevEvidenceRecord's EvidenceName).</summary>
    public static readonly IReadOnlyList<string> EvidenceNames = new[] { "audit.json", "audit.md", "audit.sarif", "vex.cdx.json", "suppressions.json" };

    public static AuditOutputs In(string directory) => new(
        Path.Combine(directory, "audit.json"),
        Path.Combine(directory, "audit.md"),
        Path.Combine(directory, "audit.sarif"),
        Path.Combine(directory, "vex.cdx.json"),
        Path.Combine(directory, "suppressions.json"));

    private IEnumerable<string> All => new[] { Json, Markdown, Sarif, Vex, SuppressionsCopy };

    /// <summary>
    /// Removes the outputs of an earlier run, for an audit that could not run or failed half-way: no report may look
    /// current when it is not. Each file is otherwise written whole (through a temporary file) or not at all.
    /// </summary>
    public void Clear()
    {
        foreach (var file in All.Where(File.Exists))
        {
            File.Delete(file);
        }
    }

    /// <param name="locationFile">Where SARIF results point: the project file, or the BOM the CLI audited.</param>
    public void Write(AuditResult result, Bom bom, string project, DateTimeOffset timestamp, string? locationFile)
    {
        Save(Json, AuditReport.ToJson(result, project, timestamp));
        Save(Markdown, AuditMarkdown.Write(result, project, timestamp));
        Save(Sarif, AuditSarif.Write(result, locationFile));
        Save(Vex, VexDocument.Write(result, bom, timestamp));
        if (result.SuppressionFile is { } suppressions)
        {
            AtomicFile.WriteAllBytes(SuppressionsCopy, suppressions.Content);
        }
        else if (File.Exists(SuppressionsCopy))
        {
            File.Delete(SuppressionsCopy);
        }
    }

    private static void Save(string path, string text)
    {
        // An unchanged report is left alone, so that steps that depend on it see no change.
        if (File.Exists(path) && File.ReadAllText(path, Encoding.UTF8) == text)
        {
            return;
        }

        AtomicFile.WriteAllText(path, text);
    }
}
