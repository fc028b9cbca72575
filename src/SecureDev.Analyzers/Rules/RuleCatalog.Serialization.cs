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
}
