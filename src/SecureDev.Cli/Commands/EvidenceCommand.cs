using System.CommandLine;
using System.Diagnostics;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Evidence;
using SecureDev.Core.Projects;

namespace SecureDev.Cli.Commands;

/// <summary>
/// securedev evidence &lt;solution|folder|project&gt; --release &lt;version&gt;: collects the evidence of the projects' builds into one
/// release bundle (evidence.json, index.html, manifest.json and the projects' records) with the IEC 62443-4-1 requirement matrix.
/// </summary>
internal static class EvidenceCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path")
        {
            Description = "A solution (.sln, .slnx), a folder with projects, or a project file (.csproj)",
        };
        var release = new Option<string>("--release") { Description = "The release (version) the bundle is the evidence of, e.g. 2.3.0", Required = true };
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "The bundle folder to write (replaced if it holds an earlier bundle). Default: securedev-evidence-<release>" };
        var configuration = new Option<string>("--configuration", "-c") { Description = "The build configuration whose evidence is collected (and built with --build)", DefaultValueFactory = _ => "Release" };
        var includeTests = new Option<bool>("--include-tests") { Description = "Also collect test projects (left out by default: they are not shipped)" };
        var build = new Option<bool>("--build") { Description = "Build first (dotnet build of the solution, or of each project of the folder) so the evidence is fresh" };
        var command = new Command("evidence", "Collect the projects' build evidence into one release bundle with the IEC 62443-4-1 requirement matrix.\n\n" + ExitCodes.Help)
        {
            path, release, output, configuration, includeTests, build,
        };
        command.SetAction(result =>
        {
            var json = Output.Json(result);
            var input = Path.GetFullPath(result.GetValue(path)!);
            var version = result.GetValue(release)!.Trim();
            var config = result.GetValue(configuration)!;
            var folder = result.GetValue(output)?.FullName ?? Path.GetFullPath($"securedev-evidence-{version}");
            if (version.Length == 0 || version.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                Console.Error.WriteLine($"securedev evidence: '{version}' is not a release version.");
                return ExitCodes.UsageOrInputError;
            }

            if (!File.Exists(input) && !Directory.Exists(input))
            {
                Console.Error.WriteLine($"securedev evidence: '{input}' does not exist.");
                return ExitCodes.UsageOrInputError;
            }

            try
            {
                if (result.GetValue(build) && Build(input, config, result.GetValue(includeTests)) is { } failure)
                {
                    // A failed build may still have written its evidence (an audit gate fails the build after it); the
                    // bundle says what is missing or stale. Only a build that could not start stops here.
                    if (failure < 0)
                    {
                        return ExitCodes.UsageOrInputError;
                    }
                }

                var bundle = ReleaseBundle.Collect(input, version, config, result.GetValue(includeTests), progress: p => Output.Progress("evidence", p));
                if (bundle.Builds.Count == 0)
                {
                    Console.Error.WriteLine($"securedev evidence: no project to release in '{input}'{(bundle.Excluded.Count > 0 ? $" ({bundle.Excluded.Count} test project(s) left out; --include-tests adds them)" : "")}.");
                    return ExitCodes.UsageOrInputError;
                }

                var fingerprint = bundle.Write(folder, p => Output.Progress("evidence", p));
                var messages = bundle.Messages();
                foreach (var message in messages)
                {
                    Console.Error.WriteLine(message);
                }

                var exit = !bundle.Complete ? ExitCodes.Incomplete : !bundle.Passing ? ExitCodes.CheckFailed : ExitCodes.Success;
                if (json)
                {
                    Output.WriteJson(new
                    {
                        bundle = folder,
                        release = version,
                        complete = bundle.Complete,
                        releaseGate = bundle.ReleaseGate,
                        fingerprint,
                        exitCode = exit,
                        requirements = bundle.Requirements.Select(r => new { id = r.Id, status = r.Status }),
                        messages = messages.Select(m => new { id = m.Rule.Id, severity = m.Severity.ToString().ToLowerInvariant(), file = m.File, message = m.Text }),
                    });
                }
                else
                {
                    Console.WriteLine($"Evidence bundle for release {version}: {folder}");
                    foreach (var requirement in bundle.Requirements)
                    {
                        Console.WriteLine($"  {requirement.Id,-6} {requirement.Status,-8} {requirement.Title}");
                    }

                    Console.WriteLine($"Evidence {(bundle.Complete ? "complete" : "INCOMPLETE")}; release gate {bundle.ReleaseGate}.");
                    Console.WriteLine($"Fingerprint (SHA-256 of manifest.json): {fingerprint}");
                    Console.WriteLine($"Record it with the release; 'securedev verify {folder} --fingerprint {fingerprint}' proves the bundle unchanged.");
                }

                return exit;
            }
            catch (FileNotFoundException e)
            {
                Console.Error.WriteLine($"securedev evidence: {e.Message}");
                return ExitCodes.UsageOrInputError;
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"securedev evidence: error {BuildRules.EvidenceFileUnreadable.Id}: {e.Message} No bundle was written.");
                return ExitCodes.UsageOrInputError;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"securedev evidence: error {BuildRules.EvidenceFileUnreadable.Id}: {e.Message} No bundle was written.");
                return ExitCodes.UsageOrInputError;
            }
        });
        return command;
    }

    /// <summary>Runs dotnet build of the solution or project, or of each project of a folder; null when every build passed, its exit code otherwise (-1: could not start).</summary>
    private static int? Build(string input, string configuration, bool includeTests)
    {
        var targets = Directory.Exists(input)
            ? ProjectSet.Discover(input).Where(p => includeTests || !p.IsTest).Select(p => p.Path).ToList()
            : new List<string> { input };
        int? failed = null;
        for (var i = 0; i < targets.Count; i++)
        {
            Output.Progress("evidence", $"[{i + 1}/{targets.Count}] dotnet build {targets[i]} -c {configuration}");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "build", targets[i], "-c", configuration, "-nologo" })
            {
                start.ArgumentList.Add(argument);
            }

            try
            {
                using var process = Process.Start(start)!;
                // The build's own output goes to standard error, so standard output stays the command's result.
                process.OutputDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
                process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    Output.Progress("evidence", $"dotnet build exited with {process.ExitCode}; collecting what the build left");
                    failed = process.ExitCode;
                }
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                Console.Error.WriteLine($"securedev evidence: could not run 'dotnet build': {e.Message}");
                return -1;
            }
        }

        return failed;
    }
}
