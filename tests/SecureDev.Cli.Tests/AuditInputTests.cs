using System.IO.Compression;
using System.Text.Json;
using SecureDev.Tests;
using Xunit;

namespace SecureDev.Cli.Tests;

/// <summary>securedev audit over what a release manager has: restored projects, a solution, or a BOM from any tool.</summary>
public class AuditInputTests
{
    private static string Advisories => Repository.Path("samples", "advisory-db");

    private static string Scratch()
    {
        var path = Path.Combine(Path.GetTempPath(), "securedev-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A restored project: its project file and the real restore result of the PlcGateway sample (Newtonsoft.Json 12.0.1).</summary>
    private static string Project(string root, string name, bool restored = true, bool test = false)
    {
        var directory = Path.Combine(root, name);
        Directory.CreateDirectory(Path.Combine(directory, "obj"));
        var project = Path.Combine(directory, name + ".csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="12.0.1" />
                {(test ? "<PackageReference Include=\"Microsoft.NET.Test.Sdk\" Version=\"18.0.1\" />" : "")}
              </ItemGroup>
            </Project>
            """);
        if (restored)
        {
            File.Copy(Repository.Path("tests", "SecureDev.Core.Tests", "Fixtures", "assets", "plcgateway.assets.json"), Path.Combine(directory, "obj", "project.assets.json"));
        }

        return project;
    }

    [Fact]
    public void A_restored_project_is_audited_from_its_restore_result()
    {
        var project = Project(Scratch(), "PlcGateway");
        var result = CliRunner.Run("audit", project, "--advisories", Advisories, "--level", "low", "--max-age-days", "0");
        Assert.Equal(ExitCodes.CheckFailed, result.ExitCode);
        Assert.Contains($"{project}: error SD9001: Package 'Newtonsoft.Json' 12.0.1", result.StandardError);
        Assert.Contains("PlcGateway: FAILED: 1 finding(s), 1 at or above low", result.StandardOutput);
    }

    [Fact]
    public void A_multi_targeted_project_is_audited_per_framework_with_a_report_folder_each()
    {
        // The restore result of a project whose net8.0 graph resolves Newtonsoft.Json 12.0.1 and whose net10.0 graph 13.0.3.
        var root = Scratch();
        var project = Project(root, "Multi", restored: false);
        File.Copy(Repository.Path("tests", "SecureDev.Core.Tests", "Fixtures", "assets", "multi-target.assets.json"), Path.Combine(root, "Multi", "obj", "project.assets.json"));
        var output = Path.Combine(root, "audit");

        var result = CliRunner.Run("audit", project, "--advisories", Advisories, "--level", "low", "--max-age-days", "0", "--output", output, "--format", "json");

        Assert.Equal(ExitCodes.CheckFailed, result.ExitCode);
        Assert.Contains("Multi/net8.0: FAILED: 1 finding(s)", result.StandardError);
        Assert.Contains("Multi/net10.0: passed: 0 finding(s)", result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal(2, json.RootElement.GetProperty("projects").GetArrayLength());
        Assert.True(File.Exists(Path.Combine(output, "Multi", "net8.0", "vex.cdx.json")));
        Assert.True(File.Exists(Path.Combine(output, "Multi", "net10.0", "audit.json")));
    }

    [Fact]
    public void A_solution_audits_each_shipped_project_and_writes_its_reports()
    {
        var root = Scratch();
        var gateway = Project(root, "PlcGateway");
        var tests = Project(root, "PlcGateway.Tests", test: true);
        var solution = Path.Combine(root, "Plant.slnx");
        File.WriteAllText(solution, $"""<Solution><Project Path="{Path.GetRelativePath(root, gateway)}" /><Project Path="{Path.GetRelativePath(root, tests)}" /></Solution>""");
        var output = Path.Combine(root, "audit");

        var result = CliRunner.Run("audit", solution, "--advisories", Advisories, "--max-age-days", "0", "--output", output);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("PlcGateway.Tests: a test project, not shipped; left out", result.StandardOutput);
        Assert.Contains("PlcGateway: passed: 1 finding(s), 0 at or above high", result.StandardOutput);
        Assert.Equal(new[] { "PlcGateway" }, Directory.GetDirectories(output).Select(Path.GetFileName));
        Assert.Equal(
            new[] { "audit.json", "audit.md", "audit.sarif", "bom.cdx.json", "vex.cdx.json" },
            Directory.GetFiles(Path.Combine(output, "PlcGateway")).Select(Path.GetFileName).Order());

        // The VEX links to the BOM written next to it.
        using var bom = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "PlcGateway", "bom.cdx.json")));
        var serial = bom.RootElement.GetProperty("serialNumber").GetString()!["urn:uuid:".Length..];
        Assert.Contains($"\"ref\": \"urn:cdx:{serial}/1#pkg:nuget/Newtonsoft.Json@12.0.1\"", File.ReadAllText(Path.Combine(output, "PlcGateway", "vex.cdx.json")));
    }

    [Fact]
    public void A_project_that_is_not_restored_is_SD9020_and_exits_2()
    {
        var project = Project(Scratch(), "Historian", restored: false);
        var result = CliRunner.Run("audit", project, "--advisories", Advisories);
        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Contains("SD9020", result.StandardOutput + result.StandardError);
        Assert.Contains("dotnet restore", result.StandardOutput + result.StandardError);
    }

    [Fact]
    public void A_bom_from_another_tool_with_nested_components_and_an_osv_zip()
    {
        var root = Scratch();
        var bom = Path.Combine(root, "firmware-bundle.cdx.json");
        File.WriteAllText(bom, """
            { "bomFormat": "CycloneDX", "specVersion": "1.5", "version": 3,
              "metadata": { "component": { "type": "firmware", "name": "RTU-500 firmware bundle", "bom-ref": "bundle" } },
              "components": [
                { "type": "application", "name": "ConfigTool", "bom-ref": "tool", "components": [
                  { "type": "library", "name": "System.Text.Encodings.Web", "version": "4.5.0", "bom-ref": "stew", "purl": "pkg:nuget/System.Text.Encodings.Web@4.5.0" },
                  { "type": "library", "name": "zlib", "version": "1.2.11", "bom-ref": "zlib", "purl": "pkg:generic/zlib@1.2.11" } ] } ] }
            """);
        var zip = Path.Combine(root, "all.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.GetFiles(Advisories, "*.json", SearchOption.AllDirectories))
            {
                archive.CreateEntryFromFile(file, Path.GetFileName(file));
            }
        }

        var result = CliRunner.Run("audit", bom, "--advisories", zip, "--max-age-days", "0");
        Assert.Equal(ExitCodes.CheckFailed, result.ExitCode);
        Assert.Contains("error SD9004: Package 'System.Text.Encodings.Web' 4.5.0", result.StandardError);
        Assert.Contains("RTU-500 firmware bundle: FAILED", result.StandardOutput);
    }

    [Fact]
    public void An_accepted_finding_passes_and_an_expired_decision_fails()
    {
        var root = Scratch();
        var project = Project(root, "PlcGateway");
        var suppressions = Path.Combine(root, "securedev-suppressions.json");
        void Write(string expires) => File.WriteAllText(suppressions, $$"""
            { "suppressions": [ { "id": "GHSA-5crp-9r3c-p9vr", "package": "Newtonsoft.Json", "state": "not_affected", "justification": "code_not_reachable",
                                  "detail": "Only the gateway's own tag map is parsed.", "owner": "jane.doe@contoso.example", "expires": "{{expires}}" } ] }
            """);

        Write("2999-12-31");
        var accepted = CliRunner.Run("audit", project, "--advisories", Advisories, "--level", "low", "--max-age-days", "0", "--suppressions", suppressions);
        Assert.Equal(ExitCodes.Success, accepted.ExitCode);
        Assert.Contains("message SD9005", accepted.StandardOutput);
        Assert.Contains("PlcGateway: passed: 0 finding(s), 0 at or above low, 1 accepted", accepted.StandardOutput);

        Write("2020-01-31");
        var expired = CliRunner.Run("audit", project, "--advisories", Advisories, "--level", "critical", "--max-age-days", "0", "--suppressions", suppressions);
        Assert.Equal(ExitCodes.CheckFailed, expired.ExitCode);
        Assert.Contains("error SD9030", expired.StandardError);
    }

    [Fact]
    public void Invalid_audit_options_exit_2_with_their_ids()
    {
        var bom = Project(Scratch(), "PlcGateway");
        var mode = CliRunner.Run("audit", bom, "--mode", "transitive");
        Assert.Equal(ExitCodes.UsageOrInputError, mode.ExitCode);
        Assert.Contains("SD9055", mode.StandardError);
        var age = CliRunner.Run("audit", bom, "--max-age-days", "soon");
        Assert.Equal(ExitCodes.UsageOrInputError, age.ExitCode);
        Assert.Contains("SD9056", age.StandardError);
    }
}
