using System.Diagnostics;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;
using SecureDev.Tests;

namespace SecureDev.Analyzers.Tests.Rules;

/// <summary>
/// The MSBuild wiring of the presets, end to end: a small project imports the package's props and targets from this
/// repository (as the package does), references the analyzers, and is built with the real SDK.
/// </summary>
public class SecurityLevelPresetBuildTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "securedev-presets-" + Guid.NewGuid().ToString("N"));

    public SecurityLevelPresetBuildTests()
    {
        var build = Repository.Path("src", "SecureDev.Package", "build");
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_directory, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(_directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{Path.Combine(build, "SecureDev.props")}" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <SecureDevEnabled>false</SecureDevEnabled>
              </PropertyGroup>
              <ItemGroup>
                <Analyzer Include="{typeof(SecureDev.Analyzers.Common.SecureDevAnalyzer).Assembly.Location}" />
              </ItemGroup>
              <Import Project="{Path.Combine(build, "SecureDev.targets")}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(_directory, "Checksum.cs"), """
            public static class Checksum
            {
                public static byte[] Of(byte[] data) => System.Security.Cryptography.MD5.HashData(data);
            }
            """);
    }

    [Fact]
    public void Security_level_3_makes_rule_findings_errors()
    {
        var (exitCode, output) = Build("3");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error SD1001", output);
    }

    [Fact]
    public void An_invalid_security_level_is_SD9050()
    {
        var (exitCode, output) = Build("SL5");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error SD9050", output);
        Assert.Contains("SecureDevSecurityLevel is 'SL5'", output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temporary directory is left for the OS to clean.
        }
    }

    private (int ExitCode, string Output) Build(string level)
    {
        var start = new ProcessStartInfo("dotnet", $"build -nologo --no-incremental -p:SecureDevSecurityLevel={level} -p:UseSharedCompilation=false")
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "dotnet build did not finish in five minutes");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
