using SecureDev.Core.Diagnostics;
using SecureDev.Core.Evidence;
using SecureDev.Tests;

namespace SecureDev.Cli.Tests;

/// <summary>
/// A folder of projects whose evidence folders are made the way the build makes them (ProjectEvidence and
/// EvidenceFolder, the code the SecureDevEvidence target runs), from a real compiler log of the PlcGateway sample
/// (tests/SecureDev.Core.Tests/Fixtures/evidence/plcgateway.sarif) and a real audit report. The end-to-end tests do
/// the same from real builds; these are fast enough to tamper with every kind of file.
/// </summary>
public sealed class EvidenceWorkspace : IDisposable
{
    public const string Configuration = "Release";
    public const string Framework = "net10.0";

    public EvidenceWorkspace()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "securedev-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Path(params string[] parts) => System.IO.Path.Combine(new[] { Root }.Concat(parts).ToArray());

    public string EvidenceFolder(string project) => Path(project, "bin", "securedev", Configuration, Framework);

    public static string CompilerLogFixture => Repository.Path("tests", "SecureDev.Core.Tests", "Fixtures", "evidence", "plcgateway.sarif");

    /// <summary>Writes a project like the PlcGateway sample, and its evidence unless <paramref name="build"/> is false.</summary>
    /// <param name="vex">Write a VEX that triages the advisory finding as not affecting the product.</param>
    public string AddProject(string name, bool build = true, bool vex = true, bool test = false)
    {
        var directory = Path(name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(System.IO.Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>{Framework}</TargetFramework>
                <Version>2.3.0</Version>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SecureDev" Version="0.1.0" PrivateAssets="all" />
                {(test ? "<PackageReference Include=\"Microsoft.NET.Test.Sdk\" Version=\"18.0.1\" />" : "")}
              </ItemGroup>
            </Project>
            """);
        foreach (var (file, text) in Sources)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.Combine(directory, file))!);
            File.WriteAllText(System.IO.Path.Combine(directory, file), text);
        }

        File.WriteAllText(System.IO.Path.Combine(directory, "plant.globalconfig"), "is_global = true\ndotnet_diagnostic.SD2001.severity = suggestion\n");
        Directory.CreateDirectory(System.IO.Path.Combine(directory, "obj"));
        File.WriteAllText(System.IO.Path.Combine(directory, "obj", "project.assets.json"), "{ \"version\": 3 }\n");
        if (build)
        {
            Build(name, vex);
        }

        return directory;
    }

    /// <summary>Writes (again) the project's evidence folder from its sources, as a build would.</summary>
    public IReadOnlyList<BuildMessage> Build(string name, bool vex = true)
    {
        var directory = Path(name);
        var intermediate = System.IO.Path.Combine(directory, "obj", Configuration, Framework);
        var output = System.IO.Path.Combine(directory, "bin", Configuration, Framework);
        Directory.CreateDirectory(intermediate);
        Directory.CreateDirectory(output);
        var sarif = System.IO.Path.Combine(intermediate, name + ".sarif");
        File.WriteAllText(sarif, File.ReadAllText(CompilerLogFixture).Replace("file:///PROJECT/", new Uri(directory + "/").AbsoluteUri, StringComparison.Ordinal));
        var audit = System.IO.Path.Combine(intermediate, "audit.json");
        File.WriteAllText(audit, AuditReport);
        var bom = System.IO.Path.Combine(intermediate, "bom.cdx.json");
        File.WriteAllText(bom, Bom);
        File.WriteAllBytes(System.IO.Path.Combine(output, name + ".dll"), new byte[] { 0x4d, 0x5a, 1, 2, 3 });
        var records = new List<(string, string)> { ("audit.json", audit), ("bom.cdx.json", bom), ("compiler.sarif", sarif) };
        if (vex)
        {
            var vexFile = System.IO.Path.Combine(intermediate, "vex.cdx.json");
            File.WriteAllText(vexFile, Vex);
            records.Add(("vex.cdx.json", vexFile));
        }

        var messages = new List<BuildMessage>();
        var generated = ProjectEvidence.Generate(new ProjectBuild
        {
            ProjectFile = System.IO.Path.Combine(directory, name + ".csproj"),
            Name = name,
            Version = "2.3.0",
            AssemblyName = name,
            Configuration = Configuration,
            TargetFramework = Framework,
            SdkVersion = "10.0.401",
            MsBuildVersion = "18.9.11",
            SarifFile = sarif,
            ConfigFiles = new[] { System.IO.Path.Combine(directory, "plant.globalconfig") },
            Settings = new Dictionary<string, string> { ["SecureDevAuditLevel"] = "moderate" },
            Inputs = Sources.Select(s => System.IO.Path.Combine(directory, s.File)).Append(System.IO.Path.Combine(directory, "obj", "project.assets.json")).ToList(),
        }, messages);
        Core.Evidence.EvidenceFolder.Write(EvidenceFolder(name), records, output, Directory.GetFiles(output), generated);
        return messages;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The sources the compiler log's findings point at (lines as in the log).</summary>
    public static readonly (string File, string Text)[] Sources =
    {
        ("Firmware/FirmwareVerifier.cs", """
            using System.Security.Cryptography;

            namespace PlcGateway.Firmware;

            /// <summary>Checks a downloaded firmware image against the checksum published with it before it is flashed.</summary>
            public static class FirmwareVerifier
            {
                public static bool Verify(string imagePath, string publishedChecksum)
                {
                    using var image = File.OpenRead(imagePath);
            #pragma warning disable SD1001 // Compensating countermeasure: the image is also signed; the MD5 only matches the vendor's published checksum
                    using var md5 = MD5.Create();
            #pragma warning restore SD1001
                    var checksum = Convert.ToHexString(md5.ComputeHash(image));
                    return string.Equals(checksum, publishedChecksum, StringComparison.OrdinalIgnoreCase);
                }
            }

            """),
        ("Configuration/SecretProtector.cs", "namespace PlcGateway.Configuration;\n\npublic static class SecretProtector { }\n"),
        ("Configuration/TagMapLoader.cs", "namespace PlcGateway.Configuration;\n\npublic static class TagMapLoader { }\n"),
        ("Historian/HistorianClient.cs", "namespace PlcGateway.Historian;\n\npublic sealed class HistorianClient { }\n"),
        ("Program.cs", "Console.WriteLine(\"PlcGateway\");\n"),
    };

    private const string AuditReport = """
        {
          "schema": "https://securedev.dev/schemas/audit/1",
          "tool": { "name": "SecureDev", "version": "0.1.0" },
          "project": "PlcGateway",
          "timestamp": "2026-11-01T00:00:00Z",
          "auditLevel": "moderate",
          "checked": true,
          "verdict": "passed-with-findings",
          "componentsChecked": 2,
          "sources": [ { "name": "advisory-db", "kind": "osv-directory", "location": "advisory-db", "status": "used", "records": 4, "newestModified": "2024-05-31T20:35:56Z" } ],
          "summary": { "critical": 0, "high": 0, "moderate": 0, "low": 1, "failing": 0 },
          "findings": [
            { "package": "Newtonsoft.Json", "version": "12.0.1", "bomRef": "pkg:nuget/Newtonsoft.Json@12.0.1", "advisory": "GHSA-5crp-9r3c-p9vr", "aliases": [],
              "summary": "Improper Handling of Exceptional Conditions in Newtonsoft.Json", "severity": "low", "fixedIn": "13.0.1", "direct": true,
              "path": [ "Newtonsoft.Json 12.0.1" ], "failsBuild": false, "url": "https://github.com/advisories/GHSA-5crp-9r3c-p9vr" }
          ]
        }

        """;

    private const string Bom = """
        { "bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
          "metadata": { "component": { "type": "application", "name": "PlcGateway", "version": "2.3.0", "bom-ref": "plcgateway" } },
          "components": [ { "type": "library", "name": "Newtonsoft.Json", "version": "12.0.1", "bom-ref": "pkg:nuget/Newtonsoft.Json@12.0.1", "purl": "pkg:nuget/Newtonsoft.Json@12.0.1" } ],
          "dependencies": [ { "ref": "plcgateway", "dependsOn": [ "pkg:nuget/Newtonsoft.Json@12.0.1" ] } ] }

        """;

    private const string Vex = """
        { "bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
          "vulnerabilities": [ { "id": "GHSA-5crp-9r3c-p9vr", "analysis": { "state": "not_affected", "justification": "code_not_reachable", "detail": "The gateway never deserializes untrusted JSON with exceptions surfaced to callers." },
                                 "affects": [ { "ref": "pkg:nuget/Newtonsoft.Json@12.0.1" } ] } ] }

        """;
}
