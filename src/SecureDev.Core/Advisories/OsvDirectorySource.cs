using SecureDev.Core.Diagnostics;

namespace SecureDev.Core.Advisories;

/// <summary>
/// A directory of OSV records, as the GitHub Advisory Database lays them out (advisories/github-reviewed/YYYY/MM/GHSA-*/GHSA-*.json)
/// or any other tree of *.json OSV files: the vendor's own PSIRT advisories use the same source.
/// </summary>
public sealed class OsvDirectorySource : IAdvisorySource
{
    private readonly string _directory;

    public OsvDirectorySource(string directory, string? name = null)
    {
        _directory = Path.GetFullPath(directory);
        Name = name ?? _directory;
    }

    public string Name { get; }

    public SourceContents Load(ICollection<BuildMessage> messages)
    {
        if (!Directory.Exists(_directory))
        {
            messages.Add(BuildRules.MissingAdvisorySource.At(
                _directory,
                $"The advisory directory '{_directory}' does not exist, so this build was not checked against it. Point SecureDevAdvisorySources at a checkout of the GitHub Advisory Database (or your mirror of it)."));
            return new SourceContents(new SourceSnapshot(Name, "osv-directory", _directory, "missing", 0, null), Array.Empty<Advisory>());
        }

        var advisories = new List<Advisory>();
        var files = Directory.EnumerateFiles(_directory, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var warnings = new List<string>();
            try
            {
                if (OsvParser.Parse(File.ReadAllText(file), Name, warnings) is { } advisory)
                {
                    advisories.Add(advisory);
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                messages.Add(BuildRules.CorruptAdvisoryRecord.At(
                    file,
                    $"The advisory record '{file}' could not be read ({e.Message}); it was skipped and the other records were used. Replace it with a fresh copy from the advisory database."));
            }

            foreach (var warning in warnings)
            {
                messages.Add(BuildRules.CorruptAdvisoryRecord.At(file, warning + "."));
            }
        }

        var newest = advisories.Select(a => a.Modified).Where(m => m is not null).Max();
        if (advisories.Count == 0)
        {
            messages.Add(BuildRules.EmptyAdvisorySource.At(
                _directory,
                $"The advisory directory '{_directory}' holds no NuGet advisories, so this build was not checked against it. Check that it is a complete checkout of the advisory database."));
        }

        return new SourceContents(
            new SourceSnapshot(Name, "osv-directory", _directory, advisories.Count == 0 ? "empty" : "used", advisories.Count, newest),
            advisories);
    }
}
