using System.Diagnostics;
using SecureDev.Tests;
using Xunit;

namespace SecureDev.Build.Tests.EndToEnd;

/// <summary>
/// The official third-party validators in tests/conformance (installed there by ./test.sh with npm install): the CycloneDX
/// library's JSON schema validator and Microsoft's SARIF multitool. Conformance is theirs to judge, not ours.
/// </summary>
public static class Validators
{
    public static void AssertValidCycloneDx(string specVersion, params string[] files) =>
        AssertValid("validate-cyclonedx.mjs", new[] { specVersion }.Concat(files).ToArray());

    public static void AssertValidSarif(params string[] files) => AssertValid("validate-sarif.mjs", files);

    /// <summary>Runs a validator on a file that must be rejected, to show the validator is really judging.</summary>
    public static bool Accepts(string script, params string[] arguments) => Run(script, arguments).ExitCode == 0;

    private static void AssertValid(string script, string[] arguments)
    {
        var (exitCode, output) = Run(script, arguments);
        Assert.True(exitCode == 0, $"{script} rejected the file(s) (exit {exitCode}):\n{output}");
    }

    private static (int ExitCode, string Output) Run(string script, string[] arguments)
    {
        var directory = Repository.Path("tests", "conformance");
        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            Assert.Fail("The validators are not installed: run ./test.sh, or npm install --prefix tests/conformance.");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
