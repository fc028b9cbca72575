using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureDev.Build.Tests.EndToEnd;

/// <summary>
/// One workspace with the SBOM sample matrix built once with the packed SecureDev: a multi-targeted library
/// (MultiTarget), a solution with Central Package Management, a project reference and a test project
/// (CentralPackages), and a RID-specific application restored in locked mode from packages.lock.json (LockedDependencies).
/// </summary>
public sealed class SbomSamplesBuild
{
    public const string MultiTarget = "MultiTarget/HistorianBuffer/HistorianBuffer.csproj";
    public const string CentralPackages = "CentralPackages/AlarmRelay.slnx";
    public const string Locked = "LockedDependencies/MeterLogger/MeterLogger.csproj";

    // Built once per test run and shared by every class that uses it (xUnit makes a class fixture per class).
    private static readonly Lazy<(SampleWorkspace Workspace, BuildRun MultiTarget, BuildRun Central, BuildRun Locked)> Shared = new(() =>
    {
        var workspace = SampleWorkspace.Create("sbom-matrix");
        PinFreshSecureDevInLockFile(workspace);
        return (workspace, workspace.Build(MultiTarget), workspace.Build(CentralPackages), workspace.Build(Locked));
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public SampleWorkspace Workspace => Shared.Value.Workspace;

    public BuildRun MultiTargetRun => Shared.Value.MultiTarget;

    public BuildRun CentralPackagesRun => Shared.Value.Central;

    public BuildRun LockedRun => Shared.Value.Locked;

    /// <summary>The BOM a build wrote into its intermediate folder: obj/Debug/&lt;tfm&gt;[/&lt;rid&gt;]/securedev/bom.cdx.json.</summary>
    public string Bom(string projectDirectory, string target) =>
        Workspace.Path(new[] { projectDirectory, "obj", "Debug" }.Concat(target.Split('/')).Concat(new[] { "securedev", "bom.cdx.json" }).ToArray());

    public string Evidence(string projectDirectory, string framework, string file) =>
        Workspace.Path(projectDirectory, "bin", "securedev", "Debug", framework, file);

    /// <summary>Every BOM of the matrix: (sample, project directory, target).</summary>
    public static IEnumerable<(string Sample, string ProjectDirectory, string Target)> Boms { get; } = new[]
    {
        ("multi-target", "MultiTarget/HistorianBuffer", "net8.0"),
        ("multi-target", "MultiTarget/HistorianBuffer", "net10.0"),
        ("central-packages", "CentralPackages/AlarmRelay.Core", "net10.0"),
        ("project-reference", "CentralPackages/AlarmRelay.Service", "net10.0"),
        ("lock-file-rid", "LockedDependencies/MeterLogger", "net10.0/linux-x64"),
    };

    public static JsonElement Read(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return document.RootElement.Clone();
    }

    /// <summary>
    /// The lock file pins SecureDev's content hash; the test run packs SecureDev afresh, so the hash is updated the
    /// way a vendor updates it when upgrading SecureDev. Every other package is restored in locked mode as pinned.
    /// </summary>
    private static void PinFreshSecureDevInLockFile(SampleWorkspace workspace)
    {
        var lockFile = workspace.Path("LockedDependencies", "MeterLogger", "packages.lock.json");
        var json = JsonNode.Parse(File.ReadAllText(lockFile))!;
        var nupkg = Path.Combine(SecureDevPackage.Feed, $"SecureDev.{SecureDevPackage.Version}.nupkg");
        json["dependencies"]!["net10.0"]!["SecureDev"]!["contentHash"] = Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(nupkg)));
        File.WriteAllText(lockFile, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
