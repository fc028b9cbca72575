using SecureDev.Core.Evidence;
using Xunit;

namespace SecureDev.Cli.Tests;

public class VerifyCommandTests
{
    private static string Folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "securedev-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "bom.cdx.json"), "{}\n");
        Manifest.Write(folder);
        return folder;
    }

    [Fact]
    public void An_intact_folder_exits_0()
    {
        var result = CliRunner.Run("verify", Folder());
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("intact", result.StandardOutput);
    }

    [Fact]
    public void A_tampered_folder_exits_1_and_says_what_changed()
    {
        var folder = Folder();
        File.AppendAllText(Path.Combine(folder, "bom.cdx.json"), " ");
        var result = CliRunner.Run("verify", folder);
        Assert.Equal(ExitCodes.CheckFailed, result.ExitCode);
        Assert.Contains("changed: bom.cdx.json", result.StandardOutput);
    }

    [Fact]
    public void A_missing_folder_exits_2()
    {
        var result = CliRunner.Run("verify", "/nonexistent/evidence");
        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Contains("does not exist", result.StandardError);
    }
}
