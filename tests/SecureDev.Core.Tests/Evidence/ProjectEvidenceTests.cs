using System.Text.Json;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Evidence;
using Xunit;

namespace SecureDev.Core.Tests.Evidence;

/// <summary>The records the build makes from itself: project.json, coding-standard.json and code-suppressions.json, and its SD9058-SD9062 warnings.</summary>
public class ProjectEvidenceTests
{
    private sealed class Project : IDisposable
    {
        private readonly TemporaryDirectory _directory = Fixture.TemporaryDirectory();

        public Project(string? sarif = null)
        {
            Write("Gateway.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
            Write("Firmware/FirmwareVerifier.cs", string.Concat(Enumerable.Repeat("\n", 10)) + "#pragma warning disable SD1001 // Compensating countermeasure: images are signed\n        using var md5 = MD5.Create();\n");
            Write("Program.cs", "System.Console.WriteLine();\n");
            Write("obj/project.assets.json", "{ \"version\": 3 }\n");
            Write("obj/Release/net10.0/Gateway.AssemblyInfo.cs", "// generated\n");
            Write("plant.globalconfig", "is_global = true\n# Historian in the lab only: its certificate is self-signed\ndotnet_diagnostic.SD2001.severity = suggestion\n");
            Write(".editorconfig", "[*.cs]\ndotnet_diagnostic.SD3001.severity = none\n");
            Sarif = Write("obj/Release/net10.0/Gateway.sarif", sarif ?? File.ReadAllText(Fixture.Path("evidence", "plcgateway.sarif")).Replace("file:///PROJECT/", new Uri(Directory + "/").AbsoluteUri));
        }

        public string Directory => _directory.Path;

        public string Sarif { get; }

        public string Write(string file, string text)
        {
            var path = Path.Combine(Directory, file);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        public (Dictionary<string, string> Files, List<BuildMessage> Messages) Generate(string? noWarn = null)
        {
            var messages = new List<BuildMessage>();
            var files = ProjectEvidence.Generate(new ProjectBuild
            {
                ProjectFile = Path.Combine(Directory, "Gateway.csproj"),
                Name = "Gateway",
                Configuration = "Release",
                TargetFramework = "net10.0",
                SdkVersion = "10.0.401",
                SarifFile = Sarif,
                ConfigFiles = new[] { Path.Combine(Directory, "plant.globalconfig"), Path.Combine(Directory, ".editorconfig") },
                NoWarn = noWarn,
                Inputs = new[] { "Program.cs", "Firmware/FirmwareVerifier.cs", "obj/project.assets.json", "obj/Release/net10.0/Gateway.AssemblyInfo.cs" }.Select(f => Path.Combine(Directory, f)).ToList(),
            }, messages).ToDictionary(f => f.Name, f => f.Content);
            return (files, messages);
        }

        public void Dispose() => _directory.Dispose();
    }

    [Fact]
    public void Suppressions_in_source_and_configuration_are_recorded_with_their_justification()
    {
        using var project = new Project();
        var (files, messages) = project.Generate(noWarn: "1701;SD6001");

        using var document = JsonDocument.Parse(files[CodingStandard.SuppressionsFile]);
        var suppressions = document.RootElement.GetProperty("suppressions").EnumerateArray().ToDictionary(s => s.GetProperty("rule").GetString() + "/" + s.GetProperty("mechanism").GetString());
        Assert.Equal(new[] { "SD1001/pragma", "SD1002/SuppressMessage", "SD2001/globalconfig", "SD3001/editorconfig", "SD6001/NoWarn" }, suppressions.Keys.Order());
        Assert.Equal("images are signed", suppressions["SD1001/pragma"].GetProperty("compensatingCountermeasure").GetString());
        Assert.Equal(11, suppressions["SD1001/pragma"].GetProperty("line").GetInt32());
        Assert.Equal("Historian in the lab only: its certificate is self-signed", suppressions["SD2001/globalconfig"].GetProperty("justification").GetString());
        Assert.Equal("lowers to note", suppressions["SD2001/globalconfig"].GetProperty("effect").GetString());
        Assert.Equal(".editorconfig", suppressions["SD3001/editorconfig"].GetProperty("file").GetString());
        Assert.Equal("disables", suppressions["SD3001/editorconfig"].GetProperty("effect").GetString());

        // SD9061 for each weakening of a security rule without a reason, where it is written.
        var unjustified = messages.Where(m => m.Rule == BuildRules.UnjustifiedSuppression).ToList();
        Assert.Equal(2, unjustified.Count);
        Assert.Contains(unjustified, m => m.File == Path.Combine(project.Directory, ".editorconfig") + "(2)" && m.Text.Contains("SD3001"));
        Assert.Contains(unjustified, m => m.Text.StartsWith("NoWarn disables SD6001", StringComparison.Ordinal) && m.Text.Contains("set the severity in .editorconfig"));

        // The rules in force name the setting that changed each.
        using var rules = JsonDocument.Parse(files[CodingStandard.RulesFile]);
        var byId = rules.RootElement.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal("plant.globalconfig:3", byId["SD2001"].GetProperty("configuredBy").GetString());
        Assert.Equal("NoWarn", byId["SD6001"].GetProperty("configuredBy").GetString());
        Assert.Equal("note", byId["SD2001"].GetProperty("effectiveLevel").GetString());
        Assert.Equal(5, rules.RootElement.GetProperty("summary").GetProperty("secureDevRules").GetInt32());
    }

    [Fact]
    public void The_project_record_holds_the_toolchain_and_the_hashes_of_the_inputs_but_not_of_generated_files()
    {
        using var project = new Project();
        var (files, _) = project.Generate();
        var record = JsonSerializerRead(files[ProjectRecord.FileName]);

        Assert.Equal("10.0.401", record.Toolchain.Sdk);
        Assert.Equal("5.9.0", record.Toolchain.CompilerVersion);
        Assert.Equal(Core.Sbom.BomBuilder.ToolVersion, record.Toolchain.SecureDev);
        Assert.Equal(new[] { ".editorconfig", "Firmware/FirmwareVerifier.cs", "Gateway.csproj", "Program.cs", "obj/project.assets.json", "plant.globalconfig" }, record.Inputs.Select(i => i.Path));
        Assert.Empty(BuildEvidenceReader.StaleReasons(project.Directory, record));

        // Content, not time: a touch changes nothing; an edit, a deletion and a new source do.
        File.SetLastWriteTimeUtc(Path.Combine(project.Directory, "Program.cs"), DateTime.UtcNow.AddHours(1));
        Assert.Empty(BuildEvidenceReader.StaleReasons(project.Directory, record));
        File.AppendAllText(Path.Combine(project.Directory, "plant.globalconfig"), "dotnet_diagnostic.SD1001.severity = none\n");
        File.Delete(Path.Combine(project.Directory, "Program.cs"));
        project.Write("Modbus/Client.cs", "class Client { }\n");
        project.Write("bin/Generated.cs", "class Generated { }\n");
        Assert.Equal(new[] { "Program.cs was deleted after the build", "plant.globalconfig changed after the build", "Modbus/Client.cs was added after the build" },
            BuildEvidenceReader.StaleReasons(project.Directory, record));
    }

    private static ProjectRecord JsonSerializerRead(string json)
    {
        using var directory = Fixture.TemporaryDirectory();
        File.WriteAllText(directory.File(ProjectRecord.FileName), json);
        return ProjectRecord.Read(directory.File(ProjectRecord.FileName));
    }

    [Fact]
    public void A_sarif_1_log_is_SD9058()
    {
        using var project = new Project("{ \"$schema\": \"http://json.schemastore.org/sarif-1.0.0\", \"version\": \"1.0.0\", \"runs\": [] }");
        var (files, messages) = project.Generate();
        Assert.Contains("version=2.1", Fixture.Single(messages, BuildRules.EvidenceSarifVersion).Text);
        Assert.False(files.ContainsKey(CodingStandard.RulesFile));
        Assert.True(files.ContainsKey(ProjectRecord.FileName));
    }

    [Fact]
    public void A_log_without_SecureDev_rules_is_SD9059()
    {
        using var project = new Project("{ \"version\": \"2.1.0\", \"runs\": [ { \"tool\": { \"driver\": { \"name\": \"csc\", \"rules\": [ { \"id\": \"CA5350\" } ] } }, \"results\": [] } ] }");
        var (_, messages) = project.Generate();
        Assert.Contains("analyzers did not run", Fixture.Single(messages, BuildRules.EvidenceAnalyzersNotRun).Text);
    }

    [Fact]
    public void A_missing_or_broken_log_is_SD9062()
    {
        using var project = new Project("{ \"version\": \"2.1.0\", \"runs\": [ ");
        var (_, broken) = project.Generate();
        Assert.Contains("Gateway.sarif", Fixture.Single(broken, BuildRules.EvidenceCompilerLogUnreadable).Text);

        File.Delete(project.Sarif);
        var (files, missing) = project.Generate();
        Assert.Contains("wrote no SARIF log", Fixture.Single(missing, BuildRules.EvidenceCompilerLogUnreadable).Text);
        Assert.Equal(new[] { ProjectRecord.FileName }, files.Keys);
    }
}
