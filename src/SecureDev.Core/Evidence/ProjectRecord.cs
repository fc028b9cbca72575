using SecureDev.Core.IO;
using SecureDev.Core.Sbom;

namespace SecureDev.Core.Evidence;

/// <summary>
/// project.json of a project's evidence folder: which build this is (project, configuration, target framework), the
/// toolchain (SDK, MSBuild, compiler, SecureDev), the source revision, the settings that matter for security, and the
/// SHA-256 of every input the build read (sources, project file, assets file), so a later reader can tell whether the
/// evidence is still that of the sources on disk.
/// </summary>
public sealed class ProjectRecord
{
    public const string FileName = "project.json";
    public const string CurrentSchema = "https://securedev.dev/schemas/evidence-project/1";

    public string Schema { get; init; } = CurrentSchema;

    public ProjectIdentityRecord Project { get; init; } = new();

    public string Timestamp { get; init; } = "";

    public ToolchainRecord Toolchain { get; init; } = new();

    public SourceRevision Source { get; init; } = new();

    /// <summary>MSBuild properties that bear on security (audit level, NoWarn, TreatWarningsAsErrors, ...), by name.</summary>
    public SortedDictionary<string, string> Settings { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Every file the build read, relative to the project directory with '/' separators.</summary>
    public List<InputRecord> Inputs { get; init; } = new();

    public string ToJson() => CanonicalJson.Serialize(this);

    /// <exception cref="InvalidDataException">Not a project record.</exception>
    public static ProjectRecord Read(string file)
    {
        try
        {
            var record = CanonicalJson.Deserialize<ProjectRecord>(File.ReadAllText(file));
            if (record is null || record.Schema != CurrentSchema || string.IsNullOrEmpty(record.Project.Name))
            {
                throw new InvalidDataException($"{file} is not a SecureDev project record ({CurrentSchema}).");
            }

            return record;
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"{file} is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Hashes the inputs; files that do not exist are left out (the build did not read them).</summary>
    public static List<InputRecord> HashInputs(string projectDirectory, IEnumerable<string> files) => files
        .Select(Path.GetFullPath)
        .Where(File.Exists)
        .Distinct(StringComparer.Ordinal)
        .Select(f => new InputRecord { Path = PortablePath.Relative(projectDirectory, f), Sha256 = Digest.Sha256Hex(f) })
        .OrderBy(i => i.Path, StringComparer.Ordinal)
        .ToList();

}

public sealed class ProjectIdentityRecord
{
    public string Name { get; init; } = "";

    /// <summary>The project file's name.</summary>
    public string File { get; init; } = "";

    public string? Version { get; init; }

    public string? AssemblyName { get; init; }

    public string Configuration { get; init; } = "";

    public string TargetFramework { get; init; } = "";
}

public sealed class ToolchainRecord
{
    public string? Sdk { get; init; }

    public string? MsBuild { get; init; }

    public string? Compiler { get; init; }

    public string? CompilerVersion { get; init; }

    public string SecureDev { get; init; } = BomBuilder.ToolVersion;
}

/// <summary>The commit the sources were at and whether the work tree had uncommitted changes (null: not a git work tree).</summary>
public sealed class SourceRevision
{
    public string? Commit { get; init; }

    public bool? Dirty { get; init; }

    /// <summary>Up to <see cref="MaxChanges"/> paths with uncommitted changes (git status --porcelain), relative to the repository.</summary>
    public List<string>? Changes { get; init; }

    public const int MaxChanges = 50;

    public static SourceRevision Of(string directory)
    {
        var commit = Git.Run(directory, "rev-parse", "HEAD")?.Trim();
        if (string.IsNullOrEmpty(commit))
        {
            return new SourceRevision();
        }

        var status = Git.Run(directory, "status", "--porcelain", "--untracked-files=normal");
        var changes = status?.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Length > 3 ? l[3..].Trim() : l.Trim()).Order(StringComparer.Ordinal).ToList();
        return new SourceRevision
        {
            Commit = commit,
            Dirty = changes is null ? null : changes.Count > 0,
            Changes = changes is { Count: > 0 } ? changes.Take(MaxChanges).ToList() : null,
        };
    }
}

public sealed class InputRecord
{
    public string Path { get; init; } = "";

    public string Sha256 { get; init; } = "";
}

/// <summary>
/// The C# sources of a project directory as the staleness check sees them: every *.cs file under it, except in bin/,
/// obj/, hidden folders and folders of other projects.
/// </summary>
public static class ProjectSources
{
    public static IEnumerable<string> Enumerate(string projectDirectory)
    {
        var pending = new Stack<string>();
        pending.Push(projectDirectory);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(directory, "*.cs"))
            {
                yield return file;
            }

            foreach (var sub in Directory.EnumerateDirectories(directory))
            {
                var name = Path.GetFileName(sub);
                if (name is "bin" or "obj" or "node_modules" || name.StartsWith('.') || Directory.EnumerateFiles(sub, "*.csproj").Any())
                {
                    continue;
                }

                pending.Push(sub);
            }
        }
    }
}
