using SecureDev.Tests;
using Xunit;

namespace SecureDev.Cli.Tests;

public class AuditCommandTests
{
    private static string Bom()
    {
        var path = Path.Combine(Path.GetTempPath(), "securedev-cli-tests", Guid.NewGuid().ToString("N") + ".cdx.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, """
            { "bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
              "metadata": { "component": { "type": "application", "name": "Gateway", "bom-ref": "gateway" } },
              "components": [ { "type": "library", "name": "Newtonsoft.Json", "version": "12.0.1", "bom-ref": "pkg:nuget/Newtonsoft.Json@12.0.1", "purl": "pkg:nuget/Newtonsoft.Json@12.0.1" } ],
              "dependencies": [ { "ref": "gateway", "dependsOn": [ "pkg:nuget/Newtonsoft.Json@12.0.1" ] } ] }
            """);
        return path;
    }

    private static string Advisories => Repository.Path("samples", "advisory-db");

    [Fact]
    public void A_finding_at_the_level_exits_1()
    {
        var result = CliRunner.Run("audit", "--bom", Bom(), "--advisories", Advisories, "--level", "low");
        Assert.Equal(ExitCodes.CheckFailed, result.ExitCode);
        Assert.Contains("SD9001", result.StandardError);
        Assert.Contains("GHSA-5crp-9r3c-p9vr", result.StandardError);
    }

    [Fact]
    public void Below_the_level_it_exits_0_and_still_reports()
    {
        var result = CliRunner.Run("audit", "--bom", Bom(), "--advisories", Advisories);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("warning SD9001", result.StandardOutput);
    }

    [Fact]
    public void Without_advisory_data_it_says_not_checked()
    {
        var result = CliRunner.Run("audit", "--bom", Bom());
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("SD9010", result.StandardOutput);
        Assert.Contains("NOT CHECKED", result.StandardOutput);
    }

    [Fact]
    public void Bad_arguments_exit_2()
    {
        Assert.Equal(ExitCodes.UsageOrInputError, CliRunner.Run("audit", "--bom", Bom(), "--level", "severe").ExitCode);
        Assert.Equal(ExitCodes.UsageOrInputError, CliRunner.Run("audit", "--bom", "/nonexistent.json").ExitCode);
    }
}
