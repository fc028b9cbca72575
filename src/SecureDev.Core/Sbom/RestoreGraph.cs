using NuGet.Frameworks;
using NuGet.LibraryModel;
using NuGet.ProjectModel;
using SecureDev.Core.Diagnostics;

namespace SecureDev.Core.Sbom;

/// <summary>A package or project the restore resolved for one target, with the nodes it depends on in that same target.</summary>
public sealed class GraphNode
{
    internal GraphNode(string name, string version, bool isProject, LockFileLibrary? library, LockFileTargetLibrary targetLibrary)
    {
        Name = name;
        Version = version;
        IsProject = isProject;
        Library = library;
        TargetLibrary = targetLibrary;
    }

    public string Name { get; }

    public string Version { get; }

    public bool IsProject { get; }

    /// <summary>The assets file's "libraries" entry (hash, path in the package folder, file list); null if the restore result lacks it.</summary>
    public LockFileLibrary? Library { get; }

    public LockFileTargetLibrary TargetLibrary { get; }

    public List<GraphNode> DependsOn { get; } = new();

    /// <summary>
    /// A package that only brings Roslyn analyzers (and MSBuild props): nothing of it is compiled against or shipped.
    /// </summary>
    public bool IsAnalyzerOnly =>
        !IsProject
        && Library is not null
        && Library.Files.Any(f => f.StartsWith("analyzers/", StringComparison.OrdinalIgnoreCase))
        && !HasAssets(TargetLibrary.CompileTimeAssemblies)
        && !HasAssets(TargetLibrary.RuntimeAssemblies)
        && !HasAssets(TargetLibrary.NativeLibraries)
        && !HasAssets(TargetLibrary.ResourceAssemblies)
        && !HasAssets(TargetLibrary.RuntimeTargets)
        && !HasAssets(TargetLibrary.ContentFiles)
        && TargetLibrary.FrameworkAssemblies.Count == 0
        && TargetLibrary.FrameworkReferences.Count == 0;

    // "_._" marks an empty folder: the package has that asset kind for other frameworks only.
    private static bool HasAssets<T>(IList<T> items) where T : LockFileItem =>
        items.Any(i => !i.Path.EndsWith("/_._", StringComparison.Ordinal) && i.Path != "_._");
}

/// <summary>A reference the project itself makes for the target: a PackageReference or a ProjectReference.</summary>
/// <param name="PrivateAll">PrivateAssets="all": used to build, not shipped with the project.</param>
public sealed record DirectReference(GraphNode Node, bool PrivateAll);

/// <summary>
/// The graph the restore resolved for one target (a framework, optionally with a runtime identifier): exactly what the
/// build of that target compiles against and ships, read from the assets file the SDK's ResolvePackageAssets reads.
/// </summary>
public sealed class RestoreGraph
{
    private RestoreGraph(LockFile lockFile, LockFileTarget target, string framework, IReadOnlyList<GraphNode> nodes, IReadOnlyList<DirectReference> direct, IReadOnlySet<string> packagesToPrune)
    {
        PackagesToPrune = packagesToPrune;
        LockFile = lockFile;
        Target = target;
        Framework = framework;
        Nodes = nodes;
        Direct = direct;
    }

    public LockFile LockFile { get; }

    public LockFileTarget Target { get; }

    /// <summary>The target framework's short name (net8.0), as the project names it.</summary>
    public string Framework { get; }

    public string? RuntimeIdentifier => string.IsNullOrEmpty(Target.RuntimeIdentifier) ? null : Target.RuntimeIdentifier;

    /// <summary>The target's label in messages and merged BOMs: net8.0 or net8.0/linux-x64.</summary>
    public string Label => RuntimeIdentifier is null ? Framework : Framework + "/" + RuntimeIdentifier;

    /// <summary>Every package and project of the target, sorted by name and version.</summary>
    public IReadOnlyList<GraphNode> Nodes { get; }

    public IReadOnlyList<DirectReference> Direct { get; }

    /// <summary>
    /// The ids the SDK prunes for this framework (PrunePackageReference, on by default since SDK 10): the framework
    /// provides them, so restore drops them from the graph and from every package's dependency list.
    /// </summary>
    public IReadOnlySet<string> PackagesToPrune { get; }

