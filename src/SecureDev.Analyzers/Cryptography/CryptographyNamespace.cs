using Microsoft.CodeAnalysis;
using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Cryptography;

internal static class CryptographyNamespace
{
    /// <summary>True for a type declared directly in System.Security.Cryptography, checked by name without building a display string.</summary>
    public static bool Contains(INamedTypeSymbol? type) => type is not null && type.ContainingNamespace.IsNamespace("System.Security.Cryptography");
}
