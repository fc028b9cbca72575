using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Cryptography;

internal static class CryptographyNamespace
{
    /// <summary>True for a type declared directly in System.Security.Cryptography, checked by name without building a display string.</summary>
    public static bool Contains(INamedTypeSymbol? type)
    {
        var ns = type?.ContainingNamespace;
        return ns is { Name: "Cryptography", ContainingNamespace: { Name: "Security", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
    }
}
