using System.Text.Json;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Sbom;
using Xunit;

namespace SecureDev.Core.Tests.Sbom;

/// <summary>The BOM of one target, made from real assets files (a multi-targeted project with a project reference, and PlcGateway).</summary>
public class BomBuilderTests
{
    private static readonly DateTimeOffset Epoch = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    internal static Bom Build(string fixture, string? framework, ProjectIdentity? project = null, PackageFolders? folders = null, List<BuildMessage>? messages = null)
    {
        messages ??= new List<BuildMessage>();
        var assets = Fixture.Assets(fixture);
        var lockFile = AssetsFile.Read(assets, messages)!;
        var graph = RestoreGraph.Select(lockFile, framework, null, assets, messages)!;
        return BomBuilder.Build(graph, project ?? new ProjectIdentity("Multi", "1.2.3"), Epoch, folders, messages);
    }

    private static Dependency Edges(Bom bom, string bomRef) => Assert.Single(bom.Dependencies!, d => d.Ref == bomRef);

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public void Every_package_of_the_target_graph_is_a_component_with_purl_and_sha512(string framework)
    {
        var bom = Build("multi-target", framework);
        using var assets = JsonDocument.Parse(File.ReadAllText(Fixture.Assets("multi-target")));
        var inTarget = assets.RootElement.GetProperty("targets").GetProperty(framework).EnumerateObject()
            .Where(l => l.Value.GetProperty("type").GetString() == "package")
            .Select(l => l.Name)
            .ToList();
        var libraries = assets.RootElement.GetProperty("libraries");

        var packages = bom.Components!.Where(c => c.Purl is not null).ToList();
        Assert.Equal(inTarget.Count, packages.Count);
        foreach (var key in inTarget)
        {
            var (name, version) = (key.Split('/')[0], key.Split('/')[1]);
            var component = Assert.Single(packages, c => c.Name == name && c.Version == version);
            Assert.Equal($"pkg:nuget/{name}@{version}", component.Purl);
            Assert.Equal(component.Purl, component.BomRef);
            var hash = Assert.Single(component.Hashes!);
            Assert.Equal("SHA-512", hash.Algorithm);
            var sha512 = libraries.GetProperty(key).GetProperty("sha512").GetString()!;
            Assert.Equal(Convert.ToHexString(Convert.FromBase64String(sha512)).ToLowerInvariant(), hash.Content);
        }
    }

    [Fact]
    public void Each_framework_gets_only_its_own_versions_and_edges()
    {
        var net8 = Build("multi-target", "net8.0");
        var net10 = Build("multi-target", "net10.0");

        Assert.Contains(net8.Components!, c => c.BomRef == "pkg:nuget/Newtonsoft.Json@12.0.1");
        Assert.DoesNotContain(net8.Components!, c => c.BomRef == "pkg:nuget/Newtonsoft.Json@13.0.3");
        Assert.Contains(net10.Components!, c => c.BomRef == "pkg:nuget/Newtonsoft.Json@13.0.3");
        Assert.DoesNotContain(net10.Components!, c => c.BomRef == "pkg:nuget/Newtonsoft.Json@12.0.1");

        Assert.Contains("pkg:nuget/Newtonsoft.Json@12.0.1", Edges(net8, "project:Multi@1.2.3").DependsOn!);
        Assert.Contains("pkg:nuget/Newtonsoft.Json@13.0.3", Edges(net10, "project:Multi@1.2.3").DependsOn!);
        Assert.Equal("net8.0", Assert.Single(net8.Metadata!.Properties!, p => p.Name == BomBuilder.TargetFrameworkProperty).Value);
        Assert.Equal("net10.0", Assert.Single(net10.Metadata!.Properties!, p => p.Name == BomBuilder.TargetFrameworkProperty).Value);
    }

    [Fact]
    public void An_edge_points_at_the_version_resolved_in_the_same_graph_not_the_version_asked_for()
    {
        // Microsoft.Data.Sqlite 8.0.30 asks for SQLitePCLRaw.bundle_e_sqlite3 >= 2.1.12; the restore resolved 3.0.3 (NU1603).
        var bom = Build("multi-target", "net8.0");
        Assert.Equal(
            new[] { "pkg:nuget/Microsoft.Data.Sqlite.Core@8.0.30", "pkg:nuget/SQLitePCLRaw.bundle_e_sqlite3@3.0.3" },
            Edges(bom, "pkg:nuget/Microsoft.Data.Sqlite@8.0.30").DependsOn);
    }

    [Fact]
    public void Project_references_are_components_with_their_own_bom_ref_and_dependencies()
    {
        var bom = Build("multi-target", "net10.0");
        var lib = Assert.Single(bom.Components!, c => c.Name == "Lib");
        Assert.Equal("project:Lib@1.0.0", lib.BomRef);
        Assert.Null(lib.Purl);
        Assert.Equal(new[] { "pkg:nuget/Microsoft.Data.Sqlite@8.0.30" }, Edges(bom, lib.BomRef!).DependsOn);
        Assert.Contains(lib.BomRef, Edges(bom, bom.Metadata!.Component!.BomRef!).DependsOn!);
    }

