using System.Text.Json;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Sbom;
using Xunit;

namespace SecureDev.Core.Tests.Sbom;

public class BomBuilderTests
{
    private static readonly DateTimeOffset Epoch = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private static Bom Build(string fixture, ProjectIdentity? project = null)
    {
        var messages = new List<BuildMessage>();
        var lockFile = AssetsFile.Read(Fixture.Assets(fixture), messages);
        Assert.Empty(messages);
        return BomBuilder.Build(lockFile!, project ?? new ProjectIdentity("Multi", "1.2.3"), Epoch);
    }

    [Fact]
    public void Every_package_of_the_restore_graph_is_a_component_with_purl_and_sha512()
    {
        var bom = Build("multi-target");
        using var assets = JsonDocument.Parse(File.ReadAllText(Fixture.Assets("multi-target")));
        var packages = assets.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(l => l.Value.GetProperty("type").GetString() == "package")
            .ToDictionary(l => l.Name, l => l.Value.GetProperty("sha512").GetString()!);

        var components = bom.Components!.Where(c => c.Purl is not null).ToList();
        Assert.Equal(packages.Count, components.Count);
        foreach (var (key, sha512) in packages)
        {
            var (name, version) = (key.Split('/')[0], key.Split('/')[1]);
            var component = Assert.Single(components, c => c.Name == name && c.Version == version);
            Assert.Equal($"pkg:nuget/{name}@{version}", component.Purl);
            var hash = Assert.Single(component.Hashes!);
            Assert.Equal("SHA-512", hash.Algorithm);
            Assert.Equal(Convert.ToHexString(Convert.FromBase64String(sha512)).ToLowerInvariant(), hash.Content);
        }
    }

    [Fact]
    public void Each_target_framework_links_to_its_own_resolved_versions()
    {
        var bom = Build("multi-target");
        var root = bom.Metadata!.Component!.BomRef!;
        var rootEdges = Assert.Single(bom.Dependencies!, d => d.Ref == root).DependsOn!;
        Assert.Contains("pkg:nuget/Newtonsoft.Json@12.0.1", rootEdges);
        Assert.Contains("pkg:nuget/Newtonsoft.Json@13.0.3", rootEdges);

        var net8 = Assert.Single(bom.Components!, c => c.BomRef == "pkg:nuget/Newtonsoft.Json@12.0.1");
        var net10 = Assert.Single(bom.Components!, c => c.BomRef == "pkg:nuget/Newtonsoft.Json@13.0.3");
        Assert.Equal("net8.0", net8.Properties!.Single(p => p.Name == "securedev:targetFramework").Value);
        Assert.Equal("net10.0", net10.Properties!.Single(p => p.Name == "securedev:targetFramework").Value);
    }

    [Fact]
    public void Project_references_are_components_with_their_own_dependencies()
    {
        var bom = Build("multi-target");
        var lib = Assert.Single(bom.Components!, c => c.Name == "Lib");
        Assert.Equal("project:Lib@1.0.0", lib.BomRef);
        Assert.Null(lib.Purl);
        Assert.Contains("pkg:nuget/Microsoft.Data.Sqlite@8.0.30", Assert.Single(bom.Dependencies!, d => d.Ref == lib.BomRef).DependsOn!);
        Assert.Contains(lib.BomRef, bom.Dependencies!.Single(d => d.Ref == bom.Metadata!.Component!.BomRef).DependsOn!);
    }

    [Fact]
    public void PrivateAssets_all_references_and_what_only_they_bring_are_excluded()
    {
        var bom = Build("multi-target");
        Assert.Equal("excluded", bom.Components!.Single(c => c.Name == "Microsoft.CodeAnalysis.Analyzers").Scope);
        Assert.Null(bom.Components!.Single(c => c.Name == "Newtonsoft.Json" && c.Version == "12.0.1").Scope);
        Assert.Null(bom.Components!.Single(c => c.Name == "SQLitePCLRaw.core").Scope);
    }

    [Fact]
    public void Every_component_has_a_dependency_entry_and_every_edge_points_at_a_component()
    {
        var bom = Build("multi-target");
        var refs = bom.Components!.Select(c => c.BomRef!).Append(bom.Metadata!.Component!.BomRef!).ToHashSet();
        Assert.Equal(refs.Order(), bom.Dependencies!.Select(d => d.Ref).Order());
        Assert.All(bom.Dependencies!.SelectMany(d => d.DependsOn!), to => Assert.Contains(to, refs));
    }

    [Fact]
    public void The_metadata_names_the_project_the_tool_and_the_build_phase()
    {
        var bom = Build("plcgateway", new ProjectIdentity("PlcGateway", "2.3.0", "Contoso Automation", "Edge gateway", PackageId: "PlcGateway"));
        var metadata = bom.Metadata!;
        Assert.Equal("2023-11-14T22:13:20Z", metadata.Timestamp);
        Assert.Equal("build", Assert.Single(metadata.Lifecycles!).Phase);
        Assert.Equal("SecureDev", Assert.Single(metadata.Tools!.Components!).Name);
        Assert.Equal("Contoso Automation", metadata.Component!.Supplier!.Name);
        Assert.Equal("pkg:nuget/PlcGateway@2.3.0", metadata.Component.Purl);
        Assert.Equal("application", metadata.Component.Type);
    }

    [Fact]
    public void Same_input_gives_the_same_bytes_and_the_serial_number_follows_the_content()
    {
        var first = BomSerializer.Serialize(Build("multi-target"));
        var second = BomSerializer.Serialize(Build("multi-target"));
        Assert.Equal(first, second);

        var other = BomSerializer.Serialize(Build("multi-target", new ProjectIdentity("Multi", "1.2.4")));
        string Serial(string json) => JsonDocument.Parse(json).RootElement.GetProperty("serialNumber").GetString()!;
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", Serial(first));
        Assert.NotEqual(Serial(first), Serial(other));
        Assert.Equal("urn:uuid:11111111-2222-3333-4444-555555555555", Serial(BomSerializer.Serialize(Build("multi-target"), "urn:uuid:11111111-2222-3333-4444-555555555555")));
    }

    [Fact]
    public void Name_based_uuids_follow_rfc_4122_version_5()
    {
        // RFC 4122 appendix B lists no v5 vector; this is the DNS-namespace UUID of "python.org" that Python's uuid module documents.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), BomSerializer.NameBasedUuid(dns, "python.org"));
    }
}
