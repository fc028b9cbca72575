using System.Security.Cryptography;
using System.Text;

namespace SecureDev.Core.Sbom;

/// <summary>One BOM to merge and the name of its graph (project/framework[/runtime]).</summary>
public sealed record LabeledBom(Bom Bom, string Label);

/// <summary>
/// Merges single-target BOMs (the per-project, per-framework BOMs the build writes) into one release BOM.
/// Components are deduplicated by bom-ref, and the graph is kept exactly: a component keeps one bom-ref when it has the
/// same dependency subtree in every BOM it appears in, which is the common case. When the subtrees differ (a package
/// resolved to the same version whose own dependency resolved differently per framework, the case cyclonedx-dotnet
/// issue 911 gets wrong), each variant becomes its own component, bom-ref "&lt;ref&gt;|&lt;graphs&gt;", with the same
/// purl; so no version of one framework is ever attached to another.
/// </summary>
public static class BomMerger
{
    public const string GraphSeparator = "|";

    public static Bom Merge(IReadOnlyList<LabeledBom> inputs, Component release, string specVersion = "1.6")
    {
        var graphs = inputs.Select(i => new Graph(i)).ToList();

        // ref -> signature -> the graphs in which the ref has that dependency subtree.
        var variants = new Dictionary<string, Dictionary<string, List<Graph>>>(StringComparer.Ordinal);
        foreach (var graph in graphs)
        {
            foreach (var bomRef in graph.Refs)
            {
                var bySignature = variants.TryGetValue(bomRef, out var existing) ? existing : variants[bomRef] = new(StringComparer.Ordinal);
                var signature = graph.Signature(bomRef);
                (bySignature.TryGetValue(signature, out var list) ? list : bySignature[signature] = new()).Add(graph);
            }
        }

        string Qualified(string bomRef, string signature)
        {
            var bySignature = variants[bomRef];
            return bySignature.Count == 1 ? bomRef : bomRef + GraphSeparator + string.Join("+", bySignature[signature].Select(g => g.Label));
        }

        var components = new List<Component>();
        var dependencies = new List<Dependency>();
        foreach (var (bomRef, bySignature) in variants)
        {
            foreach (var (signature, inGraphs) in bySignature)
            {
                var first = inGraphs[0];
                var component = Clone(inGraphs.Select(g => g.Root).FirstOrDefault(r => r.BomRef == bomRef) ?? first.Components[bomRef]);
                component.BomRef = Qualified(bomRef, signature);
                var shipped = inGraphs.Any(g => g.Components.TryGetValue(bomRef, out var c) && c.Scope != "excluded");
                component.Scope = shipped ? null : "excluded";
                component.Properties = (component.Properties ?? new())
                    .Where(p => p.Name is not BomBuilder.TargetFrameworkProperty and not BomBuilder.RuntimeIdentifierProperty && (!shipped || p.Name != BomBuilder.ScopeReasonProperty))
                    .Append(new Property(BomBuilder.TargetFrameworkProperty, string.Join(";", inGraphs.Select(g => g.Framework).Distinct().Order(StringComparer.Ordinal))))
                    .OrderBy(p => p.Name, StringComparer.Ordinal)
                    .ToList();
                components.Add(component);
                // The shipped children are the same in every graph of the group; build-time ones (scope excluded)
                // may differ, as a project's own BOM lists its analyzers and a referencing project's does not.
                dependencies.Add(new Dependency
                {
                    Ref = component.BomRef,
                    DependsOn = inGraphs.SelectMany(g => g.Children(bomRef).Select(c => Qualified(c, g.Signature(c)))).Distinct().Order(StringComparer.Ordinal).ToList(),
                });
            }
        }

        var releaseRef = release.BomRef ?? "release:" + release.Name + "@" + (release.Version ?? "0.0.0");
        release.BomRef = releaseRef;
        dependencies.Add(new Dependency
        {
            Ref = releaseRef,
            DependsOn = graphs.Select(g => Qualified(g.Root.BomRef!, g.Signature(g.Root.BomRef!))).Distinct().Order(StringComparer.Ordinal).ToList(),
        });
        components.Sort((a, b) => StringComparer.Ordinal.Compare(a.BomRef, b.BomRef));
        dependencies.Sort((a, b) => StringComparer.Ordinal.Compare(a.Ref, b.Ref));

        // The release is as new as its newest part: the same BOMs give the same release BOM.
        var timestamp = inputs.Select(i => i.Bom.Metadata?.Timestamp).Where(t => t is not null).Max(StringComparer.Ordinal);
        return new Bom
        {
            SpecVersion = specVersion,
            Metadata = new BomMetadata
            {
                Timestamp = timestamp,
                Lifecycles = new() { new Lifecycle { Phase = "build" } },
                Tools = new Tools { Components = new() { BomBuilder.ToolComponent() } },
                Component = release,
            },
            Components = components,
            Dependencies = dependencies,
        };
    }