    /// <summary>
    /// The graph of the target being built. <paramref name="targetFramework"/> is the project's TargetFramework (its
    /// alias, as in net8.0 or net8.0-windows); null picks the only framework of a single-targeted restore.
    /// <paramref name="runtimeIdentifier"/> selects the runtime-specific graph a RID build uses. Null with an SD9022
    /// message when the restore has no such graph.
    /// </summary>
    public static RestoreGraph? Select(LockFile lockFile, string? targetFramework, string? runtimeIdentifier, string assetsPath, ICollection<BuildMessage> messages)
    {
        var spec = lockFile.PackageSpec;
        NuGetFramework? framework = null;
        if (targetFramework is not null)
        {
            framework = spec.TargetFrameworks.FirstOrDefault(t => string.Equals(t.TargetAlias, targetFramework, StringComparison.OrdinalIgnoreCase))?.FrameworkName
                ?? NuGetFramework.Parse(targetFramework);
        }
        else
        {
            var frameworks = lockFile.Targets.Select(t => t.TargetFramework).Distinct().ToList();
            if (frameworks.Count == 1)
            {
                framework = frameworks[0];
            }
        }

        var rid = string.IsNullOrWhiteSpace(runtimeIdentifier) ? null : runtimeIdentifier.Trim();
        var target = framework is null ? null : lockFile.GetTarget(framework, rid);
        if (target is null)
        {
            var wanted = (targetFramework ?? "(none given)") + (rid is null ? "" : "/" + rid);
            var available = string.Join(", ", lockFile.Targets.Select(t => t.Name).Order(StringComparer.Ordinal));
            messages.Add(BuildRules.TargetNotRestored.At(
                assetsPath,
                $"The restore result '{assetsPath}' has no dependency graph for {wanted} (it has: {(available.Length == 0 ? "none" : available)}). Restore again with the same TargetFramework and RuntimeIdentifier as the build, e.g. 'dotnet restore -r {rid ?? "<rid>"}'."));
            return null;
        }

        return Build(lockFile, target);
    }

    /// <summary>Every graph of the restore (each framework, and each runtime-specific graph).</summary>
    public static IEnumerable<RestoreGraph> All(LockFile lockFile) => lockFile.Targets.Select(t => Build(lockFile, t));

    private static RestoreGraph Build(LockFile lockFile, LockFileTarget target)
    {
        var libraries = new Dictionary<(string, string), LockFileLibrary>();
        foreach (var library in lockFile.Libraries)
        {
            if (library.Name is not null && library.Version is not null)
            {
                libraries[(library.Name.ToLowerInvariant(), library.Version.ToNormalizedString().ToLowerInvariant())] = library;
            }
        }

        var byName = new Dictionary<string, GraphNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var library in target.Libraries)
        {
            if (library.Name is null || library.Version is null)
            {
                continue;
            }

            var version = library.Version.ToNormalizedString();
            libraries.TryGetValue((library.Name.ToLowerInvariant(), version.ToLowerInvariant()), out var entry);
            byName[library.Name] = new GraphNode(library.Name, version, library.Type == "project", entry, library);
        }

        var frameworkInfo = lockFile.PackageSpec.TargetFrameworks.FirstOrDefault(t => t.FrameworkName.Equals(target.TargetFramework));
        foreach (var node in byName.Values)
        {
            foreach (var dependency in node.TargetLibrary.Dependencies)
            {
                if (byName.TryGetValue(dependency.Id, out var to))
                {
                    node.DependsOn.Add(to);
                }
            }

            node.DependsOn.Sort(Compare);
        }

        var direct = new List<DirectReference>();
        foreach (var dependency in frameworkInfo?.Dependencies ?? Enumerable.Empty<LibraryDependency>())
        {
            if (byName.TryGetValue(dependency.Name, out var node))
            {
                direct.Add(new DirectReference(node, dependency.SuppressParent == LibraryIncludeFlags.All));
            }
        }

        var restore = lockFile.PackageSpec.RestoreMetadata?.TargetFrameworks.FirstOrDefault(t => t.FrameworkName.Equals(target.TargetFramework));
        foreach (var reference in restore?.ProjectReferences ?? Enumerable.Empty<ProjectRestoreReference>())
        {
            // The project's library entry is keyed by its restore name; its path identifies it whatever that name is.
            var node = byName.Values.FirstOrDefault(n => n.IsProject && n.Library?.MSBuildProject is { } path && SamePath(lockFile, path, reference.ProjectPath))
                ?? (byName.TryGetValue(Path.GetFileNameWithoutExtension(reference.ProjectPath), out var byFile) ? byFile : null);
            if (node is not null)
            {
                direct.Add(new DirectReference(node, reference.PrivateAssets == LibraryIncludeFlags.All));
            }
        }

        var nodes = byName.Values.ToList();
        nodes.Sort(Compare);
        direct.Sort((a, b) => Compare(a.Node, b.Node));
        var pruned = new HashSet<string>(frameworkInfo?.PackagesToPrune?.Keys ?? Enumerable.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        return new RestoreGraph(lockFile, target, frameworkInfo?.TargetAlias is { Length: > 0 } alias ? alias : target.TargetFramework.GetShortFolderName(), nodes, direct, pruned);
    }

    private static bool SamePath(LockFile lockFile, string relativeToProject, string absolute)
    {
        var projectDirectory = Path.GetDirectoryName(lockFile.PackageSpec.RestoreMetadata?.ProjectPath ?? lockFile.PackageSpec.FilePath ?? "");
        if (string.IsNullOrEmpty(projectDirectory))
        {
            return false;
        }

        var full = Path.GetFullPath(Path.Combine(projectDirectory, relativeToProject.Replace('\\', Path.DirectorySeparatorChar)));
        return string.Equals(full, Path.GetFullPath(absolute), StringComparison.OrdinalIgnoreCase);
    }

    internal static int Compare(GraphNode a, GraphNode b)
    {
        // Names are unique within a graph; the rest only makes the order total.
        var byName = StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name);
        return byName != 0 ? byName : StringComparer.Ordinal.Compare(a.Version, b.Version);
    }
}
