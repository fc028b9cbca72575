using SecureDev.Core.Diagnostics;
using SecureDev.Tests;
using Xunit;

namespace SecureDev.Build.Tests.Tasks;

/// <summary>The tasks turn problems into SD9xxx messages with help links; no exception or stack trace reaches the user.</summary>
public class SecureDevTaskTests
{
    private static string Scratch()
    {
        var path = Path.Combine(Path.GetTempPath(), "securedev-task-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    [Fact]
    public void A_missing_assets_file_fails_the_sbom_task_with_SD9020_and_writes_nothing()
    {
        var engine = new RecordingBuildEngine();
        var output = Path.Combine(Scratch(), "bom.cdx.json");
        var task = new GenerateSbom { BuildEngine = engine, AssetsFile = "/nonexistent/obj/project.assets.json", OutputFile = output, ProjectName = "Gateway" };

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("SD9020", error.Code);
        Assert.Equal(BuildRules.AssetsFileUnreadable.HelpLink, error.HelpLink);
        Assert.Equal("/nonexistent/obj/project.assets.json", error.File);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void The_sbom_task_writes_the_bom_of_a_real_assets_file()
    {
        var engine = new RecordingBuildEngine();
        var output = Path.Combine(Scratch(), "bom.cdx.json");
        var assets = Repository.Path("tests", "SecureDev.Core.Tests", "Fixtures", "assets", "plcgateway.assets.json");
        var task = new GenerateSbom { BuildEngine = engine, AssetsFile = assets, OutputFile = output, ProjectName = "PlcGateway", ProjectVersion = "2.3.0" };

        Assert.True(task.Execute());
        Assert.Empty(engine.Errors);
        Assert.Contains("\"purl\": \"pkg:nuget/Newtonsoft.Json@12.0.1\"", File.ReadAllText(output));
    }

    [Fact]
    public void An_unwritable_output_is_SD9040_naming_the_cause()
    {
        var engine = new RecordingBuildEngine();
        var blocker = Path.Combine(Scratch(), "not-a-directory");
        File.WriteAllText(blocker, "a file where the evidence folder's parent should be");
        var task = new WriteEvidence { BuildEngine = engine, EvidenceDirectory = Path.Combine(blocker, "evidence") };

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("SD9040", error.Code);
        Assert.Contains("writable", error.Message);
    }

    [Fact]
    public void An_unknown_audit_level_fails_the_audit_task_with_SD9050()
    {
        var engine = new RecordingBuildEngine();
        var task = new AuditDependencies { BuildEngine = engine, BomFile = "unused.json", ReportFile = Path.Combine(Scratch(), "audit.json"), AuditLevel = "severe", ProjectFile = "Gateway.csproj" };

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("SD9050", error.Code);
        Assert.Equal("Gateway.csproj", error.File);
    }

    [Fact]
    public void An_unexpected_failure_is_SD9099_without_a_stack_trace()
    {
        var engine = new RecordingBuildEngine();
        Assert.False(new ThrowingTask { BuildEngine = engine }.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("SD9099", error.Code);
        Assert.Contains("ThrowingTask failed: InvalidOperationException: the unexpected", error.Message);
        Assert.DoesNotContain(" at ", error.Message);
    }

    private sealed class ThrowingTask : SecureDevTask
    {
        protected override void Run(List<BuildMessage> messages) => throw new InvalidOperationException("the unexpected");
    }
}
