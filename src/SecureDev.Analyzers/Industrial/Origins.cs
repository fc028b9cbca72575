using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Industrial;

/// <summary>Small lookups the industrial rules share: the library types a compilation has, and where an object was made.</summary>
internal static class Origins
{
    /// <summary>The named types of <paramref name="names"/> that the compilation references (empty when the library is absent).</summary>
    public static ImmutableArray<INamedTypeSymbol> Resolve(Compilation compilation, params string[] names)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in names)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>The value itself, or for a local assigned once, the value it was given; conversions removed.</summary>
    public static IOperation? Definition(IOperation? value)
    {
        value = value?.WithoutConversions();
        return value is ILocalReferenceOperation local ? ValueOrigin.SingleDefinition(local)?.WithoutConversions() : value;
    }
}
