using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using NuGet.ProjectModel;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Sbom;

namespace SecureDev.Benchmarks;

/// <summary>
/// SBOM generation on a generated restore result of 1,200 packages (a layered dependency graph like a large plant
/// application's), with a package folder holding a nuspec per package, so the nuspec reading is measured too.
/// dotnet run -c Release --project benchmarks/SecureDev.Benchmarks -- bdn --filter '*Sbom*'
/// Budget (issue 6): whole generation under 200 ms.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class SbomBenchmarks
{
    public const int Packages = 1_200;

    private string _directory = "";
    private string _assets = "";
    private LockFile _lockFile = null!;
    private Bom _bom = null!;
    private List<LabeledBom> _projectBoms = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "securedev-sbom-benchmark");
        _assets = LargeRestore.Write(_directory, Packages);
        _lockFile = AssetsFile.Read(_assets, new List<BuildMessage>())!;
        _bom = BuildBom();

        // Twenty projects of a release, each using a different slice of the same graph.
        _projectBoms = Enumerable.Range(0, 20).Select(i =>
        {
            var graph = RestoreGraph.Select(_lockFile, "net10.0", null, _assets, new List<BuildMessage>())!;
            var bom = BomBuilder.Build(graph, new ProjectIdentity("Plant.Project" + i, "1.0.0"), DateTimeOffset.UnixEpoch, null, new List<BuildMessage>());
            bom.Metadata!.Component!.BomRef = "project:Plant.Project" + i + "@1.0.0";
            return new LabeledBom(bom, "Plant.Project" + i + "/net10.0");
        }).ToList();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    /// <summary>What the build task does: read the assets file, read every nuspec, build the BOM, write canonical JSON.</summary>
    [Benchmark(Description = "Generate BOM (1,200 packages, nuspecs read)")]
    public string Generate() =>
        SbomGenerator.Generate(new SbomRequest(_assets, new ProjectIdentity("Plant.Scada", "4.2.0"), TargetFramework: "net10.0", Environment: Epoch), new List<BuildMessage>())!;

    [Benchmark(Description = "Read assets file")]
    public LockFile ReadAssets() => new LockFileFormat().Read(_assets);

    [Benchmark(Description = "Graph + nuspecs + BOM model")]
    public Bom BuildBom()
    {
        var messages = new List<BuildMessage>();
        var graph = RestoreGraph.Select(_lockFile, "net10.0", null, _assets, messages)!;
        return BomBuilder.Build(graph, new ProjectIdentity("Plant.Scada", "4.2.0"), DateTimeOffset.UnixEpoch, new PackageFolders(_lockFile, _assets), messages);
    }

    [Benchmark(Description = "Serialize (canonical JSON, content serial number)")]
    public string Serialize() => BomSerializer.Serialize(_bom);

    [Benchmark(Description = "Merge 20 project BOMs into a release BOM")]
    public Bom Merge() => BomMerger.Merge(_projectBoms, new Component { Name = "Plant", Version = "4.2.0" });

    private static string? Epoch(string name) => name == BuildTimestamp.SourceDateEpoch ? "1700000000" : null;

    /// <summary>
    /// In the benchmark's own process (the NuGet client it loads is the SDK's, as in a build), with warm-up enough for
    /// the JIT to reach tier 1: an operation of a few hundred milliseconds needs a few dozen calls.
    /// </summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(20).WithIterationCount(10));
    }
}

/// <summary>Writes a project.assets.json of a generated graph and a package folder with a nuspec for every package.</summary>
public static class LargeRestore
{
    public static string Write(string directory, int packages)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        var folder = Path.Combine(directory, "packages") + Path.DirectorySeparatorChar;
        var random = new Random(62443);
        string Id(int i) => "Plant.Component" + i.ToString("D4", CultureInfo.InvariantCulture);
        var dependencies = new List<int>[packages];
        for (var i = 0; i < packages; i++)
        {
            // Each package depends on up to four packages further down the layers: a DAG, as NuGet requires.
            dependencies[i] = Enumerable.Range(0, random.Next(0, 5)).Select(_ => i + 1 + random.Next(0, Math.Max(1, packages - i - 1))).Where(d => d < packages).Distinct().Order().ToList();
        }

