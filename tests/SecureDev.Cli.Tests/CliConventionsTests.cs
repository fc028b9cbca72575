using System.Text.Json;
using Xunit;

namespace SecureDev.Cli.Tests;

/// <summary>The conventions every securedev command keeps: help, documented exit codes, JSON output on request, usage errors as 2.</summary>
public class CliConventionsTests
{
    private static readonly string[] CommandNames = { "audit", "evidence", "verify" };

    public static TheoryData<string> Commands() => new(CommandNames);

    [Fact]
    public void The_tool_help_lists_every_command_and_the_exit_codes()
    {
        var result = CliRunner.Run("--help");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        foreach (var command in CommandNames)
        {
            Assert.Contains(command, result.StandardOutput);
        }

        Assert.Contains("Exit codes:", result.StandardOutput);
        Assert.Contains("3  incomplete", result.StandardOutput);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_has_help_with_its_options_and_exit_codes(string command)
    {
        var result = CliRunner.Run(command, "--help");
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("Usage:", result.StandardOutput);
        Assert.Contains("--format", result.StandardOutput);
        Assert.Contains("Exit codes:", result.StandardOutput);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Bad_arguments_are_a_usage_error(string command)
    {
        var result = CliRunner.Run(command, "--no-such-option", "extra", "tokens");
        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Contains("--help", result.StandardError);
        Assert.Equal(ExitCodes.UsageOrInputError, CliRunner.Run(command, "--format", "yaml").ExitCode);
    }

    [Fact]
    public void Every_command_writes_one_json_document_with_format_json()
    {
        using var workspace = new EvidenceWorkspace();
        workspace.AddProject("PlcGateway");
        var bundle = workspace.Path("bundle");
        var runs = new[]
        {
            CliRunner.Run("evidence", workspace.Root, "--release", "1.0.0", "--output", bundle, "--format", "json"),
            CliRunner.Run("verify", bundle, "--format", "json"),
            CliRunner.Run("audit", "--bom", Path.Combine(workspace.EvidenceFolder("PlcGateway"), "bom.cdx.json"), "--format", "json"),
        };
        foreach (var run in runs)
        {
            using var document = JsonDocument.Parse(run.StandardOutput);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        }

        // Progress and messages stay on standard error.
        Assert.Contains("securedev evidence:", runs[0].StandardError);
        Assert.Contains("SD9010", runs[2].StandardError);
    }
}
