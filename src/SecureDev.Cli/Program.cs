using System.CommandLine;
using SecureDev.Cli;
using SecureDev.Cli.Commands;

var root = new RootCommand("securedev: SBOM, advisory audit and IEC 62443-4-1 evidence for .NET projects")
{
    AuditCommand.Create(),
    VerifyCommand.Create(),
    SbomCommand.Create(),
};
return root.Parse(args).Invoke();
