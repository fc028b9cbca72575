using SecureDev.Tests;

namespace SecureDev.Build.Tests.EndToEnd;

/// <summary>The securedev tool as a release manager runs it: built once per test run (Release), run as its own process.</summary>
public static class SecureDevCli
{
    private static readonly Lazy<string> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Dotnet.Result Run(IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunIn(Repository.Root, environment, arguments);

    /// <summary>Runs it in <paramref name="workingDirectory"/>, where relative paths among the arguments are resolved.</summary>
    public static Dotnet.Result RunIn(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        Dotnet.Run(workingDirectory, environment, new[] { Built.Value }.Concat(arguments).ToArray());

    private static string Build()
    {
        var result = Dotnet.Run(Repository.Root, "build", "src/SecureDev.Cli", "-c", "Release", "-nologo");
        var tool = Repository.Path("src", "SecureDev.Cli", "bin", "Release", "net8.0", "securedev.dll");
        if (result.ExitCode != 0 || !File.Exists(tool))
        {
            throw new InvalidOperationException("dotnet build of the securedev CLI failed:\n" + result.Output);
        }

        return tool;
    }
}
