using System.Text.Json;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Evidence;
using Xunit;

namespace SecureDev.Cli.Tests;

/// <summary>securedev evidence over evidence folders made as the build makes them: complete, stale, missing, altered and unreadable evidence.</summary>
public class EvidenceCommandTests
{
    private static readonly Dictionary<string, string> Epoch = new() { ["SOURCE_DATE_EPOCH"] = "1767225600" };

    private static CliRunner.Result Evidence(EvidenceWorkspace workspace, string output, params string[] more) =>
        CliRunner.RunWith(Epoch, new[] { "evidence", workspace.Root, "--release", "2.3.0", "--output", output }.Concat(more).ToArray());

    private static JsonElement Read(string bundle) => JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, ReleaseBundle.EvidenceFile))).RootElement;

    private static string Status(JsonElement evidence, string requirement) =>
        evidence.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == requirement).GetProperty("status").GetString()!;

    [Fact]
    public void Fresh_evidence_makes_a_complete_bundle_with_the_requirement_matrix()
    {
        using var workspace = new EvidenceWorkspace();
        workspace.AddProject("PlcGateway");
        var bundle = workspace.Path("bundle");

        var result = Evidence(workspace, bundle);

        // Complete, but the release gate is closed: the log has open findings (SD6001, SD2001) and a suppression
        // without a justification (the globalconfig lowering SD2001).
        Assert.True(result.ExitCode == ExitCodes.CheckFailed, result.ToString());
        var evidence = Read(bundle);
        Assert.True(evidence.GetProperty("complete").GetBoolean());
        Assert.Equal("2.3.0", evidence.GetProperty("release").GetString());
        Assert.Equal("2026-01-01T00:00:00Z", evidence.GetProperty("generatedAt").GetString());
        Assert.Equal("failed", evidence.GetProperty("releaseGate").GetString());
        var expected = new Dictionary<string, string>
        {
            ["SM-6"] = "present", ["SM-9"] = "present", ["SM-11"] = "failing", ["SM-12"] = "present", ["SI-1"] = "present", ["SI-2"] = "failing",
            ["SVV-3"] = "present", ["DM-1"] = "present", ["DM-2"] = "present", ["DM-3"] = "present", ["DM-4"] = "present", ["SUM-2"] = "present",
            ["SG-2"] = "present", ["SG-3"] = "present", ["SG-6"] = "present",
        };
        Assert.Equal(expected, evidence.GetProperty("requirements").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("status").GetString()!));
        foreach (var requirement in evidence.GetProperty("requirements").EnumerateArray())
        {
            Assert.NotEmpty(requirement.GetProperty("artifacts").EnumerateArray());
            foreach (var artifact in requirement.GetProperty("artifacts").EnumerateArray())
            {
                Assert.True(File.Exists(Path.Combine(bundle, artifact.GetString()!)), $"{requirement.GetProperty("id")} names {artifact}, which the bundle lacks");
            }
        }

        // The records of the build, copied whole, with the optional ones named as not produced.
        var project = Assert.Single(evidence.GetProperty("projects").EnumerateArray());
        Assert.Equal("projects/PlcGateway/net10.0", project.GetProperty("evidence").GetString());
        Assert.Equal(new[] { "audit.json", "bom.cdx.json", "code-suppressions.json", "coding-standard.json", "compiler.sarif", "outputs.json", "project.json", "vex.cdx.json" },
            project.GetProperty("records").GetProperty("present").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Equal(new[] { "audit.md", "audit.sarif" }, project.GetProperty("records").GetProperty("missingOptional").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("10.0.401", project.GetProperty("toolchain").GetProperty("sdk").GetString());
        Assert.Equal("5.9.0", project.GetProperty("toolchain").GetProperty("compilerVersion").GetString());

        // SM-11: the open findings; the advisory is triaged by VEX, so it is resolved.
        Assert.Equal(new[] { "SD2001", "SD6001" }, evidence.GetProperty("openFindings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).Order());
        Assert.Empty(evidence.GetProperty("unresolvedAdvisories").EnumerateArray());
        Assert.Equal("VEX: not_affected", evidence.GetProperty("advisories")[0].GetProperty("resolution").GetString());

        // SI-2 and SG-2: each suppression with its justification; the pragma's comment is a compensating countermeasure.
        var suppressions = evidence.GetProperty("suppressions").EnumerateArray().ToDictionary(s => s.GetProperty("rule").GetString()!);
        Assert.Equal("pragma", suppressions["SD1001"].GetProperty("mechanism").GetString());
        Assert.Equal("Firmware/FirmwareVerifier.cs", suppressions["SD1001"].GetProperty("file").GetString());
        Assert.Equal(11, suppressions["SD1001"].GetProperty("line").GetInt32());
        Assert.Equal("SuppressMessage", suppressions["SD1002"].GetProperty("mechanism").GetString());
        Assert.Equal("Legacy devices read only 3DES; removed in 3.0", suppressions["SD1002"].GetProperty("justification").GetString());
        Assert.Equal("globalconfig", suppressions["SD2001"].GetProperty("mechanism").GetString());
        Assert.Equal("plant.globalconfig", suppressions["SD2001"].GetProperty("file").GetString());
        Assert.False(suppressions["SD2001"].TryGetProperty("justification", out _));
        var countermeasure = Assert.Single(evidence.GetProperty("compensatingCountermeasures").EnumerateArray());
        Assert.Equal("the image is also signed; the MD5 only matches the vendor's published checksum", countermeasure.GetProperty("countermeasure").GetString());

        // SG-3 and SG-6 from the compiler log; the coding standard with the effective levels.
        Assert.Equal("SD2001", Assert.Single(evidence.GetProperty("securityConfiguration").EnumerateArray()).GetProperty("rule").GetString());
        Assert.Empty(evidence.GetProperty("defaultCredentials").EnumerateArray());
        var sd2001 = evidence.GetProperty("codingStandard").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "SD2001");
        Assert.Equal("note", sd2001.GetProperty("effectiveLevels").GetProperty("PlcGateway/net10.0").GetString());

        Assert.Contains("Release 2.3.0", File.ReadAllText(Path.Combine(bundle, ReleaseBundle.ReportFile)));
        Assert.Empty(Manifest.Verify(bundle));
        Assert.Equal(ExitCodes.Success, CliRunner.Run("verify", bundle).ExitCode);
        Assert.Contains("Fingerprint (SHA-256 of manifest.json): " + ReleaseBundle.Fingerprint(bundle), result.StandardOutput);
        Assert.Contains("securedev evidence: [1/1] PlcGateway: reading its evidence", result.StandardError);
    }

    [Fact]
    public void The_same_evidence_and_SOURCE_DATE_EPOCH_give_the_same_bytes()
    {
        using var workspace = new EvidenceWorkspace();
        workspace.AddProject("PlcGateway");
        workspace.AddProject("HmiPanel");
        var first = workspace.Path("first");
        var second = workspace.Path("second");
        Evidence(workspace, first);
        Evidence(workspace, second);
        // Again over the first: an earlier bundle is replaced, not mixed with.
        Evidence(workspace, first);

        var files = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order().ToList();
        Assert.Equal(files, Directory.GetFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order());
        Assert.Contains(Path.Combine("projects", "HmiPanel", "net10.0", "compiler.sarif"), files);
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), $"{file} differs between two runs");
        }
    }

    [Fact]
    public void A_source_changed_or_added_after_the_build_makes_the_evidence_stale_and_the_bundle_incomplete()
    {
        using var workspace = new EvidenceWorkspace();
        var project = workspace.AddProject("PlcGateway");

        // Touched without a change: still the same sources.
        File.SetLastWriteTimeUtc(Path.Combine(project, "Program.cs"), DateTime.UtcNow.AddMinutes(5));
        Assert.Equal(ExitCodes.CheckFailed, Evidence(workspace, workspace.Path("touched")).ExitCode);

        File.AppendAllText(Path.Combine(project, "Program.cs"), "Console.WriteLine(\"patched\");\n");
        File.WriteAllText(Path.Combine(project, "Firmware", "Updater.cs"), "namespace PlcGateway.Firmware;\n");
        var bundle = workspace.Path("bundle");
        var result = Evidence(workspace, bundle);

        Assert.True(result.ExitCode == ExitCodes.Incomplete, result.ToString());
        Assert.Contains($"error {BuildRules.ProjectEvidenceStale.Id}", result.StandardError);
        Assert.Contains("Program.cs changed after the build", result.StandardError);
        Assert.Contains("Firmware/Updater.cs was added after the build", result.StandardError);
        var evidence = Read(bundle);
        Assert.False(evidence.GetProperty("complete").GetBoolean());
        Assert.Equal("missing", Status(evidence, "SM-12"));
        var incomplete = Assert.Single(evidence.GetProperty("incomplete").EnumerateArray());
        Assert.Contains("stale", incomplete.GetProperty("reason").GetString());
        Assert.Equal("stale", evidence.GetProperty("projects")[0].GetProperty("status").GetString());
        Assert.Contains("Incomplete evidence", File.ReadAllText(Path.Combine(bundle, ReleaseBundle.ReportFile)));

        // The assets file is an input too: a restore that resolves other packages makes the evidence stale.
        workspace.Build("PlcGateway");
        Assert.Equal(ExitCodes.CheckFailed, Evidence(workspace, bundle).ExitCode);
        File.WriteAllText(Path.Combine(project, "obj", "project.assets.json"), "{ \"version\": 3, \"targets\": {} }\n");
        var restored = Evidence(workspace, bundle);
        Assert.Equal(ExitCodes.Incomplete, restored.ExitCode);
        Assert.Contains("obj/project.assets.json changed after the build", restored.StandardError);
    }

    [Fact]
    public void A_project_without_evidence_makes_the_bundle_incomplete_and_is_named()
    {
        using var workspace = new EvidenceWorkspace();
        workspace.AddProject("PlcGateway");
        workspace.AddProject("HmiPanel", build: false);
        var bundle = workspace.Path("bundle");

        var result = Evidence(workspace, bundle);

        Assert.True(result.ExitCode == ExitCodes.Incomplete, result.ToString());
        Assert.Contains($"error {BuildRules.ProjectEvidenceMissing.Id}: HmiPanel (Release|net10.0) has no evidence folder", result.StandardError);
        var evidence = Read(bundle);
        Assert.Equal("missing", Status(evidence, "SM-12"));
        Assert.Contains("HmiPanel (Release|net10.0): no evidence folder", evidence.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "SM-12").GetProperty("detail").GetString());
        Assert.Equal("missing", evidence.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "HmiPanel").GetProperty("status").GetString());

        // Evidence of another configuration is not this configuration's.
        var debug = Evidence(workspace, workspace.Path("debug"), "--configuration", "Debug");
        Assert.Equal(ExitCodes.Incomplete, debug.ExitCode);
        Assert.Contains("PlcGateway (Debug|net10.0) has no evidence folder", debug.StandardError);
    }

    [Fact]
    public void A_record_missing_from_the_evidence_folder_is_named_and_never_complete()
    {
        using var workspace = new EvidenceWorkspace();
        workspace.AddProject("PlcGateway", vex: false);
        var bundle = workspace.Path("bundle");

        var result = Evidence(workspace, bundle);

        // The audit has a finding, so its VEX triage is required.
        Assert.Equal(ExitCodes.Incomplete, result.ExitCode);
        Assert.Contains("lacks the record(s) vex.cdx.json", result.StandardError);
        var evidence = Read(bundle);
        Assert.Equal("missing", Status(evidence, "SM-12"));
        Assert.Equal("missing", Status(evidence, "DM-2"));
        Assert.Equal("failing", Status(evidence, "DM-4"));
        Assert.Single(evidence.GetProperty("unresolvedAdvisories").EnumerateArray());
    }

    [Fact]
    public void Test_projects_are_left_out_unless_asked_for()
    {
        using var workspace = new EvidenceWorkspace();
        workspace.AddProject("PlcGateway");
        workspace.AddProject("PlcGateway.Tests", build: false, test: true);

        var bundle = workspace.Path("bundle");
        Assert.Equal(ExitCodes.CheckFailed, Evidence(workspace, bundle).ExitCode);
        var evidence = Read(bundle);
        Assert.Single(evidence.GetProperty("projects").EnumerateArray());
        Assert.Equal("PlcGateway.Tests/PlcGateway.Tests.csproj", Assert.Single(evidence.GetProperty("excludedTestProjects").EnumerateArray()).GetString());

        Assert.Equal(ExitCodes.Incomplete, Evidence(workspace, workspace.Path("with-tests"), "--include-tests").ExitCode);
    }

    [Fact]
    public void Altered_evidence_fails_file_integrity_and_completeness()
    {
        using var workspace = new EvidenceWorkspace();
        workspace.AddProject("PlcGateway");
        File.AppendAllText(Path.Combine(workspace.EvidenceFolder("PlcGateway"), "bom.cdx.json"), "\n");
        var bundle = workspace.Path("bundle");

        var result = Evidence(workspace, bundle);

        Assert.Equal(ExitCodes.Incomplete, result.ExitCode);
        Assert.Contains($"error {BuildRules.ProjectEvidenceAltered.Id}", result.StandardError);
        Assert.Contains("changed: bom.cdx.json", result.StandardError);
        var evidence = Read(bundle);
        Assert.Equal("failing", Status(evidence, "SM-6"));
        Assert.Equal("failing", Status(evidence, "SM-12"));
    }

    [Fact]
    public void An_unreadable_evidence_file_is_a_clear_error_and_no_bundle_is_written()
    {
        using var workspace = new EvidenceWorkspace();
        workspace.AddProject("PlcGateway");
        var sarif = Path.Combine(workspace.EvidenceFolder("PlcGateway"), "compiler.sarif");
        File.WriteAllText(sarif, "{ \"version\": \"2.1.0\", \"runs\": [ { \"tool\": ");
        var bundle = workspace.Path("bundle");

        var result = Evidence(workspace, bundle);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Contains($"error {BuildRules.EvidenceFileUnreadable.Id}", result.StandardError);
        Assert.Contains(sarif, result.StandardError);
        Assert.Contains("No bundle was written", result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError);
        Assert.False(Directory.Exists(bundle));
    }

    [Fact]
    public void Bad_input_exits_2_and_leaves_other_folders_alone()
    {
        using var workspace = new EvidenceWorkspace();
        workspace.AddProject("PlcGateway");

        Assert.Equal(ExitCodes.UsageOrInputError, CliRunner.Run("evidence", workspace.Path("nowhere"), "--release", "1.0").ExitCode);
        Assert.Equal(ExitCodes.UsageOrInputError, CliRunner.Run("evidence", workspace.Root).ExitCode);

        var occupied = workspace.Path("occupied");
        Directory.CreateDirectory(occupied);
        File.WriteAllText(Path.Combine(occupied, "notes.txt"), "mine");
        var result = Evidence(workspace, occupied);
        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Contains("is not an evidence bundle", result.StandardError);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(occupied, "notes.txt")));
    }

    [Fact]
    public void Json_output_is_one_document_on_standard_output()
    {
        using var workspace = new EvidenceWorkspace();
        workspace.AddProject("PlcGateway");
        var bundle = workspace.Path("bundle");

        var result = Evidence(workspace, bundle, "--format", "json");

        using var document = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal(result.ExitCode, document.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal(ReleaseBundle.Fingerprint(bundle), document.RootElement.GetProperty("fingerprint").GetString());
        Assert.Equal(15, document.RootElement.GetProperty("requirements").GetArrayLength());
        Assert.Contains(document.RootElement.GetProperty("messages").EnumerateArray(), m => m.GetProperty("id").GetString() == BuildRules.ReleaseGateOpen.Id);
    }
}
