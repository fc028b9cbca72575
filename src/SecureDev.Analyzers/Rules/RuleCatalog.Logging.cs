using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Rules;

internal static partial class RuleCatalog
{
    public static readonly DiagnosticDescriptor SecretInLog = Rule.Create(
        "SD8001",
        RuleFamily.Logging,
        title: "Secret written to a log",
        message: "{0} is written to the log by '{1}'; log that the event happened, not the secret",
        description: "Logs are kept longer, copied further and read by more people than the secrets they would reveal: " +
                     "passwords, keys and tokens in a log are credentials handed to everyone with log access.",
        DiagnosticSeverity.Warning,
        requirement: "CR 4.1",
        securityLevel: 1,
        532, 312);
}
