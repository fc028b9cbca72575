using Microsoft.Build.Utilities;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Evidence;
using Xunit;

namespace SecureDev.Build.Tests.Tasks;

/// <summary>The WriteEvidence task: the records it is given, the ones it makes, and a record that was not produced.</summary>
public class WriteEvidenceTests
{
    [Fact]
    public void A_record_that_was_not_produced_is_SD9060_and_the_rest_is_still_written()
    {
        var root = Path.Combine(Path.GetTempPath(), "securedev-task-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var project = Path.Combine(root, "Gateway.csproj");
        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        File.WriteAllText(Path.Combine(root, "bom.cdx.json"), "{}\n");
        var engine = new RecordingBuildEngine();
        var task = new WriteEvidence
        {
            BuildEngine = engine,
            EvidenceDirectory = Path.Combine(root, "bin", "securedev", "Release", "net10.0"),
            Records = new[]
            {
                new TaskItem(Path.Combine(root, "bom.cdx.json"), new Dictionary<string, string> { ["EvidenceName"] = "bom.cdx.json" }),
                new TaskItem(Path.Combine(root, "obj", "vex.cdx.json"), new Dictionary<string, string> { ["EvidenceName"] = "vex.cdx.json" }),
            },
            ProjectFile = project,
            ProjectName = "Gateway",
            Configuration = "Release",
            TargetFramework = "net10.0",
            SarifFile = Path.Combine(root, "obj", "Gateway.sarif"),
            Settings = new[] { new TaskItem("SecureDevAuditLevel", new Dictionary<string, string> { ["Value"] = "high" }) },
        };

        Assert.True(task.Execute());
        var missing = engine.Warnings.Single(w => w.Code == BuildRules.EvidenceRecordMissing.Id);
        Assert.Contains("'vex.cdx.json' was not produced", missing.Message);
        Assert.Equal(BuildRules.EvidenceRecordMissing.HelpLink, missing.HelpLink);
        Assert.Contains(engine.Warnings, w => w.Code == BuildRules.EvidenceCompilerLogUnreadable.Id);

        var folder = task.EvidenceDirectory;
        Assert.Equal(new[] { "bom.cdx.json", "manifest.json", "outputs.json", "project.json" }, Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        Assert.Empty(Manifest.Verify(folder));
        var record = ProjectRecord.Read(Path.Combine(folder, ProjectRecord.FileName));
        Assert.Equal("high", record.Settings["SecureDevAuditLevel"]);
        Assert.Equal("Gateway.csproj", Assert.Single(record.Inputs).Path);
    }
}
