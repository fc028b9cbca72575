using System.Diagnostics;
using System.Globalization;

namespace SecureDev.Core.Sbom;

/// <summary>
/// The time a reproducible output records: SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else the
/// time of the commit the sources are at, else now.
/// </summary>
public static class BuildTimestamp
{
    public const string SourceDateEpoch = "SOURCE_DATE_EPOCH";

    public static DateTimeOffset Resolve(string? sourceDirectory, Func<string, string?>? environment = null) =>
        Resolve(sourceDirectory, environment, null);

    /// <summary>As <see cref="Resolve(string?, Func{string, string?}?)"/>; a SOURCE_DATE_EPOCH that is not a number is an SD9053 warning in <paramref name="messages"/>.</summary>
    public static DateTimeOffset Resolve(string? sourceDirectory, Func<string, string?>? environment, ICollection<Diagnostics.BuildMessage>? messages)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var epoch = environment(SourceDateEpoch);
        if (!string.IsNullOrWhiteSpace(epoch))
        {
            if (long.TryParse(epoch.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }

            messages?.Add(Diagnostics.BuildRules.InvalidSourceDateEpoch.At(
                null,
                $"SOURCE_DATE_EPOCH is '{epoch}', not a whole number of seconds since 1970-01-01 UTC (e.g. the output of 'git log -1 --format=%ct'); it is ignored and the timestamp is the commit time or now."));
        }

        return CommitTime(sourceDirectory) ?? DateTimeOffset.UtcNow;
    }

    public static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset? CommitTime(string? directory)
    {
        if (directory is null || !Directory.Exists(directory))
        {
            return null;
        }

        var output = Git.Run(directory, "log", "-1", "--format=%ct");
        return output is not null && long.TryParse(output.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }
}

/// <summary>Runs git when it is installed; returns null when it is not, or when the directory is not in a repository.</summary>
public static class Git
{
    public static string? Run(string directory, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git")
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            if (!process.WaitForExit(10_000))
            {
                process.Kill();
                return null;
            }

            return process.ExitCode == 0 ? output : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
