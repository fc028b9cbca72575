using System.Diagnostics;
using System.Text.Json;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Evidence;
using SecureDev.Tests;
using Xunit;

namespace SecureDev.Build.Tests.EndToEnd;

/// <summary>
/// A real Release build of the PlcGateway sample, changed the way a vendor's code base looks before a release: a pragma
/// justified as a compensating countermeasure, a [SuppressMessage] with a justification, and an .editorconfig that
/// lowers a rule without one. Then the release bundle of the workspace, as `securedev evidence` writes it.
/// </summary>
public sealed class EvidenceBundleBuild
{
    public static readonly Dictionary<string, string> Epoch = new() { ["SOURCE_DATE_EPOCH"] = "1767225600" };

    public EvidenceBundleBuild()
    {
        Workspace = SampleWorkspace.Create("evidence-bundle");
        Edit("PlcGateway/Firmware/FirmwareVerifier.cs", "        using var md5 = MD5.Create();",
            "#pragma warning disable SD1001 // Compensating countermeasure: firmware images are signed and the signature is checked before flashing; the MD5 only matches the vendor's published checksum\n        using var md5 = MD5.Create();\n#pragma warning restore SD1001");
        Edit("PlcGateway/Configuration/SecretProtector.cs", "    public static string Protect(",
            "    [System.Diagnostics.CodeAnalysis.SuppressMessage(\"Cryptography\", \"SD1002\", Justification = \"Panels of series 1 read only 3DES; removed in 3.0\")]\n    public static string Protect(");
        File.WriteAllText(Workspace.Path("PlcGateway", ".editorconfig"), "[*.cs]\ndotnet_diagnostic.SD6001.severity = suggestion\n");

        Run = Workspace.Build("PlcGateway/PlcGateway.csproj", "Configuration=Release");
        Bundle = Path.Combine(SecureDevPackage.E2eRoot, "evidence-bundle");

        // The release is what its solution lists; the samples folder holds other products too.
        Solution = Workspace.Path("Gateway.slnx");
        File.WriteAllText(Solution, "<Solution>\n  <Project Path=\"PlcGateway/PlcGateway.csproj\" />\n</Solution>\n");
        Cli = SecureDevCli.Run(Epoch, "evidence", Solution, "--release", "2.3.0", "--output", Bundle);
    }

    public SampleWorkspace Workspace { get; }

    public BuildRun Run { get; }

    /// <summary>The release solution: PlcGateway only.</summary>
    public string Solution { get; }

    public string Bundle { get; }

    public Dotnet.Result Cli { get; }

    public JsonElement Evidence() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Bundle, ReleaseBundle.EvidenceFile))).RootElement;

    private void Edit(string file, string find, string replace)
    {
        var path = Workspace.Path(file.Split('/'));
        var text = File.ReadAllText(path);
        if (!text.Contains(find, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{file} no longer contains '{find}'");
        }

        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }
}

[Collection(EndToEndCollection.Name)]
public class EvidenceBundleTests : IClassFixture<EvidenceBundleBuild>
{
    private readonly EvidenceBundleBuild _build;

    public EvidenceBundleTests(EvidenceBundleBuild build) => _build = build;

