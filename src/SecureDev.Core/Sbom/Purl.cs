namespace SecureDev.Core.Sbom;

/// <summary>Package URLs (https://github.com/package-url/purl-spec) for NuGet packages.</summary>
public static class Purl
{
    public static string NuGet(string name, string version) =>
        "pkg:nuget/" + Uri.EscapeDataString(name) + "@" + Uri.EscapeDataString(version);

    /// <summary>Reads back name and version of a pkg:nuget purl; false for any other purl.</summary>
    public static bool TryParseNuGet(string purl, out string name, out string version)
    {
        name = version = string.Empty;
        const string prefix = "pkg:nuget/";
        if (!purl.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = purl[prefix.Length..];
        var end = rest.IndexOfAny(new[] { '?', '#' });
        if (end >= 0)
        {
            rest = rest[..end];
        }

        var at = rest.LastIndexOf('@');
        if (at <= 0 || at == rest.Length - 1)
        {
            return false;
        }

        name = Uri.UnescapeDataString(rest[..at]);
        version = Uri.UnescapeDataString(rest[(at + 1)..]);
        return true;
    }
}
