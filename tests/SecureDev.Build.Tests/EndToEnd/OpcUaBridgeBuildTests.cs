using Xunit;

namespace SecureDev.Build.Tests.EndToEnd;

/// <summary>
/// samples/OpcUaBridge (an OPC UA client that polls a PLC and publishes to an MQTT broker) built with the packed
/// SecureDev: the industrial rules fire in code and in the OPC UA configuration file, which the package passes to the
/// analyzers without any setting in the project.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class OpcUaBridgeBuildTests
{
    [Fact]
    public void The_industrial_rules_fire_in_code_and_in_the_application_configuration()
    {
        var workspace = SampleWorkspace.Create("opcuabridge");
        var run = workspace.Build("OpcUaBridge/OpcUaBridge.csproj");
        Assert.True(run.Succeeded, run.ToString());

        var industrial = run.Diagnostics.Where(d => d.Id.StartsWith("SD5", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { "SD5003", "SD5004", "SD5005", "SD5006", "SD5020", "SD5021" }, industrial.Select(d => d.Id).Distinct().Order());
        Assert.All(industrial, d => Assert.Equal("warning", d.Severity));
        Assert.Contains(industrial, d => d.Id == "SD5003" && d.File.EndsWith("OpcUaBridge.Config.xml", StringComparison.Ordinal));
        Assert.Contains(industrial, d => d.Id == "SD5005" && d.File.EndsWith("OpcUaBridge.Config.xml", StringComparison.Ordinal));
        Assert.All(industrial, d => Assert.Matches(@"CR \d\.\d", d.Message));
    }
}
