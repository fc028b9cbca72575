using NuGet.ProjectModel;
using SecureDev.Core.Diagnostics;

namespace SecureDev.Core.Sbom;

/// <summary>Reads a project's restore result (obj/project.assets.json) with NuGet's own reader.</summary>
public static class AssetsFile
{
    /// <summary>The lock file, or null with an SD9020 message that names the file and what to do.</summary>
    public static LockFile? Read(string path, ICollection<BuildMessage> messages)
    {
        if (!File.Exists(path))
        {
            messages.Add(BuildRules.AssetsFileUnreadable.At(
                path,
                $"The assets file '{path}' does not exist. Run 'dotnet restore' for this project (or build without --no-restore) so the SBOM can be made from the restored dependencies."));
            return null;
        }

        try
        {
            var lockFile = new LockFileFormat().Read(path);
            if (lockFile is null || lockFile.Version <= 0 || lockFile.PackageSpec is null)
            {
                throw new InvalidDataException("it has no version or no project section");
            }

            return lockFile;
        }
        // NuGet's reader throws whatever its JSON layer throws; any of it means the same thing to the user.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            messages.Add(BuildRules.AssetsFileUnreadable.At(
                path,
                $"The assets file '{path}' could not be read ({e.Message.TrimEnd('.')}). Delete it and run 'dotnet restore' to write it again."));
            return null;
        }
    }

    /// <summary>Restore errors recorded in the assets file (an unresolved package, a downgrade) make the graph incomplete: SD9025.</summary>
    public static void ReportRestoreErrors(LockFile lockFile, string path, ICollection<BuildMessage> messages)
    {
        var errors = lockFile.LogMessages.Where(m => m.Level == NuGet.Common.LogLevel.Error).ToList();
        if (errors.Count > 0)
        {
            messages.Add(BuildRules.RestoreIncomplete.At(
                path,
                $"The restore recorded {errors.Count} error(s) in '{path}' ({string.Join("; ", errors.Take(3).Select(e => e.Code + " " + e.Message))}); the SBOM lists only what was resolved. Fix the restore errors and build again."));
        }
    }
}
