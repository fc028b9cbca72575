using NuGet.Packaging;
using NuGet.Packaging.Licenses;
using NuGet.ProjectModel;
using SecureDev.Core.Diagnostics;

namespace SecureDev.Core.Sbom;

/// <summary>How a package declares its license, in the order NuGet prefers them.</summary>
public enum LicenseKind
{
    /// <summary>No nuspec could be read: the license is unknown (not "none").</summary>
    Unknown,

    /// <summary>The nuspec declares no license at all.</summary>
    None,

    /// <summary>An SPDX license expression (&lt;license type="expression"&gt;).</summary>
    Expression,

    /// <summary>A license file inside the package (&lt;license type="file"&gt;).</summary>
    File,

    /// <summary>Only the deprecated &lt;licenseUrl&gt;: what it points at is not known from the package itself.</summary>
    Url,
}

/// <summary>What a package's nuspec says about it, as far as the SBOM needs it.</summary>
public sealed record PackageMetadata(
    string? Authors,
    string? Description,
    string? ProjectUrl,
    LicenseKind LicenseKind,
    string? License,
    string? LicenseUrl,
    bool IsSingleSpdxId,
    bool DevelopmentDependency)
{
    public static readonly PackageMetadata Unknown = new(null, null, null, LicenseKind.Unknown, null, null, false, false);

    /// <summary>Every dependency id the nuspec names, in any group (a cheap pre-check before the groups are parsed).</summary>
    internal IReadOnlySet<string> DeclaredDependencies { get; init; } = new HashSet<string>();

    /// <summary>The nuspec's dependency groups, parsed only when it names a package the SDK may have pruned.</summary>
    internal IReadOnlyList<PackageDependencyGroup>? DependencyGroups { get; init; }

    /// <summary>
    /// The dependencies the package declares for <paramref name="framework"/> (its nearest dependency group) that the
    /// SDK pruned: the framework provides them, so they are not in the graph.
    /// </summary>
    public IReadOnlyList<string> PrunedDependencies(NuGet.Frameworks.NuGetFramework framework, IReadOnlySet<string> packagesToPrune, IEnumerable<string> resolved)
    {
        if (packagesToPrune.Count == 0 || DependencyGroups is null || !DeclaredDependencies.Any(packagesToPrune.Contains))
        {
            return Array.Empty<string>();
        }

        var group = NuGet.Frameworks.NuGetFrameworkUtility.GetNearest(DependencyGroups, framework, g => g.TargetFramework);
        if (group is null)
        {
            return Array.Empty<string>();
        }

        var inGraph = new HashSet<string>(resolved, StringComparer.OrdinalIgnoreCase);
        return group.Packages
            .Select(p => p.Id)
            .Where(id => packagesToPrune.Contains(id) && !inGraph.Contains(id))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}

/// <summary>
/// Reads nuspecs from the package folders the assets file lists (the global packages folder and fallback folders),
/// with the SDK's NuGet.Packaging NuspecReader. A package that is not there, or whose nuspec is unreadable, gets
/// <see cref="PackageMetadata.Unknown"/> and an SD9021/SD9024 warning: the BOM says "unknown", the build goes on.
/// </summary>
public sealed class PackageFolders
{
    private readonly IReadOnlyList<string> _folders;
    private readonly string _assetsPath;

    public PackageFolders(LockFile lockFile, string assetsPath)
    {
        _folders = lockFile.PackageFolders.Select(f => f.Path).Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        _assetsPath = assetsPath;
    }

    /// <summary>Folders given directly (tests, benchmarks).</summary>
    public PackageFolders(IReadOnlyList<string> folders, string assetsPath)
    {
        _folders = folders;
        _assetsPath = assetsPath;
    }

    /// <param name="packagesToPrune">The ids the SDK prunes for the target: the dependency groups are parsed only for a nuspec that names one.</param>
    public PackageMetadata Read(string id, string version, LockFileLibrary? library, ICollection<BuildMessage> messages, IReadOnlySet<string>? packagesToPrune = null)
    {
        var relative = library?.Path is { Length: > 0 } path ? path : id.ToLowerInvariant() + "/" + version.ToLowerInvariant();
        var nuspecName = library?.Files.FirstOrDefault(f => f.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase) && !f.Contains('/', StringComparison.Ordinal))
            ?? id.ToLowerInvariant() + ".nuspec";
        foreach (var folder in _folders)
        {
            var nuspec = Path.Combine(folder, relative, nuspecName);
            if (!File.Exists(nuspec))
            {
                continue;
            }

            try
            {
                return FromNuspec(new NuspecReader(Load(nuspec)), packagesToPrune);
            }
            // NuspecReader throws XML and packaging exceptions of several kinds for a damaged file; each means the same.
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                messages.Add(BuildRules.PackageMetadataUnreadable.At(
                    nuspec,
                    $"The nuspec of {id} {version} ('{nuspec}') could not be read ({e.Message.TrimEnd('.')}); its license, supplier and description are recorded as unknown in the SBOM. Clear the package from the folder ('dotnet nuget locals global-packages --clear' or delete '{Path.Combine(folder, relative)}') and restore again."));
                return PackageMetadata.Unknown;
            }
        }

        messages.Add(BuildRules.PackageNotInFolder.At(
            _assetsPath,
            $"{id} {version} is in the restore result but not in the package folder{(_folders.Count == 1 ? "" : "s")} ({(_folders.Count == 0 ? "none listed" : string.Join(", ", _folders))}); its license, supplier and description are recorded as unknown in the SBOM. Run 'dotnet restore' to bring the package back."));
        return PackageMetadata.Unknown;
    }

    // Whitespace and comments are not kept: a smaller tree to build and to search. No DTDs: a nuspec has none.
    private static readonly System.Xml.XmlReaderSettings NuspecSettings = new()
    {
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        DtdProcessing = System.Xml.DtdProcessing.Prohibit,
        XmlResolver = null,
    };

    private static System.Xml.Linq.XDocument Load(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.SequentialScan);
        using var reader = System.Xml.XmlReader.Create(stream, NuspecSettings);
        return System.Xml.Linq.XDocument.Load(reader);
    }

    internal static PackageMetadata FromNuspec(NuspecReader nuspec, IReadOnlySet<string>? packagesToPrune = null)
    {
        var licenseUrl = Value(nuspec.GetLicenseUrl());
        var kind = LicenseKind.None;
        string? license = null;
        var singleId = false;
        var metadata = nuspec.GetLicenseMetadata();
        if (metadata is not null && metadata.Type == LicenseType.Expression && !string.IsNullOrWhiteSpace(metadata.License))
        {
            kind = LicenseKind.Expression;
            license = metadata.License.Trim();
            singleId = metadata.LicenseExpression is NuGetLicense { IsStandardLicense: true, Plus: false };
        }
        else if (metadata is not null && metadata.Type == LicenseType.File && !string.IsNullOrWhiteSpace(metadata.License))
        {
            kind = LicenseKind.File;
            license = metadata.License.Trim();
        }
        else if (licenseUrl is not null)
        {
            kind = LicenseKind.Url;
        }

        // NuGet writes the deprecated URL next to an expression or file for old clients; it says nothing more then.
        if (kind is LicenseKind.Expression or LicenseKind.File && licenseUrl is not null && licenseUrl.StartsWith("https://aka.ms/deprecateLicenseUrl", StringComparison.OrdinalIgnoreCase))
        {
            licenseUrl = null;
        }

        var declared = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var dependencies = nuspec.Xml.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata")?.Elements().FirstOrDefault(e => e.Name.LocalName == "dependencies");
        foreach (var element in dependencies?.Descendants() ?? Enumerable.Empty<System.Xml.Linq.XElement>())
        {
            if (element.Name.LocalName == "dependency" && element.Attribute("id")?.Value is { Length: > 0 } id)
            {
                declared.Add(id);
            }
        }

        return new PackageMetadata(
            Value(nuspec.GetAuthors()),
            Value(nuspec.GetDescription()),
            Value(nuspec.GetProjectUrl()),
            kind,
            license,
            licenseUrl,
            singleId,
            nuspec.GetDevelopmentDependency())
        {
            DeclaredDependencies = declared,
            // Parsed now or never: keeping the XML of every nuspec alive until the BOM is built costs more than this.
            DependencyGroups = packagesToPrune is { Count: > 0 } && declared.Any(packagesToPrune.Contains) ? nuspec.GetDependencyGroups().ToList() : null,
        };
    }

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
