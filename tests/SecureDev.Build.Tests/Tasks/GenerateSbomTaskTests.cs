using SecureDev.Core.Diagnostics;
using SecureDev.Tests;
using Xunit;

namespace SecureDev.Build.Tests.Tasks;

/// <summary>The SBOM task's bad-input paths: clear SD9xxx messages, nothing half-written.</summary>
public class GenerateSbomTaskTests
{
    private static readonly string Assets = Repository.Path("tests", "SecureDev.Core.Tests", "Fixtures", "assets", "multi-target.assets.json");

    private static string Scratch()
    {
        var path = Path.Combine(Path.GetTempPath(), "securedev-task-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    [Fact]
    public void An_unwritable_output_is_SD9040_and_leaves_no_temporary_file()
    {
        var scratch = Scratch();
        var blocker = Path.Combine(scratch, "obj");
        File.WriteAllText(blocker, "a file where the intermediate directory should be");
        var engine = new RecordingBuildEngine();
        var task = new GenerateSbom { BuildEngine = engine, AssetsFile = Assets, OutputFile = Path.Combine(blocker, "securedev", "bom.cdx.json"), ProjectName = "Multi", TargetFramework = "net8.0" };

        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("SD9040", error.Code);
        Assert.Equal(BuildRules.OutputNotWritten.HelpLink, error.HelpLink);
        Assert.Equal(new[] { blocker }, Directory.GetFileSystemEntries(scratch));
    }

    [Fact]
    public void A_failed_regeneration_keeps_the_previous_bom_whole()
    {
        var output = Path.Combine(Scratch(), "bom.cdx.json");
        var engine = new RecordingBuildEngine();
        Assert.True(new GenerateSbom { BuildEngine = engine, AssetsFile = Assets, OutputFile = output, ProjectName = "Multi", TargetFramework = "net8.0" }.Execute());
        var before = File.ReadAllBytes(output);

        var failing = new RecordingBuildEngine();
        Assert.False(new GenerateSbom { BuildEngine = failing, AssetsFile = Assets, OutputFile = output, ProjectName = "Multi", TargetFramework = "net9.0" }.Execute());
        Assert.Equal("SD9022", Assert.Single(failing.Errors).Code);
        Assert.Equal(before, File.ReadAllBytes(output));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(output)!));
    }

    [Fact]
    public void Each_inner_build_writes_only_its_own_framework()
    {
        var directory = Scratch();
        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            var engine = new RecordingBuildEngine();
            Assert.True(new GenerateSbom { BuildEngine = engine, AssetsFile = Assets, OutputFile = Path.Combine(directory, framework + ".json"), ProjectName = "Multi", TargetFramework = framework }.Execute());
        }

        Assert.Contains("Newtonsoft.Json@12.0.1", File.ReadAllText(Path.Combine(directory, "net8.0.json")));
        Assert.DoesNotContain("Newtonsoft.Json@13.0.3", File.ReadAllText(Path.Combine(directory, "net8.0.json")));
        Assert.Contains("Newtonsoft.Json@13.0.3", File.ReadAllText(Path.Combine(directory, "net10.0.json")));
        Assert.DoesNotContain("Newtonsoft.Json@12.0.1", File.ReadAllText(Path.Combine(directory, "net10.0.json")));
    }

    [Fact]
    public void An_unknown_spec_version_fails_the_task_with_SD9051_at_the_project_file()
    {
        var engine = new RecordingBuildEngine();
        var output = Path.Combine(Scratch(), "bom.cdx.json");
        var task = new GenerateSbom { BuildEngine = engine, AssetsFile = Assets, OutputFile = output, ProjectName = "Multi", TargetFramework = "net8.0", SpecVersion = "1.4", ProjectFile = "Multi.csproj" };
        Assert.False(task.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal("SD9051", error.Code);
        Assert.Equal("Multi.csproj", error.File);
        Assert.False(File.Exists(output));
    }
}
