using NuGet.LibraryModel;
using NuGet.ProjectModel;

namespace SecureDev.Core.Sbom;

/// <summary>
/// Turns a restore result into a CycloneDX BOM: the project as metadata component, every package and project of the
/// resolved graph as a component, and the dependency graph. Edges are taken per restore target (framework and runtime),
/// so a dependency always points at the version resolved for the same target.
/// </summary>
public static class BomBuilder
{
    public const string ToolName = "SecureDev";

    public static Bom Build(LockFile lockFile, ProjectIdentity project, DateTimeOffset timestamp, string specVersion = "1.6")
    {
        var rootRef = RootRef(project);
        var libraries = lockFile.Libraries.ToDictionary(l => Key(l.Name, l.Version.ToNormalizedString()), StringComparer.OrdinalIgnoreCase);
        var components = new SortedDictionary<string, Component>(StringComparer.Ordinal);
        var edges = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal) { [rootRef] = new(StringComparer.Ordinal) };
        var frameworksByRef = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);

        foreach (var target in lockFile.Targets)
        {
            var framework = target.TargetFramework.GetShortFolderName() + (string.IsNullOrEmpty(target.RuntimeIdentifier) ? "" : "/" + target.RuntimeIdentifier);
            var refByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var library in target.Libraries)
            {
                if (library.Name is null || library.Version is null)
                {
                    continue;
                }

                var version = library.Version.ToNormalizedString();
                var isProject = library.Type == "project";
                var bomRef = isProject ? ProjectRef(library.Name, version) : Purl.NuGet(library.Name, version);
                refByName[library.Name] = bomRef;
                if (!components.ContainsKey(bomRef))
                {
                    libraries.TryGetValue(Key(library.Name, version), out var entry);
                    components[bomRef] = NewComponent(library.Name, version, bomRef, isProject, entry);
                }

                (frameworksByRef.TryGetValue(bomRef, out var set) ? set : frameworksByRef[bomRef] = new(StringComparer.Ordinal)).Add(framework);
            }

            foreach (var library in target.Libraries)
            {
                if (library.Name is null || !refByName.TryGetValue(library.Name, out var from))
                {
                    continue;
                }

                var dependsOn = edges.TryGetValue(from, out var existing) ? existing : edges[from] = new(StringComparer.Ordinal);
                foreach (var dependency in library.Dependencies)
                {
                    if (refByName.TryGetValue(dependency.Id, out var to))
                    {
                        dependsOn.Add(to);
                    }
                }
            }

            // The project's own references for this target: packages it names and projects it references.
            var direct = DirectReferences(lockFile, target.TargetFramework);
            var needed = new Stack<string>();
            foreach (var (name, excluded) in direct)
            {
                if (refByName.TryGetValue(name, out var to))
                {
                    edges[rootRef].Add(to);
                    if (!excluded)
                    {
                        needed.Push(to);
                    }
                }
            }

            // What a shipped (non PrivateAssets="all") reference pulls in is required; the rest only serves the build.
            while (needed.Count > 0)
            {
                var next = needed.Pop();
                if (required.Add(next) && edges.TryGetValue(next, out var children))
                {
                    foreach (var child in children)
                    {
                        needed.Push(child);
                    }
                }
            }
        }

        foreach (var (bomRef, component) in components)
        {
            if (!required.Contains(bomRef))
            {
                component.Scope = "excluded";
            }

            if (frameworksByRef.TryGetValue(bomRef, out var frameworks))
            {
                (component.Properties ??= new()).Add(new Property("securedev:targetFramework", string.Join(";", frameworks)));
            }
        }

        return new Bom
        {
            SpecVersion = specVersion,
            Metadata = new BomMetadata
            {
                Timestamp = BuildTimestamp.Format(timestamp),
                Lifecycles = new() { new Lifecycle { Phase = "build" } },
                Tools = new Tools { Components = new() { ToolComponent() } },
                Component = RootComponent(project, rootRef),
            },
            Components = components.Values.ToList(),
            Dependencies = edges
                .Where(e => e.Key == rootRef || components.ContainsKey(e.Key))
                .Select(e => new Dependency { Ref = e.Key, DependsOn = e.Value.ToList() })
                .Concat(components.Keys.Where(k => !edges.ContainsKey(k)).Select(k => new Dependency { Ref = k, DependsOn = new() }))
                .OrderBy(d => d.Ref, StringComparer.Ordinal)
                .ToList(),
        };
    }

    public static Component ToolComponent() => new()
    {
        Type = "application",
        Name = ToolName,
        Version = ToolVersion,
        Supplier = new OrganizationalEntity { Name = "SecureDev" },
    };

    /// <summary>The SecureDev version that wrote an output (informational version without build metadata).</summary>
    public static string ToolVersion { get; } = ReadToolVersion();

    private static string ReadToolVersion()
    {
        var attribute = typeof(BomBuilder).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault();
        var version = attribute?.InformationalVersion ?? typeof(BomBuilder).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version[..plus];
    }

    private static IEnumerable<(string Name, bool Excluded)> DirectReferences(LockFile lockFile, NuGet.Frameworks.NuGetFramework framework)
    {
        var spec = lockFile.PackageSpec;
        var information = spec?.TargetFrameworks.FirstOrDefault(t => t.FrameworkName.Equals(framework));
        if (information is not null)
        {
            foreach (var dependency in information.Dependencies)
            {
                yield return (dependency.Name, dependency.SuppressParent == LibraryIncludeFlags.All);
            }
        }

        var restore = spec?.RestoreMetadata?.TargetFrameworks.FirstOrDefault(t => t.FrameworkName.Equals(framework));
        if (restore is not null)
        {
            foreach (var reference in restore.ProjectReferences)
            {
                var name = Path.GetFileNameWithoutExtension(reference.ProjectPath);
                yield return (name, reference.PrivateAssets == LibraryIncludeFlags.All);
            }
        }
    }

    private static Component NewComponent(string name, string version, string bomRef, bool isProject, LockFileLibrary? library)
    {
        var component = new Component
        {
            Type = "library",
            BomRef = bomRef,
            Name = name,
            Version = version,
            Purl = isProject ? null : bomRef,
        };
        if (!isProject && library?.Sha512 is { Length: > 0 } sha512 && TryHex(sha512, out var hex))
        {
            component.Hashes = new() { new Hash { Algorithm = "SHA-512", Content = hex } };
        }

        return component;
    }

    private static Component RootComponent(ProjectIdentity project, string rootRef) => new()
    {
        Type = project.ComponentType,
        BomRef = rootRef,
        Supplier = project.Supplier is null ? null : new OrganizationalEntity { Name = project.Supplier },
        Name = project.Name,
        Version = project.Version,
        Description = project.Description,
        Purl = project.PackageId is null || project.Version is null ? null : Purl.NuGet(project.PackageId, project.Version),
    };

    private static string RootRef(ProjectIdentity project) =>
        project.PackageId is not null && project.Version is not null ? Purl.NuGet(project.PackageId, project.Version) : ProjectRef(project.Name, project.Version ?? "0.0.0");

    private static string ProjectRef(string name, string version) => "project:" + name + "@" + version;

    private static string Key(string name, string version) => name + "/" + version;

    /// <summary>The assets file holds base64; CycloneDX wants hex.</summary>
    private static bool TryHex(string base64, out string hex)
    {
        try
        {
            hex = Convert.ToHexString(Convert.FromBase64String(base64)).ToLowerInvariant();
            return true;
        }
        catch (FormatException)
        {
            hex = string.Empty;
            return false;
        }
    }
}
