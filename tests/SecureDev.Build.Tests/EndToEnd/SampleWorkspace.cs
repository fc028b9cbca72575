using System.Text.RegularExpressions;
using SecureDev.Tests;

namespace SecureDev.Build.Tests.EndToEnd;

/// <summary>
/// A copy of samples/ in its own directory under artifacts/e2e/work, restored from the packed SecureDev, so that each
/// test builds real projects the way a vendor's CI does without touching the repository's samples.
/// </summary>
public sealed class SampleWorkspace
{
    private SampleWorkspace(string root) => Root = root;

    public string Root { get; }

    public static SampleWorkspace Create(string name)
    {
        var feed = SecureDevPackage.EnsurePacked();
        var work = System.IO.Path.Combine(SecureDevPackage.E2eRoot, "work", name);
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        // The samples keep their place in the repository layout: the stand-ins project links the analyzer tests'
        // declarations of the industrial libraries (one copy of them), so those come along.
        var root = System.IO.Path.Combine(work, "samples");
        CopyTree(Repository.Path("samples"), root);
        CopyTree(Repository.Path("tests", "SecureDev.Analyzers.Tests", "Cases", "Stubs"), System.IO.Path.Combine(work, "tests", "SecureDev.Analyzers.Tests", "Cases", "Stubs"));

        File.WriteAllText(System.IO.Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{SecureDevPackage.PackagesFolder}" />
              </config>
              <packageSources>
                <clear />
                <add key="securedev-e2e" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        return new SampleWorkspace(root);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(from, file);
            var parts = relative.Split(System.IO.Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj"))
            {
                continue;
            }

            var target = System.IO.Path.Combine(to, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Path(params string[] parts) => System.IO.Path.Combine(new[] { Root }.Concat(parts).ToArray());

    public BuildRun Build(string project, params string[] properties) => Build(project, null, properties);

    public BuildRun Build(string project, IReadOnlyDictionary<string, string>? environment, params string[] properties)
    {
        var arguments = new List<string> { "build", project, "-nologo", "-clp:NoSummary" };
        arguments.AddRange(properties.Select(p => "-p:" + p));
        var result = Dotnet.Run(Root, environment, arguments.ToArray());
        return new BuildRun(result.ExitCode, result.Output);
    }
}

/// <summary>A finished build: its exit code, its output, and the diagnostics in that output.</summary>
public sealed partial class BuildRun
{
    public BuildRun(int exitCode, string output)
    {
        ExitCode = exitCode;
        Output = output;
        Diagnostics = DiagnosticPattern().Matches(output)
            .Select(m => new BuildDiagnostic(m.Groups["file"].Value.Trim(), m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value) : 0, m.Groups["severity"].Value, m.Groups["id"].Value, m.Groups["message"].Value.Trim()))
            .Distinct()
            .ToList();
    }

    public int ExitCode { get; }

    public string Output { get; }

    public IReadOnlyList<BuildDiagnostic> Diagnostics { get; }

    public bool Succeeded => ExitCode == 0;

    public IEnumerable<BuildDiagnostic> Of(string id) => Diagnostics.Where(d => d.Id == id);

    public override string ToString() => $"exit code {ExitCode}\n{Output}";

    // MSBuild's canonical format: "file(line,col): warning SD1001: message [project]", and for task messages
    // "file : SecureDev error SD9001: message".
    [GeneratedRegex(@"^(?<file>[^\r\n]*?)(\((?<line>\d+),\d+\))?\s*:\s*(SecureDev\s+)?(?<severity>warning|error)\s+(?<id>SD\d{4})\s*:\s*(?<message>[^\r\n]*?)(\s+\[[^\]\r\n]+\])?\r?$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticPattern();
}

public sealed record BuildDiagnostic(string File, int Line, string Severity, string Id, string Message);
