using System.CommandLine;
using System.Text.Json;
using SecureDev.Core.Evidence;

namespace SecureDev.Cli.Commands;

/// <summary>
/// securedev verify &lt;folder&gt;: checks a project's evidence folder or a release bundle against its SHA-256 manifest. For
/// a bundle it also checks each project folder's own manifest, that evidence.json is the bundle's, and optionally
/// the fingerprint recorded with the release.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "An evidence folder or a release bundle (a folder with a manifest.json)" };
        var fingerprint = new Option<string?>("--fingerprint") { Description = "The bundle's fingerprint recorded with the release (SHA-256 of manifest.json, printed by 'securedev evidence'): proves the manifest itself is unchanged" };
        var command = new Command("verify", "Check every file of an evidence folder or release bundle against its SHA-256 manifest: changed, missing and extra files fail.\n\n" + ExitCodes.Help)
        {
            folder, fingerprint,
        };
        command.SetAction(result =>
        {
            var directory = result.GetValue(folder)!;
            if (!directory.Exists)
            {
                Console.Error.WriteLine($"securedev verify: '{directory.FullName}' does not exist.");
                return ExitCodes.UsageOrInputError;
            }

            var problems = new List<string>(Manifest.Verify(directory.FullName));
            var isBundle = File.Exists(Path.Combine(directory.FullName, ReleaseBundle.EvidenceFile));
            if (isBundle)
            {
                try
                {
                    using var evidence = ReleaseBundle.ReadEvidence(directory.FullName);
                    if (evidence is null)
                    {
                        problems.Add($"not a SecureDev bundle: {ReleaseBundle.EvidenceFile} has another schema");
                    }
                }
                catch (JsonException e)
                {
                    problems.Add($"unreadable: {ReleaseBundle.EvidenceFile} ({e.Message})");
                }

                // Each project's folder keeps the manifest its build wrote: a change made consistently to the bundle's
                // manifest still shows there.
                var projects = Path.Combine(directory.FullName, ReleaseBundle.ProjectsFolder);
                if (Directory.Exists(projects))
                {
                    foreach (var manifest in Directory.EnumerateFiles(projects, Manifest.FileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    {
                        var projectFolder = Path.GetDirectoryName(manifest)!;
                        var prefix = Path.GetRelativePath(directory.FullName, projectFolder).Replace('\\', '/') + "/";
                        problems.AddRange(Manifest.Verify(projectFolder).Select(p => p.Replace(": ", ": " + prefix, StringComparison.Ordinal)).Where(p => !problems.Contains(p)));
                    }
                }
            }

            string? actual = null;
            if (result.GetValue(fingerprint) is { } expected)
            {
                actual = File.Exists(Path.Combine(directory.FullName, Manifest.FileName)) ? ReleaseBundle.Fingerprint(directory.FullName) : null;
                if (!string.Equals(actual, expected.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"fingerprint: {Manifest.FileName} has SHA-256 {actual ?? "(none)"}, the release recorded {expected.Trim()}");
                }
            }

            var exit = problems.Count == 0 ? ExitCodes.Success : ExitCodes.CheckFailed;
            if (Output.Json(result))
            {
                Output.WriteJson(new { path = directory.FullName, kind = isBundle ? "bundle" : "folder", intact = problems.Count == 0, problems, exitCode = exit });
            }
            else
            {
                foreach (var problem in problems)
                {
                    Console.WriteLine(problem);
                }

                Console.WriteLine(problems.Count == 0 ? $"intact: {directory.FullName}" : $"NOT intact: {problems.Count} problem(s) in {directory.FullName}");
            }

            return exit;
        });
        return command;
    }
}
