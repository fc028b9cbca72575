using System.Text.Json;
using Xunit;

namespace SecureDev.Cli.Tests;

/// <summary>
/// securedev sbom merge over a folder of projects whose builds left BOMs in their evidence folders (written here by
/// hand in the shape the build writes; the end-to-end tests merge the BOMs of real builds).
/// </summary>
public sealed class SbomCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "securedev-cli-sbom", Guid.NewGuid().ToString("N"));

    public SbomCommandTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Project(string name, string body = "")
    {
        var directory = Path.Combine(_root, name);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".csproj");
        File.WriteAllText(path, $"<Project Sdk=\"Microsoft.NET.Sdk\">{body}</Project>");
        return directory;
    }

    /// <summary>A single-target BOM as the build writes it: project root, packages and edges.</summary>
    private static void Bom(string projectDirectory, string configuration, string framework, string root, params (string From, string[] To)[] edges)
    {
        var refs = edges.SelectMany(e => e.To.Append(e.From)).Where(r => r != root).Distinct().Order(StringComparer.Ordinal).ToList();
        var bom = new
        {
            bomFormat = "CycloneDX",
            specVersion = "1.6",
            version = 1,
            metadata = new
            {
                timestamp = "2024-05-01T10:00:00Z",
                component = new Dictionary<string, object> { ["type"] = "application", ["bom-ref"] = root, ["name"] = root.Split(':', '@')[1], ["version"] = "1.0.0" },
                properties = new[] { new { name = "securedev:targetFramework", value = framework } },
            },
            components = refs.Select(r => new Dictionary<string, object> { ["type"] = "library", ["bom-ref"] = r, ["name"] = r.Split('/', '@')[1], ["version"] = r.Split('@')[1], ["purl"] = r }).ToList(),
            dependencies = edges.Select(e => new { @ref = e.From, dependsOn = e.To }).ToList(),
        };
        var folder = Path.Combine(projectDirectory, "bin", "securedev", configuration, framework);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "bom.cdx.json"), JsonSerializer.Serialize(bom));
    }

    private static List<string> Edges(JsonElement bom, string bomRef) =>
        bom.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("ref").GetString() == bomRef)
            .GetProperty("dependsOn").EnumerateArray().Select(e => e.GetString()!).ToList();

    private void Gateway()
    {
        var gateway = Project("Gateway");
        Bom(gateway, "Release", "net8.0", "project:Gateway@1.0.0", ("project:Gateway@1.0.0", new[] { "pkg:nuget/Polly.Core@8.5.2" }));
        Bom(gateway, "Release", "net10.0", "project:Gateway@1.0.0", ("project:Gateway@1.0.0", new[] { "pkg:nuget/Polly.Core@8.5.2", "pkg:nuget/Newtonsoft.Json@13.0.3" }));
        var tests = Project("Gateway.Tests", "<ItemGroup><PackageReference Include=\"Microsoft.NET.Test.Sdk\" /></ItemGroup>");
        Bom(tests, "Release", "net10.0", "project:Gateway.Tests@1.0.0", ("project:Gateway.Tests@1.0.0", new[] { "pkg:nuget/xunit@2.9.3", "project:Gateway@1.0.0" }));
    }

    [Fact]
    public void Merges_every_framework_of_the_shipped_projects_and_leaves_test_projects_out()
    {
        Gateway();
        var output = Path.Combine(_root, "out", "release.cdx.json");
        var result = CliRunner.Run("sbom", "merge", _root, "--output", output, "--name", "Gateway Suite", "--version", "1.0.0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("left out (test project): Gateway.Tests", result.StandardOutput);
        using var document = JsonDocument.Parse(File.ReadAllText(output));
        var bom = document.RootElement;
        Assert.Equal("1.6", bom.GetProperty("specVersion").GetString());
        Assert.StartsWith("urn:uuid:", bom.GetProperty("serialNumber").GetString());
        Assert.Equal("Gateway Suite", bom.GetProperty("metadata").GetProperty("component").GetProperty("name").GetString());
        Assert.Equal("2024-05-01T10:00:00Z", bom.GetProperty("metadata").GetProperty("timestamp").GetString());
        Assert.DoesNotContain("xunit", File.ReadAllText(output));
        Assert.Equal(new[] { "pkg:nuget/Polly.Core@8.5.2" }, Edges(bom, "project:Gateway@1.0.0|Gateway/net8.0"));
        Assert.Equal(new[] { "pkg:nuget/Newtonsoft.Json@13.0.3", "pkg:nuget/Polly.Core@8.5.2" }, Edges(bom, "project:Gateway@1.0.0|Gateway/net10.0"));
        Assert.Single(bom.GetProperty("components").EnumerateArray(), c => c.GetProperty("bom-ref").GetString() == "pkg:nuget/Polly.Core@8.5.2");
    }

    [Fact]
    public void Include_tests_adds_the_test_projects()
    {
        Gateway();
        var output = Path.Combine(_root, "release.cdx.json");
        Assert.Equal(0, CliRunner.Run("sbom", "merge", _root, "--output", output, "--include-tests").ExitCode);
        Assert.Contains("pkg:nuget/xunit@2.9.3", File.ReadAllText(output));
    }

    [Fact]
    public void The_spec_version_and_serial_number_can_be_chosen()
    {
        Gateway();
        var output = Path.Combine(_root, "release.cdx.json");
        var result = CliRunner.Run("sbom", "merge", _root, "-o", output, "--spec", "1.5", "--serial-number", "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79");
        Assert.True(result.ExitCode == 0, result.ToString());
        var text = File.ReadAllText(output);
        Assert.Contains("\"specVersion\": \"1.5\"", text);
        Assert.Contains("\"serialNumber\": \"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79\"", text);
    }

    [Fact]
    public void A_shipped_project_without_a_bom_fails_and_nothing_is_written()
    {
        Gateway();
        Project("Historian");
        var output = Path.Combine(_root, "release.cdx.json");
        var result = CliRunner.Run("sbom", "merge", _root, "--output", output);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Historian: no SBOM; build it with SecureDev first", result.StandardError);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Several_configurations_need_a_choice()
    {
        Gateway();
        Bom(Path.Combine(_root, "Gateway"), "Debug", "net10.0", "project:Gateway@1.0.0", ("project:Gateway@1.0.0", Array.Empty<string>()));
        var output = Path.Combine(_root, "release.cdx.json");
        var ambiguous = CliRunner.Run("sbom", "merge", _root, "--output", output);
        Assert.Equal(2, ambiguous.ExitCode);
        Assert.Contains("several configurations (Debug, Release); choose one with --configuration", ambiguous.StandardError);

        Assert.Equal(0, CliRunner.Run("sbom", "merge", _root, "--output", output, "--configuration", "Release").ExitCode);
        Assert.Contains("project:Gateway@1.0.0|Gateway/net8.0", File.ReadAllText(output));
    }

    [Fact]
    public void A_corrupt_bom_an_unknown_spec_and_a_missing_path_are_input_errors()
    {
        Gateway();
        File.WriteAllText(Path.Combine(_root, "Gateway", "bin", "securedev", "Release", "net8.0", "bom.cdx.json"), "{ not json");
        var corrupt = CliRunner.Run("sbom", "merge", _root, "--output", Path.Combine(_root, "r.json"));
        Assert.Equal(2, corrupt.ExitCode);
        Assert.Contains("Gateway/net8.0", corrupt.StandardError);
        Assert.Contains("is not a readable SecureDev BOM", corrupt.StandardError);

        var spec = CliRunner.Run("sbom", "merge", _root, "--output", Path.Combine(_root, "r.json"), "--spec", "1.2");
        Assert.Equal(2, spec.ExitCode);
        Assert.Contains("SD9051", spec.StandardError);

        var missing = CliRunner.Run("sbom", "merge", Path.Combine(_root, "nowhere.sln"), "--output", Path.Combine(_root, "r.json"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("is not a solution", missing.StandardError);
    }
}
