using SecureDev.Core.Evidence;
using Xunit;

namespace SecureDev.Cli.Tests;

/// <summary>One bundle, made once; each test tampers with a copy of it.</summary>
public sealed class VerifiedBundle : IDisposable
{
    public VerifiedBundle()
    {
        Workspace = new EvidenceWorkspace();
        Workspace.AddProject("PlcGateway");
        Workspace.AddProject("HmiPanel");
        Path = Workspace.Path("bundle");
        var result = CliRunner.Run("evidence", Workspace.Root, "--release", "2.3.0", "--output", Path);
        if (!File.Exists(System.IO.Path.Combine(Path, ReleaseBundle.EvidenceFile)))
        {
            throw new InvalidOperationException("securedev evidence wrote no bundle: " + result);
        }

        Files = Directory.GetFiles(Path, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
    }

    public EvidenceWorkspace Workspace { get; }

    public string Path { get; }

    public string[] Files { get; }

    public string Copy()
    {
        var copy = Workspace.Path("copy-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Files)
        {
            var target = System.IO.Path.Combine(copy, file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(System.IO.Path.Combine(Path, file), target);
        }

        return copy;
    }

    public void Dispose() => Workspace.Dispose();
}

/// <summary>securedev verify on a release bundle: every kind of file changed, removed or added is detected.</summary>
public class BundleVerifyTests : IClassFixture<VerifiedBundle>
{
    private readonly VerifiedBundle _bundle;

    public BundleVerifyTests(VerifiedBundle bundle) => _bundle = bundle;

    /// <summary>One file of each kind: the bundle's own three, and each record of a project folder with its manifest.</summary>
    public static TheoryData<string> EveryKindOfFile() => new(KindsOfFile);

    private static readonly string[] KindsOfFile =
    {
        "evidence.json", "index.html", "manifest.json",
        "projects/PlcGateway/net10.0/audit.json", "projects/PlcGateway/net10.0/bom.cdx.json", "projects/PlcGateway/net10.0/code-suppressions.json",
        "projects/PlcGateway/net10.0/coding-standard.json", "projects/PlcGateway/net10.0/compiler.sarif", "projects/PlcGateway/net10.0/manifest.json",
        "projects/PlcGateway/net10.0/outputs.json", "projects/PlcGateway/net10.0/project.json", "projects/HmiPanel/net10.0/vex.cdx.json",
    };

    [Fact]
    public void The_theory_covers_every_kind_of_file_in_the_bundle()
    {
        var kinds = _bundle.Files.Select(f => f.Split('/')[^1]).Distinct().Order();
        Assert.Equal(kinds, KindsOfFile.Select(f => f.Split('/')[^1]).Distinct().Order());
    }

    [Fact]
    public void An_intact_bundle_verifies_with_and_without_its_fingerprint()
    {
        var result = CliRunner.Run("verify", _bundle.Path, "--fingerprint", ReleaseBundle.Fingerprint(_bundle.Path));
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("intact", result.StandardOutput);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("verify", _bundle.Path).ExitCode);
    }

    [Theory]
    [MemberData(nameof(EveryKindOfFile))]
    public void A_changed_file_is_detected(string file)
    {
        var copy = _bundle.Copy();
        var path = Path.Combine(copy, file);
        var expected = $"changed: {file}";
        if (file == Manifest.FileName)
        {
            // The bundle's manifest is not hashed by itself: a changed hash in it shows as the file it names changed.
            var text = File.ReadAllText(path);
            var at = text.IndexOf("\"sha256\": \"", StringComparison.Ordinal) + "\"sha256\": \"".Length;
            File.WriteAllText(path, text[..at] + (text[at] == '0' ? '1' : '0') + text[(at + 1)..]);
            expected = "changed: evidence.json";
        }
        else
        {
            File.AppendAllText(path, " ");
        }

        var result = CliRunner.Run("verify", copy);

        Assert.True(result.ExitCode == ExitCodes.CheckFailed, result.ToString());
        Assert.Contains(expected, result.StandardOutput);
        Assert.Contains("NOT intact", result.StandardOutput);
    }

    [Theory]
    [MemberData(nameof(EveryKindOfFile))]
    public void A_missing_file_is_detected(string file)
    {
        var copy = _bundle.Copy();
        File.Delete(Path.Combine(copy, file));

        var result = CliRunner.Run("verify", copy);

        Assert.True(result.ExitCode == ExitCodes.CheckFailed, result.ToString());
        Assert.Contains(file == Manifest.FileName ? "manifest.json is missing" : $"missing: {file}", result.StandardOutput);
    }

    [Theory]
    [InlineData("extra.json")]
    [InlineData("projects/PlcGateway/net10.0/audit.md")]
    [InlineData("projects/Other/net10.0/bom.cdx.json")]
    public void An_extra_file_is_detected(string file)
    {
        var copy = _bundle.Copy();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, file))!);
        File.WriteAllText(Path.Combine(copy, file), "{}\n");

        var result = CliRunner.Run("verify", copy);

        Assert.True(result.ExitCode == ExitCodes.CheckFailed, result.ToString());
        Assert.Contains($"extra: {file}", result.StandardOutput);
    }

    [Fact]
    public void A_manifest_rewritten_to_match_a_change_is_caught_by_the_project_manifest_or_the_fingerprint()
    {
        var fingerprint = ReleaseBundle.Fingerprint(_bundle.Path);

        // A project record changed and the bundle's manifest rewritten: the project folder's own manifest still disagrees.
        var copy = _bundle.Copy();
        File.AppendAllText(Path.Combine(copy, "projects/PlcGateway/net10.0/audit.json"), " ");
        Manifest.Write(copy);
        var result = CliRunner.Run("verify", copy);
        Assert.Equal(ExitCodes.CheckFailed, result.ExitCode);
        Assert.Contains("changed: projects/PlcGateway/net10.0/audit.json", result.StandardOutput);

        // evidence.json changed and the manifest rewritten: only the fingerprint recorded with the release can tell.
        var forged = _bundle.Copy();
        File.WriteAllText(Path.Combine(forged, "evidence.json"), File.ReadAllText(Path.Combine(forged, "evidence.json")).Replace("\"releaseGate\": \"failed\"", "\"releaseGate\": \"passed\""));
        Manifest.Write(forged);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("verify", forged).ExitCode);
        var caught = CliRunner.Run("verify", forged, "--fingerprint", fingerprint);
        Assert.Equal(ExitCodes.CheckFailed, caught.ExitCode);
        Assert.Contains("fingerprint: manifest.json has SHA-256", caught.StandardOutput);
    }

    [Fact]
    public void Json_output_lists_the_problems()
    {
        var copy = _bundle.Copy();
        File.Delete(Path.Combine(copy, "index.html"));
        var result = CliRunner.Run("verify", copy, "--format", "json");
        Assert.Equal(ExitCodes.CheckFailed, result.ExitCode);
        using var document = System.Text.Json.JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("bundle", document.RootElement.GetProperty("kind").GetString());
        Assert.False(document.RootElement.GetProperty("intact").GetBoolean());
        Assert.Equal("missing: index.html", Assert.Single(document.RootElement.GetProperty("problems").EnumerateArray()).GetString());
    }
}
