using SecureDev.Core.Diagnostics;

namespace SecureDev.Core.Sbom;

/// <summary>
/// Turns the restore graph of one target into a CycloneDX BOM: the project as metadata component, every package and
/// project of that graph as a component with its nuspec metadata, and the graph's own edges. One BOM describes one
/// target framework (and runtime identifier) because that is what one build ships: a multi-targeted project gets one
/// BOM per framework, each with only that framework's versions and edges; <see cref="BomMerger"/> combines them.
/// </summary>
public static class BomBuilder
{
    public const string ToolName = "SecureDev";

    public const string TargetFrameworkProperty = "securedev:targetFramework";
    public const string RuntimeIdentifierProperty = "securedev:runtimeIdentifier";
    public const string LicenseSourceProperty = "securedev:licenseSource";
    public const string HashProperty = "securedev:hash";
    public const string ScopeReasonProperty = "securedev:scopeReason";
    public const string PrunedProperty = "securedev:prunedDependencies";

    public static Bom Build(RestoreGraph graph, ProjectIdentity project, DateTimeOffset timestamp, PackageFolders? folders, ICollection<BuildMessage> messages, string specVersion = "1.6")
    {
        // The restore's name and version of the project are what the projects that reference it see.
        var spec = graph.LockFile.PackageSpec;
        var rootRef = ProjectRef(string.IsNullOrEmpty(spec.Name) ? project.Name : spec.Name, spec.Version?.ToNormalizedString() ?? project.Version);
        var refs = new Dictionary<GraphNode, string>(ReferenceEqualityComparer.Instance);
        foreach (var node in graph.Nodes)
        {
            refs[node] = node.IsProject ? ProjectRef(node.Name, node.Version) : Purl.NuGet(node.Name, node.Version);
        }

        // Nuspecs are read in parallel (file IO and XML parsing dominate); results and messages keep the graph's order.
        var read = new (PackageMetadata Metadata, List<BuildMessage> Messages)[graph.Nodes.Count];
        Parallel.For(0, graph.Nodes.Count, i =>
        {
            var node = graph.Nodes[i];
            var local = new List<BuildMessage>();
            read[i] = (node.IsProject ? PackageMetadata.Unknown : folders?.Read(node.Name, node.Version, node.Library, local, graph.PackagesToPrune) ?? PackageMetadata.Unknown, local);
        });
        var metadata = new Dictionary<GraphNode, PackageMetadata>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < read.Length; i++)
        {
            metadata[graph.Nodes[i]] = read[i].Metadata;
            foreach (var message in read[i].Messages)
            {
                messages.Add(message);
            }
        }

        var excludedReasons = ExcludedReasons(graph, metadata);
        var components = new List<Component>(graph.Nodes.Count);
        var dependencies = new List<Dependency>(graph.Nodes.Count + 1)
        {
            new() { Ref = rootRef, DependsOn = graph.Direct.Select(d => refs[d.Node]).Distinct().Order(StringComparer.Ordinal).ToList() },
        };
        foreach (var node in graph.Nodes)
        {
            var component = node.IsProject
                ? new Component { Type = "library", BomRef = refs[node], Name = node.Name, Version = node.Version }
                : PackageComponent(node, refs[node], metadata[node], messages);
            if (excludedReasons.TryGetValue(node, out var reason))
            {
                component.Scope = "excluded";
                (component.Properties ??= new()).Add(new Property(ScopeReasonProperty, reason));
            }

            // What the package declares but the SDK pruned (the framework provides it): said, not listed as a component.
            var pruned = node.IsProject ? Array.Empty<string>() : metadata[node].PrunedDependencies(graph.Target.TargetFramework, graph.PackagesToPrune, node.DependsOn.Select(d => d.Name));
            if (pruned.Count > 0)
            {
                (component.Properties ??= new()).Add(new Property(PrunedProperty, string.Join(";", pruned)));
            }

            component.Properties?.Sort((a, b) => StringComparer.Ordinal.Compare(a.Name, b.Name));
            components.Add(component);
            dependencies.Add(new Dependency { Ref = refs[node], DependsOn = node.DependsOn.Select(d => refs[d]).Order(StringComparer.Ordinal).ToList() });
        }

