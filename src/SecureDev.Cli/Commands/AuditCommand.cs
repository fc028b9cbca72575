using System.CommandLine;
using SecureDev.Core.Advisories;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.IO;
using SecureDev.Core.Policy;
using SecureDev.Core.Projects;
using SecureDev.Core.Sbom;

namespace SecureDev.Cli.Commands;

/// <summary>
/// securedev audit [project|solution|folder|bom.json]: checks the NuGet packages of restored projects, or of any
/// CycloneDX BOM with purls, against advisory sources, with the same policy, messages and reports as the build.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var input = new Argument<string?>("input")
        {
            Description = "A project (.csproj), a solution (.sln, .slnx), a folder of projects, or a CycloneDX JSON BOM; projects are read from their restore result (obj/project.assets.json)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var bom = new Option<FileInfo?>("--bom") { Description = "A CycloneDX JSON BOM whose components have pkg:nuget purls (the same as giving it as input)" };
        var advisories = new Option<string[]>("--advisories") { Description = "OSV advisory directories or zips (repeatable): a checkout of github/advisory-database, osv.dev's NuGet/all.zip", AllowMultipleArgumentsPerToken = true };
        var vendor = new Option<string[]>("--vendor-advisories") { Description = "Your own OSV advisories (repeatable); not held to --max-age-days", AllowMultipleArgumentsPerToken = true };
        var packageSources = new Option<bool>("--package-sources") { Description = "Also read the vulnerability data (VulnerabilityInfo) of the NuGet package sources of the nuget.config that applies" };
        var level = new Option<string>("--level") { Description = "Lowest severity that fails: low, moderate, high, critical", DefaultValueFactory = _ => "high" };
        var mode = new Option<string>("--mode") { Description = "all (direct and transitive packages) or direct", DefaultValueFactory = _ => "all" };
        var maxAge = new Option<string?>("--max-age-days") { Description = "Warn when advisory data is older than this many days (default 7; 0: off)" };
        var suppressions = new Option<FileInfo?>("--suppressions") { Description = "A suppressions file: accepted decisions, published as VEX statements" };
        var includeTests = new Option<bool>("--include-tests") { Description = "Audit test projects of a solution or folder too (they are not shipped, so they are left out by default)" };
        var report = new Option<FileInfo?>("--report") { Description = "Write the audit report (JSON) here (a BOM or one project only)" };
        var output = new Option<DirectoryInfo?>("--output") { Description = "Write audit.json, audit.md, audit.sarif and vex.cdx.json here (for a solution or folder, a folder per project)" };
        var cache = new Option<DirectoryInfo?>("--cache") { Description = "The advisory cache folder (default: the per-user one the build uses)" };
        var command = new Command("audit", "Check the NuGet packages of projects, or of any CycloneDX BOM, against advisory sources.\n\n" + ExitCodes.Help)
        {
            input, bom, advisories, vendor, packageSources, level, mode, maxAge, suppressions, includeTests, report, output, cache,
        };

        command.SetAction(result =>
        {
            var json = Output.Json(result);
            var messages = new List<BuildMessage>();
            var threshold = AuditLevel.Parse(result.GetValue(level), messages);
            var scope = AuditSettings.ParseMode(result.GetValue(mode), messages);
            var days = AuditSettings.ParseMaxAgeDays(result.GetValue(maxAge), messages);
            var advisoryCache = AdvisorySources.Cache(result.GetValue(cache)?.FullName);
            var offline = AdvisorySources.FromPaths(result.GetValue(advisories) ?? Array.Empty<string>(), vendor: false, advisoryCache, messages);
            var own = AdvisorySources.FromPaths(result.GetValue(vendor) ?? Array.Empty<string>(), vendor: true, advisoryCache, messages);
            var path = result.GetValue(input) ?? result.GetValue(bom)?.FullName;
            if (threshold is null || scope is null || days is null || offline is null || own is null || path is null)
            {
                Output.Messages(messages, json);
                if (path is null)
                {
                    Console.Error.WriteLine("securedev audit: give a project, solution, folder or CycloneDX BOM to audit.");
                }

                return ExitCodes.UsageOrInputError;
            }

            var asBom = result.GetValue(input) is null || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            var targets = Targets(path, asBom, result.GetValue(includeTests), json, messages, out var problem);
            // A solution or folder gets a folder of reports per project, however many of its projects are audited.
            // A multi-targeted project gets a folder per target framework.
            var perProject = !asBom && (!path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || targets.Count > 1);
            Output.Messages(messages, json);
            if (problem is not null || targets.Count == 0)
            {
                Console.Error.WriteLine("securedev audit: " + (problem ?? $"no project under '{path}' could be audited."));
                return ExitCodes.UsageOrInputError;
            }

            if (result.GetValue(report) is not null && perProject)
            {
                Console.Error.WriteLine("securedev audit: --report takes a BOM or one project; use --output for a solution or folder.");
                return ExitCodes.UsageOrInputError;
            }

            var failed = false;
            var reports = new List<string>();
            foreach (var target in targets)
            {
                var sources = new List<IAdvisorySource>(own);
                sources.AddRange(offline);
                var perTarget = new List<BuildMessage>();
                if (result.GetValue(packageSources))
                {
                    sources.AddRange(AdvisorySources.FromPackageSources(Array.Empty<string>(), target.Directory, null, advisoryCache, perTarget, target.LocationFile));
                }

                var options = new AuditOptions
                {
                    Level = threshold.Value,
                    Mode = scope.Value,
                    MaxAgeDays = days.Value,
                    SuppressionsFile = result.GetValue(suppressions)?.FullName,
                    File = target.LocationFile,
                };
                var audit = Auditor.Audit(target.Bom, sources, options, perTarget);
                Output.Messages(perTarget, json);
                failed |= audit.Failed;
                reports.Add(Write(audit, target, result.GetValue(report), result.GetValue(output), perProject));
                (json ? Console.Error : Console.Out).WriteLine(Summary(target.Name, audit));
            }

            if (json)
            {
                // The audit report is the machine-readable result: the report itself for a BOM or a project, the
                // projects' reports for a solution or folder.
                if (perProject)
                {
                    Output.WriteJson(new { projects = reports.Select(r => System.Text.Json.JsonDocument.Parse(r).RootElement).ToList() });
                }
                else
                {
                    Console.Out.Write(reports[0]);
                }
            }

            return failed ? ExitCodes.CheckFailed : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A BOM file, or the restored projects of a solution, folder or project file.</summary>
    private static IReadOnlyList<AuditTarget> Targets(string path, bool asBom, bool includeTests, bool json, ICollection<BuildMessage> messages, out string? problem)
    {
        problem = null;
        var full = Path.GetFullPath(path);
        if (asBom && File.Exists(full))
        {
            try
            {
                var document = AuditInput.ReadBom(full);
                return new[] { new AuditTarget(document.Metadata?.Component?.Name ?? Path.GetFileName(full), document, full, Path.GetDirectoryName(full)!) };
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                problem = $"'{full}' is not a CycloneDX JSON BOM ({e.Message}).";
                return Array.Empty<AuditTarget>();
            }
        }

        if (!File.Exists(full) && !Directory.Exists(full))
        {
            problem = $"'{full}' does not exist.";
            return Array.Empty<AuditTarget>();
        }

        IReadOnlyList<ProjectEntry> projects;
        try
        {
            projects = ProjectSet.Discover(full);
        }
        catch (FileNotFoundException e)
        {
            problem = e.Message;
            return Array.Empty<AuditTarget>();
        }

        var skipped = projects.Where(p => p.IsTest && !includeTests).ToList();
        foreach (var test in skipped)
        {
            (json ? Console.Error : Console.Out).WriteLine($"{test.Name}: a test project, not shipped; left out (--include-tests audits it too)");
        }

        return AuditInput.FromProjects(projects.Except(skipped), messages);
    }

    /// <summary>Writes the reports asked for; returns the audit report (JSON).</summary>
    private static string Write(AuditResult audit, AuditTarget target, FileInfo? report, DirectoryInfo? output, bool perProject)
    {
        var timestamp = DateTimeOffset.TryParse(target.Bom.Metadata?.Timestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time : BuildTimestamp.Resolve(null);
        var project = target.Bom.Metadata?.Component?.Name ?? target.Name;
        var json = AuditReport.ToJson(audit, project, timestamp);
        if (report is not null)
        {
            AtomicFile.WriteAllText(report.FullName, json);
        }

        if (output is not null)
        {
            var directory = perProject ? Path.Combine(output.FullName, target.Name) : output.FullName;
            AuditOutputs.In(directory).Write(audit, target.Bom, project, timestamp, target.LocationFile);
            if (!target.LocationFile.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                // The BOM the VEX links to, for projects audited from their restore result.
                AtomicFile.WriteAllText(Path.Combine(directory, "bom.cdx.json"), BomSerializer.Serialize(target.Bom, target.Bom.SerialNumber));
            }
        }

        return json;
    }

    private static string Summary(string name, AuditResult audit)
    {
        if (!audit.Checked)
        {
            return $"{name}: NOT CHECKED: no advisory source held data";
        }

        var open = audit.Findings.Count(f => f.Suppression is null);
        var suppressed = audit.Findings.Count - open;
        var verdict = audit.Failed ? "FAILED" : "passed";
        return $"{name}: {verdict}: {open} finding(s), {audit.Findings.Count(f => f.FailsBuild)} at or above {audit.Level.Name()}, {suppressed} accepted, in {audit.ComponentsChecked} components, against {audit.Sources.Count(s => s.IsUsed)} source(s)";
    }
}
