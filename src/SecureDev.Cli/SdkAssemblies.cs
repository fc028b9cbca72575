using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace SecureDev.Cli;

/// <summary>
/// Loads the NuGet client libraries (NuGet.Versioning, NuGet.ProjectModel, ...) from the installed .NET SDK, as
/// Microsoft.Build.Locator does for MSBuild: they are not on the package feed, and the SDK's copies are the real client.
/// </summary>
internal static class SdkAssemblies
{
    private static readonly Lazy<string?> SdkDirectory = new(FindSdkDirectory);

    [ModuleInitializer]
    internal static void Register() => AssemblyLoadContext.Default.Resolving += Resolve;

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name is null || !name.Name.StartsWith("NuGet.", StringComparison.Ordinal) || SdkDirectory.Value is not { } sdk)
        {
            return null;
        }

        var path = Path.Combine(sdk, name.Name + ".dll");
        return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    }

    /// <summary>The newest SDK folder that holds the NuGet client, under the dotnet root this process runs from.</summary>
    private static string? FindSdkDirectory()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("DOTNET_ROOT"),
            Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..")),
        };
        foreach (var root in candidates.Where(r => !string.IsNullOrEmpty(r)))
        {
            var sdks = Path.Combine(root!, "sdk");
            if (!Directory.Exists(sdks))
            {
                continue;
            }

            var newest = Directory.GetDirectories(sdks)
                .Where(d => File.Exists(Path.Combine(d, "NuGet.Versioning.dll")))
                .Select(d => (Directory: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0)))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Directory)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return null;
    }
}
