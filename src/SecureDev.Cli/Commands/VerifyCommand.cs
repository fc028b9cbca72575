using System.CommandLine;
using SecureDev.Core.Evidence;

namespace SecureDev.Cli.Commands;

/// <summary>securedev verify &lt;folder&gt;: checks an evidence folder or bundle against its SHA-256 manifest.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "An evidence folder or bundle with a manifest.json" };
        var command = new Command("verify", "Check every file of an evidence folder against its SHA-256 manifest: changed, missing and extra files fail.")
        {
            folder,
        };
        command.SetAction(result =>
        {
            var directory = result.GetValue(folder)!;
            if (!directory.Exists)
            {
                Console.Error.WriteLine($"securedev verify: '{directory.FullName}' does not exist.");
                return ExitCodes.UsageOrInputError;
            }

            var problems = Manifest.Verify(directory.FullName);
            foreach (var problem in problems)
            {
                Console.WriteLine(problem);
            }

            Console.WriteLine(problems.Count == 0 ? $"intact: {directory.FullName}" : $"NOT intact: {problems.Count} problem(s) in {directory.FullName}");
            return problems.Count == 0 ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }
}
