using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SecureDev.Core.Projects;

/// <summary>A C# project of a solution or folder, and where its builds left SecureDev evidence.</summary>
/// <param name="IsTest">A test project (it references Microsoft.NET.Test.Sdk or sets IsTestProject): not shipped, left out of release outputs by default.</param>
public sealed record ProjectEntry(string Name, string Path, bool IsTest)
{
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The evidence folders its builds wrote (bin/securedev/&lt;configuration&gt;/&lt;tfm&gt;/), optionally of one configuration.</summary>
    public IReadOnlyList<string> EvidenceFolders(string? configuration = null)
    {
        var root = System.IO.Path.Combine(Directory, "bin", "securedev");
        if (!System.IO.Directory.Exists(root))
        {
            return Array.Empty<string>();
        }

        return System.IO.Directory.GetDirectories(root)
            .Where(c => configuration is null || string.Equals(System.IO.Path.GetFileName(c), configuration, StringComparison.OrdinalIgnoreCase))
            .SelectMany(System.IO.Directory.GetDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
    }
}

/// <summary>
/// The C# projects a release is made of: those a solution (.sln or .slnx) lists, those under a folder, or one project
/// file. Read from the files themselves, without MSBuild, so it works on a release manager's machine.
/// </summary>
public static partial class ProjectSet
{
    /// <exception cref="FileNotFoundException">The path is neither a solution, a project nor a directory.</exception>
    public static IReadOnlyList<ProjectEntry> Discover(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        IEnumerable<string> projects;
        if (Directory.Exists(full))
        {
            projects = Directory.EnumerateFiles(full, "*.csproj", SearchOption.AllDirectories)
                .Where(p => !IsBuildOutput(full, p));
        }
        else if (File.Exists(full) && full.EndsWith(".sln", StringComparison.OrdinalIgnoreCase))
        {
            var directory = System.IO.Path.GetDirectoryName(full)!;
            projects = SlnProjectLine().Matches(File.ReadAllText(full))
                .Select(m => m.Groups["path"].Value.Replace('\\', System.IO.Path.DirectorySeparatorChar))
                .Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                .Select(p => System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, p)));
        }
        else if (File.Exists(full) && full.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))
        {
            var directory = System.IO.Path.GetDirectoryName(full)!;
            projects = XDocument.Load(full).Descendants("Project")
                .Select(p => (string?)p.Attribute("Path"))
                .Where(p => p is not null && p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                .Select(p => System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, p!.Replace('\\', System.IO.Path.DirectorySeparatorChar))));
        }
        else if (File.Exists(full) && full.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            projects = new[] { full };
        }
        else
        {
            throw new FileNotFoundException($"'{path}' is not a solution (.sln, .slnx), a project (.csproj) or a directory.", path);
        }

        return projects
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new ProjectEntry(System.IO.Path.GetFileNameWithoutExtension(p), p, IsTestProject(p)))
            .ToArray();
    }

    private static bool IsTestProject(string project)
    {
        var text = File.ReadAllText(project);
        return TestProjectMarker().IsMatch(text);
    }

    private static bool IsBuildOutput(string root, string project) =>
        System.IO.Path.GetRelativePath(root, project).Split(System.IO.Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules");

    [GeneratedRegex(@"^Project\(""\{[^}]+\}""\)\s*=\s*""[^""]*""\s*,\s*""(?<path>[^""]+)""", RegexOptions.Multiline)]
    private static partial Regex SlnProjectLine();

    [GeneratedRegex(@"Include=""Microsoft\.NET\.Test\.Sdk""|<IsTestProject>\s*true\s*</IsTestProject>", RegexOptions.IgnoreCase)]
    private static partial Regex TestProjectMarker();
}
