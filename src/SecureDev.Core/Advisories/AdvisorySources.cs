using NuGet.Configuration;
using SecureDev.Core.Diagnostics;

namespace SecureDev.Core.Advisories;

/// <summary>The advisory sources a build or the CLI is configured with, as one list in the order they are given.</summary>
public static class AdvisorySources
{
    /// <summary>OSV directories and OSV zips (a path ending in .zip), the vendor's own marked as such.</summary>
    /// <returns>The sources, or null when an entry is neither (SD9057 says which).</returns>
    public static List<IAdvisorySource>? FromPaths(IEnumerable<string> paths, bool vendor, AdvisoryCache? cache, ICollection<BuildMessage> messages, string? file = null)
    {
        var sources = new List<IAdvisorySource>();
        var valid = true;
        foreach (var path in paths.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var full = Path.GetFullPath(path);
            var isZip = full.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
            if (File.Exists(full) && !isZip)
            {
                messages.Add(BuildRules.InvalidAdvisorySource.At(
                    file,
                    $"{(vendor ? "SecureDevVendorAdvisories" : "SecureDevAdvisorySources")} names the file '{full}', which is not an OSV zip. Give a directory of OSV records (such as a checkout of github/advisory-database) or a zip of them (such as osv.dev's NuGet/all.zip)."));
                valid = false;
                continue;
            }

            sources.Add(isZip && !Directory.Exists(full)
                ? new OsvZipSource(full, cache: cache, vendor: vendor)
                : new OsvDirectorySource(full, cache: cache, vendor: vendor));
        }

        return valid ? sources : null;
    }

    /// <summary>The VulnerabilityInfo resources of the package sources given (RestoreSources), or else of the project's nuget.config.</summary>
    public static List<IAdvisorySource> FromPackageSources(IReadOnlyList<string> explicitSources, string directory, string? configFile, AdvisoryCache? cache, ICollection<BuildMessage> messages, string? file = null, NuGetFeedOptions? options = null)
    {
        var packageSources = explicitSources.Count > 0
            ? explicitSources.Select(s => new PackageSource(s)).ToList()
            : NuGetFeedSource.Configured(directory, configFile, messages, file);
        return packageSources.Select(s => (IAdvisorySource)new NuGetFeedSource(s, cache, options, file)).ToList();
    }

    /// <summary>The cache in <paramref name="directory"/>, the per-user default when it is empty.</summary>
    public static AdvisoryCache Cache(string? directory) =>
        new(string.IsNullOrWhiteSpace(directory) ? AdvisoryCache.DefaultDirectory : directory.Trim());
}
