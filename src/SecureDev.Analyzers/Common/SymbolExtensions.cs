using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Common;

internal static class SymbolExtensions
{
    /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or a class derived from it (not interfaces).</summary>
    public static bool IsOrDerivesFrom(this ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
