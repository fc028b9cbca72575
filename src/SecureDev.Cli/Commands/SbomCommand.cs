using System.CommandLine;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.IO;
using SecureDev.Core.Projects;
using SecureDev.Core.Sbom;

namespace SecureDev.Cli.Commands;

/// <summary>
/// securedev sbom merge &lt;solution|folder|project&gt; --output release.cdx.json: one release BOM from the BOMs the
/// builds of the shipped projects left in their evidence folders (one per project and target framework).
/// </summary>
internal static class SbomCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A solution (.sln, .slnx), a folder of projects, or one project file" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the release BOM (CycloneDX JSON)", Required = true };
        var includeTests = new Option<bool>("--include-tests") { Description = "Also merge test projects (left out by default: they are not shipped)" };
        var spec = new Option<string>("--spec") { Description = "CycloneDX version of the release BOM: 1.5, 1.6 or 1.7", DefaultValueFactory = _ => SbomSettings.DefaultSpecVersion };
        var configuration = new Option<string?>("--configuration", "-c") { Description = "The build configuration whose BOMs to merge (needed when a project was built in several)" };
        var name = new Option<string?>("--name") { Description = "The release's name (default: the solution's or folder's name)" };
        var version = new Option<string?>("--version") { Description = "The release's version" };
        var serial = new Option<string?>("--serial-number") { Description = "A serial number (urn:uuid:...) instead of one derived from the content" };
        var merge = new Command("merge", "Merge the BOMs of a solution's shipped projects (every target framework) into one release BOM: components deduplicated, each framework's graph kept.")
        {
            path, output, includeTests, spec, configuration, name, version, serial,
        };
        merge.SetAction(result => Merge(
            result.GetValue(path)!,
            result.GetValue(output)!,
            result.GetValue(includeTests),
            result.GetValue(spec),
            result.GetValue(configuration),
            result.GetValue(name),
            result.GetValue(version),
            result.GetValue(serial)));
        return new Command("sbom", "Work with the CycloneDX SBOMs the build writes.") { merge };
    }

    private static int Merge(string path, FileInfo output, bool includeTests, string? spec, string? configuration, string? name, string? version, string? serial)
    {
        var messages = new List<BuildMessage>();
        var specVersion = SbomSettings.SpecVersion(spec, null, messages, "--spec");
        var serialValid = SbomSettings.SerialNumber(serial, null, messages, "--serial-number");
        if (specVersion is null || !serialValid)
        {
            Output.Messages(messages, json: false);
            return ExitCodes.UsageOrInputError;
        }

        IReadOnlyList<ProjectEntry> projects;
        try
        {
            projects = ProjectSet.Discover(path);
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine("securedev sbom merge: " + e.Message);
            return ExitCodes.UsageOrInputError;
        }

        var shipped = projects.Where(p => includeTests || !p.IsTest).ToList();
        foreach (var test in projects.Where(p => p.IsTest && !includeTests))
        {
            Console.WriteLine($"left out (test project): {test.Name}");
        }

        var inputs = new List<LabeledBom>();
        var problems = new List<string>();
        foreach (var project in shipped)
        {
            var folders = project.EvidenceFolders(configuration);
            var configurations = folders.Select(f => Path.GetFileName(Path.GetDirectoryName(f))).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (folders.Count == 0)
            {
                problems.Add($"{project.Name}: no SBOM; build it with SecureDev{(configuration is null ? "" : " in " + configuration)} first ({project.Path}).");
                continue;
            }

            if (configurations.Count > 1)
            {
                problems.Add($"{project.Name}: built in several configurations ({string.Join(", ", configurations)}); choose one with --configuration.");
                continue;
            }

            foreach (var folder in folders)
            {
                var file = Path.Combine(folder, "bom.cdx.json");
                var label = project.Name + "/" + Path.GetFileName(folder);
                try
                {
                    var bom = CanonicalJson.Deserialize<Bom>(File.ReadAllText(file)) ?? throw new InvalidDataException("empty document");
                    if (bom.Metadata?.Component?.BomRef is null)
                    {
                        throw new InvalidDataException("it has no metadata component with a bom-ref");
                    }

                    inputs.Add(new LabeledBom(bom, label));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
                {
                    problems.Add($"{label}: '{file}' is not a readable SecureDev BOM ({e.Message.TrimEnd('.')}). Build the project again.");
                }
            }
        }

        if (problems.Count > 0 || inputs.Count == 0)
        {
            foreach (var problem in problems)
            {
                Console.Error.WriteLine("securedev sbom merge: " + problem);
            }

            if (inputs.Count == 0 && problems.Count == 0)
            {
                Console.Error.WriteLine($"securedev sbom merge: '{path}' has no shipped projects.");
            }

            return ExitCodes.UsageOrInputError;
        }

        var fullPath = Path.GetFullPath(path);
        var release = new Component
        {
            Type = "application",
            Name = name ?? (File.Exists(fullPath) ? Path.GetFileNameWithoutExtension(fullPath) : new DirectoryInfo(fullPath).Name),
            Version = version,
        };
        var merged = BomMerger.Merge(inputs, release, specVersion);
        try
        {
            AtomicFile.WriteAllText(output.FullName, BomSerializer.Serialize(merged, serial));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"securedev sbom merge: {BuildRules.OutputNotWritten.Id}: the release BOM could not be written to '{output.FullName}': {e.Message} Nothing was written.");
            return ExitCodes.UsageOrInputError;
        }

        Console.WriteLine($"release BOM: {output.FullName}: {inputs.Count} BOM(s) of {inputs.Select(i => i.Label.Split('/')[0]).Distinct().Count()} project(s), {merged.Components!.Count} components");
        return ExitCodes.Success;
    }
}
