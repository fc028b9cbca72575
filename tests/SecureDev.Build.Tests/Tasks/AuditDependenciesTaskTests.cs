using System.Text.Json;
using SecureDev.Core.IO;
using SecureDev.Core.Sbom;
using SecureDev.Tests;
using Xunit;

namespace SecureDev.Build.Tests.Tasks;

/// <summary>The audit task with its properties as the targets pass them, without a build: reports, policy, bad settings.</summary>
public class AuditDependenciesTaskTests
{
    internal static readonly DateTimeOffset Now = new(2024, 6, 2, 8, 0, 0, TimeSpan.Zero);

    internal static string Scratch()
    {
        var path = Path.Combine(Path.GetTempPath(), "securedev-task-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    internal static string AdvisoryDatabase => Repository.Path("samples", "advisory-db");

    /// <summary>A BOM of a gateway with a direct Newtonsoft.Json 12.0.1 and, through a library, System.Text.Encodings.Web 4.5.0.</summary>
    internal static string WriteBom(string directory)
    {
        Component Package(string name, string version) => new() { Name = name, Version = version, BomRef = Purl.NuGet(name, version), Purl = Purl.NuGet(name, version) };
        var bom = new Bom
        {
            Metadata = new BomMetadata { Timestamp = "2024-06-01T00:00:00Z", Component = new Component { Type = "application", Name = "Gateway", Version = "1.0.0", BomRef = "project:Gateway@1.0.0" } },
            Components = new() { Package("Newtonsoft.Json", "12.0.1"), Package("Vendor.Historian.Client", "3.1.0"), Package("System.Text.Encodings.Web", "4.5.0") },
            Dependencies = new()
            {
                new Dependency { Ref = "project:Gateway@1.0.0", DependsOn = new() { "pkg:nuget/Newtonsoft.Json@12.0.1", "pkg:nuget/Vendor.Historian.Client@3.1.0" } },
                new Dependency { Ref = "pkg:nuget/Vendor.Historian.Client@3.1.0", DependsOn = new() { "pkg:nuget/System.Text.Encodings.Web@4.5.0" } },
            },
        };
        var path = Path.Combine(directory, "bom.cdx.json");
        File.WriteAllText(path, BomSerializer.Serialize(bom));
        return path;
    }

    internal static string WriteProject(string directory)
    {
        var path = Path.Combine(directory, "Gateway.csproj");
        File.WriteAllText(path, """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="12.0.1" />
                <PackageReference Include="Vendor.Historian.Client" Version="3.1.0" />
              </ItemGroup>
            </Project>
            """);
        return path;
    }

    internal static string WriteSuppressions(string directory, string expires = "2024-12-31")
    {
        var path = Path.Combine(directory, "securedev-suppressions.json");
        File.WriteAllText(path, $$"""
            {
              "suppressions": [
                {
                  "id": "GHSA-5crp-9r3c-p9vr",
                  "package": "Newtonsoft.Json",
                  "versions": "[12.0.1]",
                  "state": "not_affected",
                  "justification": "code_not_reachable",
                  "detail": "Only the gateway's own tag map is parsed, with MaxDepth 32.",
                  "owner": "jane.doe@contoso.example",
                  "expires": "{{expires}}"
                }
              ]
            }
            """);
        return path;
    }

    private static AuditDependencies Task(RecordingBuildEngine engine, string directory) => new()
    {
        BuildEngine = engine,
        BomFile = WriteBom(directory),
        ReportFile = Path.Combine(directory, "obj", "audit.json"),
        AdvisorySources = new Microsoft.Build.Framework.ITaskItem[] { new Microsoft.Build.Utilities.TaskItem(AdvisoryDatabase) },
        AuditPackageSources = "false",
        AuditLevel = "high",
        AdvisoryCacheDirectory = Path.Combine(directory, "cache"),
        ProjectFile = WriteProject(directory),
        Now = Now,
    };

    [Fact]
    public void Writes_the_four_reports_and_the_suppressions_it_read()
    {
        var directory = Scratch();
        var engine = new RecordingBuildEngine();
        var task = Task(engine, directory);
        task.SuppressionsFile = WriteSuppressions(directory);

        Assert.False(task.Execute());
        Assert.Equal("SD9004", Assert.Single(engine.Errors).Code);
        Assert.Empty(engine.Warnings);
        Assert.Contains(engine.Messages, m => m.Code == "SD9005");

        var obj = Path.Combine(directory, "obj");
        Assert.Equal(new[] { "audit.json", "audit.md", "audit.sarif", "suppressions.json", "vex.cdx.json" }, Directory.GetFiles(obj).Select(Path.GetFileName).Order());
        Assert.Equal(File.ReadAllBytes(task.SuppressionsFile), File.ReadAllBytes(Path.Combine(obj, "suppressions.json")));
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(obj, "audit.json")));
        Assert.Equal("failed", report.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(1, report.RootElement.GetProperty("summary").GetProperty("suppressed").GetInt32());
        Assert.Contains("**Verdict: FAILED.** 1 finding(s) at or above the audit level `high`.", File.ReadAllText(Path.Combine(obj, "audit.md")));
    }

    [Fact]
    public void A_second_run_reads_the_advisories_from_the_cache_and_writes_the_same_reports()
    {
        var directory = Scratch();
        Task(new RecordingBuildEngine(), directory).Execute();
        var first = File.ReadAllText(Path.Combine(directory, "obj", "audit.json"));
        Assert.Single(Directory.GetFiles(Path.Combine(directory, "cache"), "*.sdcache"));

        Core.Advisories.AdvisoryCache.ClearMemory();
        Task(new RecordingBuildEngine(), directory).Execute();
        Assert.Equal(first, File.ReadAllText(Path.Combine(directory, "obj", "audit.json")));
    }

    [Theory]
    [InlineData("AuditMode", "transitive", "SD9055")]
    [InlineData("AdvisoryMaxAgeDays", "a week", "SD9056")]
    [InlineData("AuditPackageSources", "yes", "SD9057")]
    public void An_invalid_setting_fails_with_its_id_and_leaves_no_report_that_looks_current(string property, string value, string id)
    {
        var directory = Scratch();
        var task = Task(new RecordingBuildEngine(), directory);
        Assert.False(task.Execute());
        Assert.True(File.Exists(task.ReportFile));

        var engine = new RecordingBuildEngine();
        var again = Task(engine, directory);
        typeof(AuditDependencies).GetProperty(property)!.SetValue(again, value);
        Assert.False(again.Execute());
        var error = Assert.Single(engine.Errors);
        Assert.Equal(id, error.Code);
        Assert.Equal(again.ProjectFile, error.File);
        Assert.Empty(Directory.GetFiles(Path.Combine(directory, "obj")));
    }

    [Fact]
    public void An_expired_suppression_fails_the_task_with_SD9030()
    {
        var directory = Scratch();
        var engine = new RecordingBuildEngine();
        var task = Task(engine, directory);
        task.AuditLevel = "critical";
        task.AdvisoryMaxAgeDays = "0";
        task.SuppressionsFile = WriteSuppressions(directory, expires: "2024-05-31");

        Assert.False(task.Execute());
        Assert.Equal(new[] { "SD9004", "SD9030" }, engine.Errors.Select(e => e.Code).Order());
        Assert.Equal("SD9001", Assert.Single(engine.Warnings).Code);
        Assert.Equal(BuildRulesHelp("SD9030"), engine.Errors.Single(e => e.Code == "SD9030").HelpLink);
    }

    private static string BuildRulesHelp(string id) => Core.Diagnostics.BuildRules.All.Single(r => r.Id == id).HelpLink;

    [Fact]
    public void Reports_carry_the_boms_timestamp_so_equal_inputs_give_equal_bytes()
    {
        var directory = Scratch();
        Task(new RecordingBuildEngine(), directory).Execute();
        var vex = CanonicalJson.Deserialize<Bom>(File.ReadAllText(Path.Combine(directory, "obj", "vex.cdx.json")))!;
        Assert.Equal("2024-06-01T00:00:00Z", vex.Metadata!.Timestamp);
    }
}
