using SecureDev.Core.Diagnostics;
using SecureDev.Core.Sbom;
using Xunit;

namespace SecureDev.Core.Tests.Sbom;

/// <summary>Which graph of the restore result a build's BOM is made from.</summary>
public class RestoreGraphTests
{
    private static (NuGet.ProjectModel.LockFile LockFile, string Path) Read(string fixture)
    {
        var path = Fixture.Assets(fixture);
        return (AssetsFile.Read(path, new List<BuildMessage>())!, path);
    }

    [Fact]
    public void The_build_s_target_framework_picks_its_graph()
    {
        var (lockFile, path) = Read("multi-target");
        var messages = new List<BuildMessage>();
        var graph = RestoreGraph.Select(lockFile, "net8.0", null, path, messages)!;
        Assert.Empty(messages);
        Assert.Equal("net8.0", graph.Label);
        Assert.Contains(graph.Nodes, n => n.Name == "Newtonsoft.Json" && n.Version == "12.0.1");
        Assert.DoesNotContain(graph.Nodes, n => n.Version == "13.0.3");
    }

    [Fact]
    public void A_single_targeted_restore_needs_no_framework()
    {
        var (lockFile, path) = Read("plcgateway");
        Assert.Equal("net10.0", RestoreGraph.Select(lockFile, null, null, path, new List<BuildMessage>())!.Label);
    }

    [Theory]
    [InlineData("net9.0", null, "net9.0")]
    [InlineData("net8.0", "linux-x64", "net8.0/linux-x64")]
    [InlineData(null, null, "(none given)")]
    public void A_target_the_restore_did_not_resolve_is_SD9022_naming_what_it_has(string? framework, string? rid, string named)
    {
        var (lockFile, path) = Read("multi-target");
        var messages = new List<BuildMessage>();
        Assert.Null(RestoreGraph.Select(lockFile, framework, rid, path, messages));
        var error = Fixture.Single(messages, BuildRules.TargetNotRestored);
        Assert.Equal(BuildSeverity.Error, error.Severity);
        Assert.Contains(named, error.Text);
        Assert.Contains("net10.0, net8.0", error.Text);
        Assert.Contains("dotnet restore", error.Text);
    }

    [Fact]
    public void A_runtime_identifier_picks_the_runtime_specific_graph()
    {
        using var directory = Fixture.TemporaryDirectory();
        var path = directory.File("project.assets.json");
        // The same graph as net10.0, recorded a second time for linux-x64 (as a restore with RuntimeIdentifier does),
        // with one runtime-only package added.
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Fixture.Assets("plcgateway")))!;
        var targets = json["targets"]!.AsObject();
        var ridGraph = targets["net10.0"]!.DeepClone().AsObject();
        ridGraph["runtime.linux-x64.Contoso.Native/1.0.0"] = System.Text.Json.Nodes.JsonNode.Parse("""{ "type": "package", "native": { "runtimes/linux-x64/native/libcontoso.so": {} } }""");
        targets["net10.0/linux-x64"] = ridGraph;
        json["libraries"]!["runtime.linux-x64.Contoso.Native/1.0.0"] = System.Text.Json.Nodes.JsonNode.Parse("""{ "sha512": "AA==", "type": "package", "path": "runtime.linux-x64.contoso.native/1.0.0", "files": [] }""");
        File.WriteAllText(path, json.ToJsonString());

        var lockFile = AssetsFile.Read(path, new List<BuildMessage>())!;
        var portable = RestoreGraph.Select(lockFile, "net10.0", null, path, new List<BuildMessage>())!;
        var linux = RestoreGraph.Select(lockFile, "net10.0", "linux-x64", path, new List<BuildMessage>())!;
        Assert.DoesNotContain(portable.Nodes, n => n.Name == "runtime.linux-x64.Contoso.Native");
        Assert.Contains(linux.Nodes, n => n.Name == "runtime.linux-x64.Contoso.Native");
        Assert.Equal("net10.0/linux-x64", linux.Label);

        var bom = BomBuilder.Build(linux, new ProjectIdentity("PlcGateway", "2.3.0"), DateTimeOffset.UnixEpoch, null, new List<BuildMessage>());
        Assert.Equal("linux-x64", Assert.Single(bom.Metadata!.Properties!, p => p.Name == BomBuilder.RuntimeIdentifierProperty).Value);
    }

    [Fact]
    public void Restore_errors_in_the_assets_file_are_SD9025()
    {
        using var directory = Fixture.TemporaryDirectory();
        var path = directory.File("project.assets.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Fixture.Assets("plcgateway")))!;
        json["logs"] = System.Text.Json.Nodes.JsonNode.Parse("""[{ "code": "NU1101", "level": "Error", "message": "Unable to find package Contoso.Modbus. No packages exist with this id in source(s): vendor-feed", "libraryId": "Contoso.Modbus", "targetGraphs": ["net10.0"] }]""");
        File.WriteAllText(path, json.ToJsonString());

        var messages = new List<BuildMessage>();
        var generated = SbomGenerator.Generate(new SbomRequest(path, new ProjectIdentity("PlcGateway", "2.3.0")), messages);
        Assert.NotNull(generated);
        var warning = Fixture.Single(messages, BuildRules.RestoreIncomplete);
        Assert.Contains("NU1101", warning.Text);
        Assert.Contains("Contoso.Modbus", warning.Text);
    }
}