        components.Sort((a, b) => StringComparer.Ordinal.Compare(a.BomRef, b.BomRef));
        dependencies.Sort((a, b) => StringComparer.Ordinal.Compare(a.Ref, b.Ref));
        var targetProperties = new List<Property> { new(TargetFrameworkProperty, graph.Framework) };
        if (graph.RuntimeIdentifier is { } rid)
        {
            targetProperties.Add(new Property(RuntimeIdentifierProperty, rid));
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
                Properties = targetProperties,
            },
            Components = components,
            Dependencies = dependencies,
        };
    }

    /// <summary>
    /// Which components the build uses without shipping them, and why: PrivateAssets="all" references, development
    /// dependencies and analyzer-only packages, with whatever only they bring in. A package also reached through a
    /// shipped path stays required.
    /// </summary>
    private static Dictionary<GraphNode, string> ExcludedReasons(RestoreGraph graph, IReadOnlyDictionary<GraphNode, PackageMetadata> metadata)
    {
        string? OwnReason(GraphNode node) =>
            node.IsAnalyzerOnly ? "analyzer-only package"
            : !node.IsProject && metadata.TryGetValue(node, out var m) && m.DevelopmentDependency ? "developmentDependency package"
            : null;

        var required = new HashSet<GraphNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<GraphNode>(graph.Direct.Where(d => !d.PrivateAll).Select(d => d.Node));
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (OwnReason(node) is null && required.Add(node))
            {
                foreach (var child in node.DependsOn)
                {
                    pending.Push(child);
                }
            }
        }

        var reasons = new Dictionary<GraphNode, string>(ReferenceEqualityComparer.Instance);
        foreach (var node in graph.Nodes)
        {
            if (!required.Contains(node))
            {
                reasons[node] = OwnReason(node)
                    ?? (graph.Direct.Any(d => d.PrivateAll && ReferenceEquals(d.Node, node)) ? "PrivateAssets=all reference" : "only used by build-time dependencies");
            }
        }

        return reasons;
    }

    private static Component PackageComponent(GraphNode node, string purl, PackageMetadata metadata, ICollection<BuildMessage> messages)
    {
        var component = new Component
        {
            Type = "library",
            BomRef = purl,
            Supplier = metadata.Authors is null ? null : new OrganizationalEntity { Name = metadata.Authors },
            Name = node.Name,
            Version = node.Version,
            Description = metadata.Description,
            Purl = purl,
            Properties = new(),
        };

        if (node.Library?.Sha512 is { Length: > 0 } sha512 && TryHex(sha512, out var hex))
        {
            component.Hashes = new() { new Hash { Algorithm = "SHA-512", Content = hex } };
        }
        else
        {
            component.Properties.Add(new Property(HashProperty, "unknown: the restore result records no SHA-512 for this package"));
            messages.Add(BuildRules.PackageHashMissing.At(
                null,
                $"The restore result records no valid SHA-512 for {node.Name} {node.Version}; the SBOM lists it with its hash unknown. Delete obj/project.assets.json and restore again."));
        }

        switch (metadata.LicenseKind)
        {
            case LicenseKind.Expression when metadata.IsSingleSpdxId:
                component.Licenses = new() { new LicenseChoice { License = new License { Id = metadata.License } } };
                break;
            case LicenseKind.Expression:
                component.Licenses = new() { new LicenseChoice { Expression = metadata.License } };
                break;
            case LicenseKind.File:
                component.Licenses = new() { new LicenseChoice { License = new License { Name = $"License file '{metadata.License}' in the package" } } };
                break;
            case LicenseKind.Url:
                component.Licenses = new()
                {
                    IsUrl(metadata.LicenseUrl)
                        ? new LicenseChoice { License = new License { Name = "Declared by URL only (not verified)", Url = metadata.LicenseUrl } }
                        : new LicenseChoice { License = new License { Name = "Declared by URL only (not verified): " + metadata.LicenseUrl } },
                };
                break;
        }

        component.Properties.Add(new Property(LicenseSourceProperty, metadata.LicenseKind switch
        {
            LicenseKind.Expression => "expression",
            LicenseKind.File => "file",
            LicenseKind.Url => "url",
            LicenseKind.None => "none",
            _ => "unknown",
        }));

        var references = new List<ExternalReference>();
        if (IsUrl(metadata.ProjectUrl))
        {
            references.Add(new ExternalReference { Type = "website", Url = metadata.ProjectUrl! });
        }

        if (metadata.LicenseKind is LicenseKind.Expression or LicenseKind.File && IsUrl(metadata.LicenseUrl))
        {
            references.Add(new ExternalReference { Type = "license", Url = metadata.LicenseUrl! });
        }

        component.ExternalReferences = references.Count == 0 ? null : references;
        return component;
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

    /// <summary>
    /// A project's bom-ref: its restore name (the PackageId, by default the assembly name) and version, the same in its
    /// own BOM and in the BOMs of the projects that reference it, so a release BOM joins them.
    /// </summary>
    public static string ProjectRef(string name, string? version) => "project:" + name + "@" + (version ?? "0.0.0");

    private static bool IsUrl(string? text) =>
        text is not null && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>The assets file holds base64; CycloneDX wants hex.</summary>
    private static bool TryHex(string base64, out string hex)
    {
        try
        {
            var bytes = Convert.FromBase64String(base64);
            hex = Convert.ToHexString(bytes).ToLowerInvariant();
            return bytes.Length == 64;
        }
        catch (FormatException)
        {
            hex = string.Empty;
            return false;
        }
    }
}
