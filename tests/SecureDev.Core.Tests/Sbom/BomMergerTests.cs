using SecureDev.Core.Diagnostics;
using SecureDev.Core.Sbom;
using Xunit;

namespace SecureDev.Core.Tests.Sbom;

/// <summary>The release BOM: per-framework, per-project BOMs joined with components deduplicated and every graph kept exact.</summary>
public class BomMergerTests
{
    private static Component ReleaseComponent() => new() { Type = "application", Name = "Contoso Gateway Suite", Version = "2.3.0" };

    private static LabeledBom Fixture(string framework) =>
        new(BomBuilderTests.Build("multi-target", framework), "Multi/" + framework);

    /// <summary>A hand-made single-target BOM: root ref, the edges, and the framework it was built for.</summary>
    private static LabeledBom Graph(string label, string framework, string root, params (string From, string[] To)[] edges)
    {
        var refs = edges.SelectMany(e => e.To.Append(e.From)).Where(r => r != root).Distinct().ToList();
        return new LabeledBom(
            new Bom
            {
                Metadata = new BomMetadata
                {
                    Timestamp = "2024-01-01T00:00:00Z",
                    Component = new Component { Type = "application", BomRef = root, Name = root },
                    Properties = new() { new Property(BomBuilder.TargetFrameworkProperty, framework) },
                },
                Components = refs.Select(r => new Component { BomRef = r, Name = r, Purl = r.StartsWith("pkg:", StringComparison.Ordinal) ? r : null }).ToList(),
                Dependencies = edges.Select(e => new Dependency { Ref = e.From, DependsOn = e.To.ToList() }).ToList(),
            },
            label);
    }

    private static List<string> Edges(Bom bom, string bomRef) => Assert.Single(bom.Dependencies!, d => d.Ref == bomRef).DependsOn!;

    [Fact]
    public void The_frameworks_of_a_project_share_what_they_share_and_keep_their_own_versions()
    {
        var merged = BomMerger.Merge(new[] { Fixture("net8.0"), Fixture("net10.0") }, ReleaseComponent());

        // Packages with the same subtree in both frameworks appear once, listing both frameworks.
        var sqlite = Assert.Single(merged.Components!, c => c.BomRef == "pkg:nuget/Microsoft.Data.Sqlite@8.0.30");
        Assert.Equal("net10.0;net8.0", sqlite.Properties!.Single(p => p.Name == BomBuilder.TargetFrameworkProperty).Value);
        Assert.Single(merged.Components!, c => c.BomRef == "project:Lib@1.0.0");

        // Each framework's own Newtonsoft.Json, attached only to that framework's project node.
        Assert.Equal("net8.0", merged.Components!.Single(c => c.BomRef == "pkg:nuget/Newtonsoft.Json@12.0.1").Properties!.Single(p => p.Name == BomBuilder.TargetFrameworkProperty).Value);
        var net8Root = Edges(merged, "project:Multi@1.2.3|Multi/net8.0");
        var net10Root = Edges(merged, "project:Multi@1.2.3|Multi/net10.0");
        Assert.Contains("pkg:nuget/Newtonsoft.Json@12.0.1", net8Root);
        Assert.DoesNotContain("pkg:nuget/Newtonsoft.Json@13.0.3", net8Root);
        Assert.Contains("pkg:nuget/Newtonsoft.Json@13.0.3", net10Root);
        Assert.DoesNotContain("pkg:nuget/Newtonsoft.Json@12.0.1", net10Root);

        Assert.Equal(new[] { "project:Multi@1.2.3|Multi/net10.0", "project:Multi@1.2.3|Multi/net8.0" }, Edges(merged, merged.Metadata!.Component!.BomRef!));
        Assert.Equal(merged.Components!.Count, merged.Components!.Select(c => c.BomRef).Distinct().Count());
    }

    [Fact]
    public void A_package_whose_dependency_resolved_differently_per_framework_is_split_not_mixed()
    {
        // cyclonedx-dotnet issue 911: Microsoft.Data.SqlClient 5.2.1 pulls System.Runtime.Caching 6.0.0 under net6.0 and 8.0.0 under net8.0.
        const string sqlClient = "pkg:nuget/Microsoft.Data.SqlClient@5.2.1";
        var p1 = Graph("P1/net6.0", "net6.0", "project:P1@1.0.0", ("project:P1@1.0.0", new[] { sqlClient }), (sqlClient, new[] { "pkg:nuget/System.Runtime.Caching@6.0.0" }));
        var p2 = Graph("P2/net8.0", "net8.0", "project:P2@1.0.0", ("project:P2@1.0.0", new[] { sqlClient }), (sqlClient, new[] { "pkg:nuget/System.Runtime.Caching@8.0.0" }));
        var merged = BomMerger.Merge(new[] { p1, p2 }, ReleaseComponent());

        Assert.Equal(new[] { "pkg:nuget/System.Runtime.Caching@6.0.0" }, Edges(merged, sqlClient + "|P1/net6.0"));
        Assert.Equal(new[] { "pkg:nuget/System.Runtime.Caching@8.0.0" }, Edges(merged, sqlClient + "|P2/net8.0"));
        Assert.Equal(new[] { sqlClient + "|P1/net6.0" }, Edges(merged, "project:P1@1.0.0"));
        Assert.Equal(new[] { sqlClient + "|P2/net8.0" }, Edges(merged, "project:P2@1.0.0"));
        Assert.All(merged.Components!.Where(c => c.Name == sqlClient), c => Assert.Equal(sqlClient, c.Purl));
        Assert.DoesNotContain(merged.Dependencies!, d => d.Ref == sqlClient);
    }

