using System.Text.Json;
using SecureDev.Core.IO;

namespace SecureDev.Core.Evidence;

/// <summary>One file of an evidence folder or bundle and its SHA-256.</summary>
public sealed record ManifestEntry(string Path, string Sha256, long Size);

/// <summary>
/// manifest.json: the SHA-256 of every file of an evidence folder, sorted by path, so that any change, removal or
/// addition of a file is detected (SM-6 file integrity).
/// </summary>
public static class Manifest
{
    public const string FileName = "manifest.json";
    public const string Algorithm = "SHA-256";

    public static ManifestEntry Hash(string root, string file)
    {
        return new ManifestEntry(PortablePath.Relative(root, file), Digest.Sha256Hex(file), new FileInfo(file).Length);
    }

    /// <summary>Hashes every file under <paramref name="root"/> except the manifest and writes the manifest.</summary>
    public static IReadOnlyList<ManifestEntry> Write(string root)
    {
        var entries = Files(root).Select(f => Hash(root, f)).ToList();
        AtomicFile.WriteAllText(System.IO.Path.Combine(root, FileName), CanonicalJson.Serialize(new { algorithm = Algorithm, files = entries }));
        return entries;
    }

    /// <summary>Compares the folder with its manifest; an empty list means it is intact.</summary>
    public static IReadOnlyList<string> Verify(string root)
    {
        var path = System.IO.Path.Combine(root, FileName);
        if (!File.Exists(path))
        {
            return new[] { $"{FileName} is missing" };
        }

        List<ManifestEntry> recorded;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            recorded = document.RootElement.GetProperty("files").EnumerateArray()
                .Select(e => new ManifestEntry(e.GetProperty("path").GetString()!, e.GetProperty("sha256").GetString()!, e.GetProperty("size").GetInt64()))
                .ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new[] { $"{FileName} cannot be read: {e.Message}" };
        }

        var problems = new List<string>();
        var actual = Files(root).ToDictionary(f => PortablePath.Relative(root, f), StringComparer.Ordinal);
        foreach (var entry in recorded)
        {
            if (!actual.Remove(entry.Path, out var file))
            {
                problems.Add($"missing: {entry.Path}");
            }
            else if (Hash(root, file).Sha256 != entry.Sha256)
            {
                problems.Add($"changed: {entry.Path}");
            }
        }

        problems.AddRange(actual.Keys.Order(StringComparer.Ordinal).Select(extra => $"extra: {extra}"));
        return problems;
    }

    private static IEnumerable<string> Files(string root) => Directory
        .EnumerateFiles(root, "*", SearchOption.AllDirectories)
        .Where(f => !string.Equals(System.IO.Path.GetRelativePath(root, f), FileName, StringComparison.Ordinal))
        .OrderBy(f => PortablePath.Relative(root, f), StringComparer.Ordinal);
}
