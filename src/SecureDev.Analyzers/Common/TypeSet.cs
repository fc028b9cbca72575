using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Common;

/// <summary>
/// Named types resolved once per compilation from their metadata names. Types the compilation does not reference are
/// left out, so an empty set means the API is absent and the analyzer can register nothing.
/// </summary>
internal sealed class TypeSet
{
    private readonly ImmutableDictionary<INamedTypeSymbol, string> _names;

    // Simple names first: a string lookup rules out nearly every type before any symbol comparison. A plain HashSet,
    // only read after construction: its lookup is several times cheaper than an ImmutableHashSet's tree walk, and it
    // runs for every base type of every created or called type some rules look at.
    private readonly HashSet<string> _simpleNames;

    private TypeSet(ImmutableDictionary<INamedTypeSymbol, string> names)
    {
        _names = names;
        _simpleNames = new HashSet<string>(names.Keys.Select(t => t.Name), StringComparer.Ordinal);
    }

    public bool IsEmpty => _names.IsEmpty;

    public static TypeSet Resolve(Compilation compilation, params string[] metadataNames)
    {
        var builder = ImmutableDictionary.CreateBuilder<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
        foreach (var name in metadataNames)
        {
            var type = compilation.GetTypeByMetadataName(name);
            if (type is not null && !builder.ContainsKey(type))
            {
                builder.Add(type, type.Name);
            }
        }

        return new TypeSet(builder.ToImmutable());
    }

    /// <summary>True when <paramref name="type"/> is one of the set or derives from one; <paramref name="match"/> is that member.</summary>
    public bool Contains(ITypeSymbol? type, out INamedTypeSymbol match)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (!_simpleNames.Contains(current.Name))
            {
                continue;
            }

            var definition = current.OriginalDefinition;
            if (_names.ContainsKey(definition))
            {
                match = definition;
                return true;
            }
        }

        match = null!;
        return false;
    }

    public bool ContainsExactly(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && _simpleNames.Contains(named.Name) && _names.ContainsKey(named.OriginalDefinition);
}
