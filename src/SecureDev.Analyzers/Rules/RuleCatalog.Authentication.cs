using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Rules;

internal static partial class RuleCatalog
{
    public static readonly DiagnosticDescriptor HardcodedCredential = Rule.Create(
        "SD3001",
        RuleFamily.Authentication,
        title: "Hard-coded credential",
        message: "A literal {0} is {1} '{2}'; read it from configuration, the environment or a secret store",
        description: "A password or secret written in source ships in every binary and cannot be changed per installation; " +
                     "anyone with the binary or the repository has it.",
        DiagnosticSeverity.Warning,
        requirement: "CR 1.5",
        securityLevel: 1,
        798, 259);

    public static readonly DiagnosticDescriptor HardcodedCredentialCheck = Rule.Create(
        "SD3002",
        RuleFamily.Authentication,
        title: "Credential checked against a literal",
        message: "'{0}' is checked against a literal {1}; a credential built into the product is the same on every device and cannot be changed, so verify against a salted hash from the credential store",
        description: "A login check that compares the entered password, PIN or token with a value written in the source " +
                     "is a default or backdoor account: everyone who has the firmware or the binary can log in to every device.",
        DiagnosticSeverity.Warning,
        requirement: "CR 1.5",
        securityLevel: 1,
        798, 259, 1392);
}
