using System.Text.Json;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.IO;
using SecureDev.Core.Projects;
using SecureDev.Core.Sbom;

namespace SecureDev.Core.Advisories;

/// <summary>One thing to audit: its name, its BOM, and the file results point at (the project file, or the BOM).</summary>
public sealed record AuditTarget(string Name, Bom Bom, string LocationFile, string Directory);

/// <summary>
/// What the CLI audits: any CycloneDX JSON BOM with purls (nested components included, whatever tool wrote it), or the
/// projects of a solution, folder or project file, each from its restore result (obj/project.assets.json).
/// </summary>
public static class AuditInput
{
    /// <exception cref="InvalidDataException">The file is not a CycloneDX JSON BOM; the message says why.</exception>
    public static Bom ReadBom(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"it is not JSON ({e.Message})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("bomFormat", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != "CycloneDX")
            {
                throw new InvalidDataException("it has no \"bomFormat\": \"CycloneDX\" (only CycloneDX JSON BOMs are read)");
            }

            Bom bom;
            try
            {
                bom = root.Deserialize<Bom>(CanonicalJson.Options) ?? throw new InvalidDataException("it is empty");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"it does not have the CycloneDX shape ({e.Message})", e);
            }

            // CycloneDX nests components (an assembly's parts); the typed model keeps one level, so the nested ones are added.
            if (root.TryGetProperty("components", out var components) && components.ValueKind == JsonValueKind.Array)
            {
                bom.Components = new List<Component>();
                Flatten(components, bom.Components);
            }

            return bom;
        }
    }

    private static void Flatten(JsonElement components, List<Component> into)
    {
        foreach (var element in components.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
        {
            if (element.Deserialize<Component>(CanonicalJson.Options) is { } component)
            {
                into.Add(component);
            }

            if (element.TryGetProperty("components", out var nested) && nested.ValueKind == JsonValueKind.Array)
            {
                Flatten(nested, into);
            }
        }
    }

    /// <summary>The BOM of each project, from its restore result; a project that is not restored is reported (SD9020) and left out.</summary>
    public static IReadOnlyList<AuditTarget> FromProjects(IEnumerable<ProjectEntry> projects, ICollection<BuildMessage> messages)
    {
        var targets = new List<AuditTarget>();
        foreach (var project in projects)
        {
            var lockFile = AssetsFile.Read(Path.Combine(project.Directory, "obj", "project.assets.json"), messages);
            if (lockFile is null)
            {
                continue;
            }

            var assets = Path.Combine(project.Directory, "obj", "project.assets.json");
            var identity = new ProjectIdentity(project.Name, lockFile.PackageSpec.Version?.ToNormalizedString());
            var timestamp = BuildTimestamp.Resolve(project.Directory);
            var folders = new PackageFolders(lockFile, assets);
            // One BOM per target framework, as the build writes them; a multi-targeted project is audited per framework.
            // A runtime-specific graph holds the framework's packages and the runtime's own, so it is the one audited.
            var graphs = RestoreGraph.All(lockFile)
                .GroupBy(g => g.Framework, StringComparer.Ordinal)
                .Select(framework => framework.OrderBy(g => g.RuntimeIdentifier is null ? 1 : 0).ThenBy(g => g.Label, StringComparer.Ordinal).First())
                .ToList();
            foreach (var graph in graphs)
            {
                var bom = BomBuilder.Build(graph, identity, timestamp, folders, messages);
                // With its content-derived serial number: the CLI writes this BOM next to the VEX, which links to it.
                bom = CanonicalJson.Deserialize<Bom>(BomSerializer.Serialize(bom))!;
                var name = graphs.Count == 1 ? project.Name : project.Name + "/" + graph.Framework;
                targets.Add(new AuditTarget(name, bom, project.Path, project.Directory));
            }
        }

        return targets;
    }
}