    private static string Status(JsonElement evidence, string id) =>
        evidence.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id).GetProperty("status").GetString()!;

    [Fact]
    public void The_build_warns_of_the_unjustified_severity_change_where_it_is_written()
    {
        var warning = Assert.Single(_build.Run.Of(BuildRules.UnjustifiedSuppression.Id));
        Assert.Contains(".editorconfig", warning.File);
        Assert.Contains("lowers to note SD6001", warning.Message);
        Assert.DoesNotContain(_build.Run.Diagnostics, d => d.Id is "SD9058" or "SD9059" or "SD9060" or "SD9062");
    }

    [Fact]
    public void The_bundle_of_the_real_build_holds_its_records_and_the_requirement_matrix()
    {
        // Complete, but failing: the sample's vulnerable packages are findings at the project's audit level.
        Assert.True(_build.Cli.ExitCode == ExitCodes.CheckFailed, _build.Cli.Output);
        var evidence = _build.Evidence();
        var project = Assert.Single(evidence.GetProperty("projects").EnumerateArray());
        Assert.Equal("PlcGateway/PlcGateway.csproj", project.GetProperty("projectFile").GetString());
        Assert.Equal("Release", project.GetProperty("configuration").GetString());
        var present = project.GetProperty("records").GetProperty("present").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(new[] { "audit.json", "audit.md", "audit.sarif", "bom.cdx.json", "code-suppressions.json", "coding-standard.json", "compiler.sarif", "outputs.json", "project.json", "vex.cdx.json" }, present.Order());
        Assert.Empty(project.GetProperty("records").GetProperty("missing").EnumerateArray());
        Assert.False(project.TryGetProperty("stale", out _));
        Assert.False(project.TryGetProperty("altered", out _));

        // The toolchain and the revision of the build that made it.
        var toolchain = project.GetProperty("toolchain");
        Assert.Equal(Dotnet.Run(Repository.Root, "--version").Output.Trim(), toolchain.GetProperty("sdk").GetString());
        Assert.StartsWith("5.", toolchain.GetProperty("compilerVersion").GetString());
        Assert.Equal(SecureDevPackage.Version, toolchain.GetProperty("secureDev").GetString());
        var head = Core.Sbom.Git.Run(Repository.Root, "rev-parse", "HEAD")?.Trim();
        Assert.Equal(head, project.GetProperty("source").GetProperty("commit").GetString());

        // The release gate is closed: the sample's findings are open and its advisory is unresolved.
        Assert.Equal("failing", Status(evidence, "SM-11"));
        Assert.Equal("failing", Status(evidence, "SVV-3"));
        Assert.Equal("failing", Status(evidence, "SI-2"));
        Assert.Equal("present", Status(evidence, "SI-1"));
        Assert.Equal("present", Status(evidence, "SM-6"));
        Assert.Equal("present", Status(evidence, "SM-9"));
        Assert.Contains(evidence.GetProperty("unresolvedAdvisories").EnumerateArray(), a => a.GetProperty("advisory").GetString() == "GHSA-5crp-9r3c-p9vr");
        var open = evidence.GetProperty("openFindings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToList();
        Assert.Contains("SD2001", open);
        Assert.Contains("SD6001", open);
        Assert.DoesNotContain("SD1001", open);
        Assert.Contains($"warning {BuildRules.ReleaseGateOpen.Id}", _build.Cli.Output);

        // Suppressions with their justifications; the pragma's comment is an SG-2 countermeasure.
        var suppressions = evidence.GetProperty("suppressions").EnumerateArray().ToDictionary(s => s.GetProperty("rule").GetString()!);
        Assert.Equal("Panels of series 1 read only 3DES; removed in 3.0", suppressions["SD1002"].GetProperty("justification").GetString());
        Assert.Equal("PlcGateway/.editorconfig", "PlcGateway/" + suppressions["SD6001"].GetProperty("file").GetString());
        var countermeasure = Assert.Single(evidence.GetProperty("compensatingCountermeasures").EnumerateArray());
        Assert.StartsWith("firmware images are signed", countermeasure.GetProperty("countermeasure").GetString());

        // SG-3 and SG-6 from the compiler's findings.
        Assert.Contains(evidence.GetProperty("securityConfiguration").EnumerateArray(), f => f.GetProperty("rule").GetString() == "SD2001" && f.GetProperty("file").GetString() == "PlcGateway/Historian/HistorianClient.cs");
        Assert.Contains(evidence.GetProperty("defaultCredentials").EnumerateArray(), f => f.GetProperty("rule").GetString() == "SD3001");
    }

    [Fact]
    public void The_bundled_records_pass_the_official_validators_and_verify()
    {
        var folder = Path.Combine(_build.Bundle, "projects", "PlcGateway", "net10.0");
        Validators.AssertValidSarif(Path.Combine(folder, "compiler.sarif"));
        Validators.AssertValidCycloneDx("1.6", Path.Combine(folder, "bom.cdx.json"));
        var verify = SecureDevCli.Run(null, "verify", _build.Bundle, "--fingerprint", ReleaseBundle.Fingerprint(_build.Bundle));
        Assert.True(verify.ExitCode == 0, verify.Output);
    }

    [Fact]
    public async Task The_html_report_renders_in_chromium_with_no_failed_load()
    {
        var screenshot = Path.Combine(SecureDevPackage.E2eRoot, "evidence-report.png");
        File.Delete(screenshot);
        var start = new ProcessStartInfo("node") { WorkingDirectory = Repository.Path("tests", "conformance"), RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("render-report.mjs");
        start.ArgumentList.Add(Path.Combine(_build.Bundle, ReleaseBundle.ReportFile));
        start.ArgumentList.Add(screenshot);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var (output, errors) = (await stdout, await stderr);
        Assert.True(process.ExitCode == 0, $"The report could not be rendered in a browser (exit {process.ExitCode}). Install Debian's chromium (./test.sh does as root) and run npm install --prefix tests/conformance.\n{errors}{output}");

        using var rendered = JsonDocument.Parse(output);
        var page = rendered.RootElement;
        Assert.True(page.GetProperty("loaded").GetBoolean());
        Assert.Equal("Release 2.3.0: IEC 62443-4-1 evidence", page.GetProperty("title").GetString());

        // Self-contained: the page itself is the only thing loaded, and nothing failed.
        Assert.Equal(new[] { new Uri(Path.Combine(_build.Bundle, ReleaseBundle.ReportFile)).AbsoluteUri }, page.GetProperty("requests").EnumerateArray().Select(r => r.GetString()));
        Assert.Empty(page.GetProperty("failed").EnumerateArray());
        Assert.Empty(page.GetProperty("consoleErrors").EnumerateArray());

        // What a person reads: the matrix, the gate, the findings, the countermeasure.
        var text = page.GetProperty("text").GetString()!;
        foreach (var expected in new[] { "Requirement matrix", "Release gate (SM-11)", "SM-12", "SG-6", "PlcGateway", "GHSA-5crp-9r3c-p9vr", "firmware images are signed", "Panels of series 1 read only 3DES", "no justification", "Secure coding standard in force" })
        {
            Assert.Contains(expected, text);
        }

        Assert.Contains("Open security findings (SM-11)", page.GetProperty("headings").EnumerateArray().Select(h => h.GetString()));
        Assert.True(new FileInfo(screenshot).Length > 20_000, "the screenshot is missing or empty");
    }

    [Fact]
    public void The_same_evidence_gives_the_same_bundle_bytes()
    {
        var again = Path.Combine(SecureDevPackage.E2eRoot, "evidence-bundle-again");
        var result = SecureDevCli.Run(EvidenceBundleBuild.Epoch, "evidence", _build.Solution, "--release", "2.3.0", "--output", again);
        Assert.Equal(_build.Cli.ExitCode, result.ExitCode);
        var files = Directory.GetFiles(_build.Bundle, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_build.Bundle, f)).Order().ToList();
        Assert.Equal(files, Directory.GetFiles(again, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(again, f)).Order());
        Assert.All(files, f => Assert.True(File.ReadAllBytes(Path.Combine(_build.Bundle, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(again, f))), $"{f} differs"));
        Assert.Equal("2026-01-01T00:00:00Z", _build.Evidence().GetProperty("generatedAt").GetString());
    }

    [Fact]
    public void A_change_after_the_build_makes_the_evidence_stale_and_build_makes_it_fresh()
    {
        var source = _build.Workspace.Path("PlcGateway", "Modbus", "ModbusTcpClient.cs");
        File.AppendAllText(source, "\n// patched after the build\n");
        var output = Path.Combine(SecureDevPackage.E2eRoot, "evidence-bundle-stale");

        var stale = SecureDevCli.Run(null, "evidence", _build.Solution, "--release", "2.3.0", "--output", output, "--format", "json");
        Assert.Equal(ExitCodes.Incomplete, stale.ExitCode);
        Assert.Contains($"error {BuildRules.ProjectEvidenceStale.Id}", stale.Output);
        Assert.Contains("Modbus/ModbusTcpClient.cs changed after the build", stale.Output);
        Assert.Equal("missing", Status(JsonDocument.Parse(File.ReadAllText(Path.Combine(output, ReleaseBundle.EvidenceFile))).RootElement, "SM-12"));

        // --build runs dotnet build (the audit gate fails it; the evidence is still written) and collects fresh evidence.
        var built = SecureDevCli.Run(null, "evidence", _build.Workspace.Path("PlcGateway", "PlcGateway.csproj"), "--release", "2.3.0", "--output", output, "--build");
        Assert.Contains("dotnet build", built.Output);
        Assert.DoesNotContain(BuildRules.ProjectEvidenceStale.Id, built.Output);
        Assert.Equal(_build.Cli.ExitCode, built.ExitCode);
    }

    private static class ExitCodes
    {
        public const int CheckFailed = 1;
        public const int Incomplete = 3;
    }
}