    /// <summary>A copy whose own fields (bom-ref, scope, properties) the merge may change; the rest is shared, unchanged.</summary>
    private static Component Clone(Component component) => new()
    {
        Type = component.Type,
        BomRef = component.BomRef,
        Supplier = component.Supplier,
        Author = component.Author,
        Group = component.Group,
        Name = component.Name,
        Version = component.Version,
        Description = component.Description,
        Scope = component.Scope,
        Hashes = component.Hashes,
        Licenses = component.Licenses,
        Purl = component.Purl,
        ExternalReferences = component.ExternalReferences,
        Properties = component.Properties?.ToList(),
    };

    /// <summary>One input BOM as a graph, with memoized subtree signatures (a Merkle hash of ref and children).</summary>
    private sealed class Graph
    {
        private readonly Dictionary<string, List<string>> _edges = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _signatures = new(StringComparer.Ordinal);

        public Graph(LabeledBom input)
        {
            Label = input.Label;
            Root = input.Bom.Metadata?.Component ?? throw new InvalidDataException($"The BOM of {input.Label} has no metadata component.");
            if (Root.BomRef is null)
            {
                throw new InvalidDataException($"The metadata component of the BOM of {input.Label} has no bom-ref.");
            }

            Framework = input.Bom.Metadata.Properties?.FirstOrDefault(p => p.Name == BomBuilder.TargetFrameworkProperty)?.Value
                ?? "unknown";
            foreach (var component in input.Bom.Components ?? new())
            {
                if (component.BomRef is not null)
                {
                    Components[component.BomRef] = component;
                }
            }

            foreach (var dependency in input.Bom.Dependencies ?? new())
            {
                _edges[dependency.Ref] = dependency.DependsOn ?? new();
            }
        }

        public string Label { get; }

        public string Framework { get; }

        public Component Root { get; }

        public Dictionary<string, Component> Components { get; } = new(StringComparer.Ordinal);

        public IEnumerable<string> Refs => Components.Keys.Append(Root.BomRef!).Distinct(StringComparer.Ordinal);

        public IReadOnlyList<string> Children(string bomRef) =>
            _edges.TryGetValue(bomRef, out var children) ? children.Where(c => c == Root.BomRef || Components.ContainsKey(c)).ToList() : Array.Empty<string>();

        private bool IsExcluded(string bomRef) => Components.TryGetValue(bomRef, out var component) && component.Scope == "excluded";

        public string Signature(string bomRef)
        {
            if (_signatures.TryGetValue(bomRef, out var known))
            {
                return known;
            }

            // NuGet rejects dependency cycles (NU1108); a hand-made BOM with one still terminates here.
            _signatures[bomRef] = "cycle:" + bomRef;
            // Only shipped children decide whether two graphs see the same component: a build-time dependency
            // (scope excluded: an analyzer, a PrivateAssets="all" tool) does not make a project a different component.
            var text = new StringBuilder(bomRef);
            foreach (var child in Children(bomRef).Where(c => !IsExcluded(c)).Select(Signature).Order(StringComparer.Ordinal))
            {
                text.Append('\n').Append(child);
            }

            return _signatures[bomRef] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }
    }
}
