using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Rules;

internal static partial class RuleCatalog
{
    public static readonly DiagnosticDescriptor CertificateValidationDisabled = Rule.Create(
        "SD2001",
        RuleFamily.Communication,
        title: "Certificate validation disabled",
        message: "{0} accepts any certificate; check SslPolicyErrors, pin the certificate or build a chain with your own trust store",
        description: "A certificate validation callback that returns true without looking at the policy errors accepts any " +
                     "certificate, so anyone on the network path can impersonate the server.",
        DiagnosticSeverity.Warning,
        requirement: "CR 1.9",
        securityLevel: 2,
        295, 297);
}