        var targets = new StringBuilder();
        var libraries = new StringBuilder();
        for (var i = 0; i < packages; i++)
        {
            var id = Id(i);
            var version = $"{1 + i % 7}.{i % 13}.{i % 5}";
            var path = id.ToLowerInvariant() + "/" + version;
            var deps = string.Join(", ", dependencies[i].Select(d => $"\"{Id(d)}\": \"{1 + d % 7}.{d % 13}.{d % 5}\""));
            targets.Append(i == 0 ? "" : ",\n").Append($"      \"{id}/{version}\": {{ \"type\": \"package\", \"dependencies\": {{ {deps} }}, \"compile\": {{ \"lib/net8.0/{id}.dll\": {{}} }}, \"runtime\": {{ \"lib/net8.0/{id}.dll\": {{}} }} }}");
            var sha512 = Convert.ToBase64String(System.Security.Cryptography.SHA512.HashData(Encoding.UTF8.GetBytes(id + version)));
            libraries.Append(i == 0 ? "" : ",\n").Append($"    \"{id}/{version}\": {{ \"sha512\": \"{sha512}\", \"type\": \"package\", \"path\": \"{path}\", \"files\": [\".nupkg.metadata\", \"{id.ToLowerInvariant()}.nuspec\", \"lib/net8.0/{id}.dll\"] }}");

            var nuspecDirectory = Path.Combine(folder, id.ToLowerInvariant(), version);
            Directory.CreateDirectory(nuspecDirectory);
            File.WriteAllText(Path.Combine(nuspecDirectory, id.ToLowerInvariant() + ".nuspec"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata>
                    <id>{id}</id>
                    <version>{version}</version>
                    <authors>Plant Components Ltd</authors>
                    <license type="expression">{(i % 3 == 0 ? "Apache-2.0 OR MIT" : "MIT")}</license>
                    <licenseUrl>https://licenses.nuget.org/MIT</licenseUrl>
                    <projectUrl>https://components.example/{id}</projectUrl>
                    <description>Component {i} of the plant framework.</description>
                    <dependencies>
                      <group targetFramework="net8.0">
                {string.Join("\n", dependencies[i].Select(d => $"        <dependency id=\"{Id(d)}\" version=\"{1 + d % 7}.{d % 13}.{d % 5}\" />"))}
                      </group>
                    </dependencies>
                  </metadata>
                </package>
                """);
        }

        var direct = string.Join(",\n", Enumerable.Range(0, 30).Select(i => $"          \"{Id(i)}\": {{ \"target\": \"Package\", \"version\": \"[{1 + i % 7}.{i % 13}.{i % 5}, )\" }}"));
        var projectPath = Path.Combine(directory, "Plant.Scada", "Plant.Scada.csproj").Replace("\\", "\\\\");
        var assets = $$"""
            {
              "version": 3,
              "targets": {
                "net10.0": {
            {{targets}}
                }
              },
              "libraries": {
            {{libraries}}
              },
              "projectFileDependencyGroups": { "net10.0": [] },
              "packageFolders": { "{{folder.Replace("\\", "\\\\")}}": {} },
              "project": {
                "version": "4.2.0",
                "restore": {
                  "projectUniqueName": "{{projectPath}}",
                  "projectName": "Plant.Scada",
                  "projectPath": "{{projectPath}}",
                  "outputPath": "obj/",
                  "projectStyle": "PackageReference",
                  "originalTargetFrameworks": ["net10.0"],
                  "frameworks": { "net10.0": { "targetAlias": "net10.0", "projectReferences": {} } }
                },
                "frameworks": {
                  "net10.0": {
                    "targetAlias": "net10.0",
                    "dependencies": {
            {{direct}}
                    }
                  }
                }
              }
            }
            """;
        var assetsPath = Path.Combine(directory, "project.assets.json");
        File.WriteAllText(assetsPath, assets);
        return assetsPath;
    }
}
