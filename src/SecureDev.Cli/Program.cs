using System.CommandLine;
using SecureDev.Cli;
using SecureDev.Cli.Commands;

var root = new RootCommand("securedev: SBOM, advisory audit and IEC 62443-4-1 evidence for .NET projects.\n\n" + ExitCodes.Help)
{
    AuditCommand.Create(),
    EvidenceCommand.Create(),
    VerifyCommand.Create(),
    SbomCommand.Create(),
};
root.Options.Add(Output.Format);

var parse = root.Parse(args);
if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
{
    // Bad arguments are a usage error (2), never confused with a failed check (1).
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"securedev: {error.Message}");
    }

    Console.Error.WriteLine("Run 'securedev --help' or 'securedev <command> --help' for the usage.");
    return ExitCodes.UsageOrInputError;
}

return parse.Invoke();