    [Fact]
    public void A_referenced_project_joins_its_own_bom_and_keeps_the_richer_description()
    {
        var core = Graph("Core/net10.0", "net10.0", "project:Core@1.0.0", ("project:Core@1.0.0", new[] { "pkg:nuget/Polly.Core@8.5.2" }));
        core.Bom.Metadata!.Component!.Purl = "pkg:nuget/Core@1.0.0";
        var service = Graph("Service/net10.0", "net10.0", "project:Service@1.0.0", ("project:Service@1.0.0", new[] { "project:Core@1.0.0" }), ("project:Core@1.0.0", new[] { "pkg:nuget/Polly.Core@8.5.2" }));
        var merged = BomMerger.Merge(new[] { service, core }, ReleaseComponent());

        Assert.Equal("pkg:nuget/Core@1.0.0", Assert.Single(merged.Components!, c => c.BomRef == "project:Core@1.0.0").Purl);
        Assert.Single(merged.Components!, c => c.BomRef == "pkg:nuget/Polly.Core@8.5.2");
        Assert.Equal(new[] { "project:Core@1.0.0", "project:Service@1.0.0" }, Edges(merged, merged.Metadata!.Component!.BomRef!));
    }

    [Fact]
    public void Excluded_only_where_it_is_excluded_in_every_graph()
    {
        var a = Graph("A/net10.0", "net10.0", "project:A@1.0.0", ("project:A@1.0.0", new[] { "pkg:nuget/X@1.0.0" }));
        var b = Graph("B/net10.0", "net10.0", "project:B@1.0.0", ("project:B@1.0.0", new[] { "pkg:nuget/X@1.0.0" }));
        a.Bom.Components!.Single().Scope = "excluded";
        Assert.Null(BomMerger.Merge(new[] { a, b }, ReleaseComponent()).Components!.Single(c => c.BomRef == "pkg:nuget/X@1.0.0").Scope);
        b.Bom.Components!.Single().Scope = "excluded";
        Assert.Equal("excluded", BomMerger.Merge(new[] { a, b }, ReleaseComponent()).Components!.Single(c => c.BomRef == "pkg:nuget/X@1.0.0").Scope);
    }

    [Fact]
    public void The_same_boms_give_the_same_release_bom()
    {
        var first = BomSerializer.Serialize(BomMerger.Merge(new[] { Fixture("net8.0"), Fixture("net10.0") }, ReleaseComponent()));
        var second = BomSerializer.Serialize(BomMerger.Merge(new[] { Fixture("net8.0"), Fixture("net10.0") }, ReleaseComponent()));
        Assert.Equal(first, second);
        Assert.Contains("\"timestamp\": \"2023-11-14T22:13:20Z\"", first);
    }

    [Fact]
    public void Build_time_dependencies_do_not_make_a_project_a_different_component()
    {
        // The library's own BOM lists its analyzer package (excluded); the service's view of the library does not.
        var core = Graph("Core/net10.0", "net10.0", "project:Core@1.0.0", ("project:Core@1.0.0", new[] { "pkg:nuget/Polly.Core@8.5.2", "pkg:nuget/SecureDev@0.1.0" }));
        core.Bom.Components!.Single(c => c.BomRef == "pkg:nuget/SecureDev@0.1.0").Scope = "excluded";
        var service = Graph("Service/net10.0", "net10.0", "project:Service@1.0.0", ("project:Service@1.0.0", new[] { "project:Core@1.0.0" }), ("project:Core@1.0.0", new[] { "pkg:nuget/Polly.Core@8.5.2" }));
        var merged = BomMerger.Merge(new[] { core, service }, ReleaseComponent());

        Assert.Single(merged.Components!, c => c.Name == "project:Core@1.0.0");
        Assert.Equal(new[] { "pkg:nuget/Polly.Core@8.5.2", "pkg:nuget/SecureDev@0.1.0" }, Edges(merged, "project:Core@1.0.0"));
    }
}
