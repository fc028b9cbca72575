using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Rules;

internal static partial class RuleCatalog
{
    public static readonly DiagnosticDescriptor UnsafeDeserialization = Rule.Create(
        "SD6001",
        RuleFamily.Serialization,
        title: "Unsafe deserialization",
        message: "{0} lets the serialized data choose the types to create; use System.Text.Json or a typed serializer without type names",
        description: "Deserializers that read type names from the payload can be made to construct gadget types that run " +
                     "code or delete files while the object graph is built.",
        DiagnosticSeverity.Warning,
        requirement: "CR 3.4",
        securityLevel: 1,
        502);

    public static readonly DiagnosticDescriptor XmlExternalEntities = Rule.Create(
        "SD6002",
        RuleFamily.Serialization,
        title: "XML parser resolves external entities or DTDs",
        message: "{0}; {1}",
        description: "A parser that processes DTDs or resolves external resources lets a document read local files, reach " +
                     "internal hosts (XXE) or expand entities until memory runs out.",
        DiagnosticSeverity.Warning,
        requirement: "CR 3.5",
        securityLevel: 1,
        611, 776);

    public static readonly DiagnosticDescriptor UnverifiedCodeLoading = Rule.Create(
        "SD6003",
        RuleFamily.Serialization,
        title: "Code loaded without an integrity check",
        message: "{0} loads code that {1}; verify a signature or a pinned hash before loading it",
        description: "An assembly fetched over the network and loaded as it arrives runs whatever the sender, or anyone " +
                     "on the path, chose to send.",
        DiagnosticSeverity.Warning,
        requirement: "CR 3.4",
        securityLevel: 1,
        494, 829);
}
