using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Common;

internal static class SymbolExtensions
{
    /// <summary>
    /// True when <paramref name="type"/> is <paramref name="expected"/> (neither null). The names are compared first: the
    /// test runs for every operation some rules see, and the name rules out nearly every type before the symbol
    /// comparison, which goes through the comparer and the symbols' wrappers.
    /// </summary>
    public static bool IsSameAs(this ITypeSymbol? type, ITypeSymbol? expected) =>
        type is not null && expected is not null && type.Name == expected.Name && SymbolEqualityComparer.Default.Equals(type, expected);

    /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or a class derived from it (not interfaces).</summary>
    public static bool IsOrDerivesFrom(this ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.IsSameAs(baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="ns"/> is the namespace spelled <paramref name="dottedName"/> ("System.Net.Sockets"),
    /// as its display string would say, read segment by segment from the innermost without building that string.
    /// </summary>
    public static bool IsNamespace(this INamespaceSymbol? ns, string dottedName)
    {
        var end = dottedName.Length;
        for (var current = ns; current is not null && !current.IsGlobalNamespace; current = current.ContainingNamespace)
        {
            var name = current.Name;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(dottedName, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            if (start == 0)
            {
                return current.ContainingNamespace is { IsGlobalNamespace: true };
            }

            if (dottedName[start - 1] != '.')
            {
                return false;
            }

            end = start - 1;
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="type"/> is the non-generic, non-nested type <paramref name="namespaceName"/>.<paramref name="name"/>,
    /// the type whose display string is "namespace.name", compared without building that string.
    /// </summary>
    public static bool IsType(this INamedTypeSymbol? type, string namespaceName, string name) =>
        type is not null && type.Name == name && type.Arity == 0 && type.ContainingType is null && type.ContainingNamespace.IsNamespace(namespaceName);
}
