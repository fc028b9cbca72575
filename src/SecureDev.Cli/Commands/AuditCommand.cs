using System.CommandLine;
using SecureDev.Core.Advisories;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.IO;
using SecureDev.Core.Policy;
using SecureDev.Core.Sbom;

namespace SecureDev.Cli.Commands;

/// <summary>securedev audit --bom &lt;file&gt; --advisories &lt;dir&gt;: checks any CycloneDX BOM with NuGet purls against advisory sources.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var bom = new Option<FileInfo>("--bom") { Description = "A CycloneDX JSON BOM whose components have pkg:nuget purls", Required = true };
        var advisories = new Option<DirectoryInfo[]>("--advisories") { Description = "OSV advisory directories (repeatable)", AllowMultipleArgumentsPerToken = true };
        var level = new Option<string>("--level") { Description = "Lowest severity that fails: low, moderate, high, critical", DefaultValueFactory = _ => "high" };
        var report = new Option<FileInfo?>("--report") { Description = "Write the audit report (JSON) here" };
        var command = new Command("audit", "Check a BOM's NuGet components against offline advisory sources.\n\n" + ExitCodes.Help) { bom, advisories, level, report };
        command.SetAction(result =>
        {
            var json = Output.Json(result);
            var messages = new List<BuildMessage>();
            var threshold = AuditLevel.Parse(result.GetValue(level), messages);
            var bomFile = result.GetValue(bom)!;
            if (threshold is null || !bomFile.Exists)
            {
                Print(messages, json);
                if (!bomFile.Exists)
                {
                    Console.Error.WriteLine($"securedev audit: the BOM '{bomFile.FullName}' does not exist.");
                }

                return ExitCodes.UsageOrInputError;
            }

            Bom document;
            try
            {
                document = CanonicalJson.Deserialize<Bom>(File.ReadAllText(bomFile.FullName)) ?? throw new InvalidDataException("empty document");
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException)
            {
                Console.Error.WriteLine($"securedev audit: '{bomFile.FullName}' is not a CycloneDX JSON BOM ({e.Message}).");
                return ExitCodes.UsageOrInputError;
            }

            var sources = (result.GetValue(advisories) ?? Array.Empty<DirectoryInfo>()).Select(d => (IAdvisorySource)new OsvDirectorySource(d.FullName)).ToList();
            var audit = Auditor.Audit(document, sources, threshold.Value, messages, bomFile.FullName);
            Print(messages, json);
            if (result.GetValue(report) is { } reportFile)
            {
                AtomicFile.WriteAllText(reportFile.FullName, AuditReport.ToJson(audit, document.Metadata?.Component?.Name ?? bomFile.Name, BuildTimestamp.Resolve(null)));
            }

            if (json)
            {
                // The audit report itself is the machine-readable result.
                Console.Out.Write(AuditReport.ToJson(audit, document.Metadata?.Component?.Name ?? bomFile.Name, BuildTimestamp.Resolve(null)));
                return audit.Failed ? ExitCodes.CheckFailed : ExitCodes.Success;
            }

            Console.WriteLine(!audit.Checked
                ? "NOT CHECKED: no advisory source held data"
                : $"{audit.Findings.Count} finding(s), {audit.Findings.Count(f => f.FailsBuild)} at or above {threshold.Value.Name()}, in {audit.ComponentsChecked} components");
            return audit.Failed ? ExitCodes.CheckFailed : ExitCodes.Success;
        });
        return command;
    }

    private static void Print(IEnumerable<BuildMessage> messages, bool json)
    {
        foreach (var message in messages)
        {
            // With --format json, standard output holds only the report.
            (json || message.Severity == BuildSeverity.Error ? Console.Error : Console.Out).WriteLine(message);
        }
    }
}
