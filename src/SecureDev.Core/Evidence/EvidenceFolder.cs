using SecureDev.Core.IO;

namespace SecureDev.Core.Evidence;

/// <summary>
/// A project's evidence folder: the build's records copied under fixed names, the hashes of the build outputs, and the
/// manifest over all of it. The folder is made afresh each time, so it never mixes records of two builds.
/// </summary>
public static class EvidenceFolder
{
    public const string OutputsFile = "outputs.json";

    /// <param name="records">File name in the folder, and the file to copy there.</param>
    /// <param name="outputs">Build outputs to hash (not copied), named relative to <paramref name="outputRoot"/>.</param>
    /// <param name="generated">Records made for the folder itself (file name and text), such as project.json.</param>
    public static IReadOnlyList<ManifestEntry> Write(string folder, IEnumerable<(string Name, string Source)> records, string outputRoot, IEnumerable<string> outputs, IEnumerable<(string Name, string Content)>? generated = null)
    {
        var staging = folder.TrimEnd('/', '\\') + ".tmp-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var (name, source) in records.OrderBy(r => r.Name, StringComparer.Ordinal))
            {
                AtomicFile.Copy(source, Path.Combine(staging, name));
            }

            foreach (var (name, content) in generated ?? Array.Empty<(string, string)>())
            {
                AtomicFile.WriteAllText(Path.Combine(staging, name), content);
            }

            var hashed = outputs
                .Where(File.Exists)
                .Select(Path.GetFullPath)
                .Distinct(StringComparer.Ordinal)
                .Select(f => Manifest.Hash(outputRoot, f))
                .OrderBy(e => e.Path, StringComparer.Ordinal)
                .ToList();
            AtomicFile.WriteAllText(Path.Combine(staging, OutputsFile), CanonicalJson.Serialize(new { algorithm = Manifest.Algorithm, outputs = hashed }));
            var entries = Manifest.Write(staging);

            // Swap the finished folder in: a failure above leaves the previous evidence untouched.
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.Move(staging, folder);
            return entries;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