    [Fact]
    public void PrivateAssets_all_and_analyzer_only_packages_are_excluded_with_the_reason()
    {
        var bom = Build("multi-target", "net8.0");
        var analyzers = bom.Components!.Single(c => c.Name == "Microsoft.CodeAnalysis.Analyzers");
        Assert.Equal("excluded", analyzers.Scope);
        Assert.Equal("analyzer-only package", analyzers.Properties!.Single(p => p.Name == BomBuilder.ScopeReasonProperty).Value);
        Assert.Null(bom.Components!.Single(c => c.Name == "Newtonsoft.Json").Scope);
        Assert.Null(bom.Components!.Single(c => c.Name == "SQLitePCLRaw.core").Scope);

        var plc = Build("plcgateway", null, new ProjectIdentity("PlcGateway", "2.3.0"));
        var secureDev = plc.Components!.Single(c => c.Name == "SecureDev");
        Assert.Equal("excluded", secureDev.Scope);
        Assert.Equal("analyzer-only package", secureDev.Properties!.Single(p => p.Name == BomBuilder.ScopeReasonProperty).Value);
    }

    [Fact]
    public void Every_component_has_a_dependency_entry_and_every_edge_points_at_a_component()
    {
        var bom = Build("multi-target", "net8.0");
        var refs = bom.Components!.Select(c => c.BomRef!).Append(bom.Metadata!.Component!.BomRef!).ToHashSet();
        Assert.Equal(refs.Order(), bom.Dependencies!.Select(d => d.Ref).Order());
        Assert.All(bom.Dependencies!.SelectMany(d => d.DependsOn!), to => Assert.Contains(to, refs));
    }

    [Fact]
    public void The_metadata_names_the_project_the_tool_and_the_build_phase()
    {
        var bom = Build("plcgateway", null, new ProjectIdentity("PlcGateway", "2.3.0", "Contoso Automation", "Edge gateway", PackageId: "PlcGateway"));
        var metadata = bom.Metadata!;
        Assert.Equal("2023-11-14T22:13:20Z", metadata.Timestamp);
        Assert.Equal("build", Assert.Single(metadata.Lifecycles!).Phase);
        var tool = Assert.Single(metadata.Tools!.Components!);
        Assert.Equal("SecureDev", tool.Name);
        Assert.False(string.IsNullOrEmpty(tool.Version));
        Assert.Equal("Contoso Automation", metadata.Component!.Supplier!.Name);
        Assert.Equal("pkg:nuget/PlcGateway@2.3.0", metadata.Component.Purl);
        Assert.Equal("project:PlcGateway@2.3.0", metadata.Component.BomRef);
        Assert.Equal("Edge gateway", metadata.Component.Description);
        Assert.Equal("application", metadata.Component.Type);
    }

    [Fact]
    public void A_project_that_is_not_packable_has_no_purl()
    {
        var bom = Build("plcgateway", null, new ProjectIdentity("PlcGateway", "2.3.0"));
        Assert.Null(bom.Metadata!.Component!.Purl);
    }

    [Fact]
    public void Same_input_gives_the_same_bytes_and_the_serial_number_follows_the_content()
    {
        var first = BomSerializer.Serialize(Build("multi-target", "net8.0"));
        var second = BomSerializer.Serialize(Build("multi-target", "net8.0"));
        Assert.Equal(first, second);

        var other = BomSerializer.Serialize(Build("multi-target", "net8.0", new ProjectIdentity("Multi", "1.2.3", Supplier: "Contoso")));
        string Serial(string json) => JsonDocument.Parse(json).RootElement.GetProperty("serialNumber").GetString()!;
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", Serial(first));
        Assert.NotEqual(Serial(first), Serial(other));
        Assert.Equal("urn:uuid:11111111-2222-3333-8444-555555555555", Serial(BomSerializer.Serialize(Build("multi-target", "net8.0"), "urn:uuid:11111111-2222-3333-8444-555555555555")));
    }

    [Fact]
    public void The_serial_number_is_inserted_exactly_where_a_full_serialization_puts_it()
    {
        var bom = Build("multi-target", "net10.0");
        var fast = BomSerializer.Serialize(bom);
        Assert.Equal(SecureDev.Core.IO.CanonicalJson.Serialize(bom), fast);
    }

    [Fact]
    public void Name_based_uuids_follow_rfc_4122_version_5()
    {
        // RFC 4122 appendix B lists no v5 vector; this is the DNS-namespace UUID of "python.org" that Python's uuid module documents.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), BomSerializer.NameBasedUuid(dns, "python.org"));
    }
}
