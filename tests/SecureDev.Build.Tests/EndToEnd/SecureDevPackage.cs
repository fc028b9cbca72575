using System.Diagnostics;
using SecureDev.Tests;

namespace SecureDev.Build.Tests.EndToEnd;

/// <summary>
/// The SecureDev package as a user gets it: packed once per test run into a local feed (artifacts/e2e/feed), shared by
/// every end-to-end test. Samples restore it into a package folder of their own, from which any earlier pack is removed.
/// </summary>
public static class SecureDevPackage
{
    public const string Version = "0.1.0";

    private static readonly Lazy<string> Packed = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string E2eRoot => Repository.Path("artifacts", "e2e");

    public static string Feed => Path.Combine(E2eRoot, "feed");

    public static string PackagesFolder => Path.Combine(E2eRoot, "packages");

    /// <summary>Packs (once) and returns the feed directory.</summary>
    public static string EnsurePacked() => Packed.Value;

    private static string Pack()
    {
        if (Directory.Exists(Feed))
        {
            Directory.Delete(Feed, recursive: true);
        }

        var cached = Path.Combine(PackagesFolder, "securedev");
        if (Directory.Exists(cached))
        {
            Directory.Delete(cached, recursive: true);
        }

        var result = Dotnet.Run(Repository.Root, "pack", "src/SecureDev.Package", "-c", "Release", "-o", Feed, "-p:PackageOutputPath=" + Feed);
        if (result.ExitCode != 0 || !File.Exists(Path.Combine(Feed, $"SecureDev.{Version}.nupkg")))
        {
            throw new InvalidOperationException("dotnet pack of SecureDev failed:\n" + result.Output);
        }

        return Feed;
    }
}

/// <summary>Runs the dotnet CLI the way a CI job does, without build-server reuse (a reused node keeps old task assemblies loaded).</summary>
public static class Dotnet
{
    public sealed record Result(int ExitCode, string Output);

    public static Result Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, null, arguments);

    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("SOURCE_DATE_EPOCH");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(" ", arguments) + " did not finish in 10 minutes");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, output.ToString());
    }
}
