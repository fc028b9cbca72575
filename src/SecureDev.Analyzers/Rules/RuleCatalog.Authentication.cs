using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Rules;

internal static partial class RuleCatalog
{
    public static readonly DiagnosticDescriptor HardcodedCredential = Rule.Create(
        "SD3001",
        RuleFamily.Authentication,
        title: "Hard-coded credential",
        message: "A literal {0} is passed to '{1}'; read it from configuration, the environment or a secret store",
        description: "A password or secret written in source ships in every binary and cannot be changed per installation; " +
                     "anyone with the binary or the repository has it.",
        DiagnosticSeverity.Warning,
        requirement: "CR 1.5",
        securityLevel: 1,
        798, 259);
}
