using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Taint;

/// <summary>One spec entry bound to the type it names in this compilation.</summary>
internal sealed class BoundEntry
{
    public BoundEntry(SpecEntry entry, INamedTypeSymbol type)
    {
        Entry = entry;
        Type = type;
    }

    public SpecEntry Entry { get; }

    public INamedTypeSymbol Type { get; }
}

/// <summary>
/// The specification resolved against one compilation: entries whose type the compilation does not reference are
/// dropped, the rest are indexed by member name so that nearly every member is ruled out by one dictionary lookup.
/// </summary>
internal sealed class SpecIndex
{
    private static readonly IReadOnlyList<BoundEntry> None = Array.Empty<BoundEntry>();

    private readonly Dictionary<string, List<BoundEntry>> _byName = new(StringComparer.Ordinal);
    private readonly List<BoundEntry> _byPrefix = new();
    private readonly Dictionary<string, List<BoundEntry>> _instanceSources = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ITypeSymbol, KnownSource> _instanceSourceOfType = new(SymbolEqualityComparer.Default);
    private readonly HashSet<SinkClass> _sinkClasses = new();

    private static readonly HashSet<string> GenericNames = new(StringComparer.Ordinal)
    {
        "Name", "In", "Query", "this[]", "GetValue", "GetString", "Read", "Value", "Item", "GetChars", "LinkName", "CommandLine",
    };

    public SpecIndex(Compilation compilation, TaintSpec spec)
    {
        Spec = spec;
        var types = new Dictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var entry in spec.Entries)
        {
            if (entry.Role == EntryRole.Source && !spec.EnabledKinds.Contains(entry.Kind))
            {
                continue;
            }

            if (!types.TryGetValue(entry.TypeName, out var type))
            {
                type = compilation.GetTypeByMetadataName(entry.TypeName);
                types[entry.TypeName] = type;
            }

            if (type is null)
            {
                continue;
            }

            var bound = new BoundEntry(entry, type);
            if (entry.Role == EntryRole.Sink)
            {
                _sinkClasses.Add(entry.Sink);
            }

            if (entry.Members.IsEmpty)
            {
                Add(_instanceSources, type.Name, bound);
                names.Add(type.Name);
                continue;
            }

            foreach (var member in entry.Members)
            {
                if (member.EndsWith("*", StringComparison.Ordinal))
                {
                    _byPrefix.Add(bound);
                }
                else
                {
                    Add(_byName, member, bound);
                }

                if (entry.Role is EntryRole.Source)
                {
                    // A generic member name (Name, In, Query, an indexer) would put most methods in reach: the type's
                    // name stands for it, so the method must mention the type (a declaration, a cast, a static call).
                    var name = member.TrimEnd('*');
                    names.Add(member == ".ctor" || GenericNames.Contains(name) ? type.Name : name);
                }
            }
        }

        SourceNames = names.ToImmutable();
    }

    public TaintSpec Spec { get; }

    /// <summary>The names a method must mention (in any form) to touch a source: source members and source types.</summary>
    public ImmutableHashSet<string> SourceNames { get; }

    public bool HasInstanceSources => _instanceSources.Count > 0;

    /// <summary>True when a sink of <paramref name="sinkClass"/> resolved in this compilation.</summary>
    public bool HasSink(SinkClass sinkClass) => _sinkClasses.Contains(sinkClass);

    /// <summary>The entries naming <paramref name="member"/> (by name, then by type), any role.</summary>
    public IReadOnlyList<BoundEntry> For(ISymbol member)
    {
        var name = member is IMethodSymbol { MethodKind: MethodKind.Constructor } ? ".ctor"
            : member is IPropertySymbol { IsIndexer: true } ? "this[]"
            : member.Name;
        _byName.TryGetValue(name, out var exact);
        List<BoundEntry>? result = null;
        if (exact is not null)
        {
            foreach (var bound in exact)
            {
                if (Applies(bound, member))
                {
                    (result ??= new List<BoundEntry>()).Add(bound);
                }
            }
        }

        foreach (var bound in _byPrefix)
        {
            if (bound.Entry.MatchesName(name) && Applies(bound, member))
            {
                (result ??= new List<BoundEntry>()).Add(bound);
            }
        }

        return result ?? None;
    }

    /// <summary>The instance source whose type <paramref name="type"/> is, derives from or implements.</summary>
    /// <remarks>Asked for every local, parameter, field and call the flow analysis evaluates, so each type's answer is
    /// kept: the walk up its base types costs a name lookup per level.</remarks>
    public BoundEntry? InstanceSource(ITypeSymbol? type)
    {
        if (type is null || _instanceSources.Count == 0 || type.SpecialType != SpecialType.None)
        {
            return null;
        }

        return _instanceSourceOfType.TryGetValue(type, out var known) ? known.Entry : _instanceSourceOfType.GetOrAdd(type, t => new KnownSource(FindInstanceSource(t))).Entry;
    }

    private BoundEntry? FindInstanceSource(ITypeSymbol type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (_instanceSources.TryGetValue(current.Name, out var candidates))
            {
                foreach (var bound in candidates)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, bound.Type))
                    {
                        return bound;
                    }
                }
            }
        }

        if (type.TypeKind == TypeKind.Interface && _instanceSources.TryGetValue(type.Name, out var interfaces))
        {
            foreach (var bound in interfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, bound.Type))
                {
                    return bound;
                }
            }
        }

        return null;
    }

    private static bool Applies(BoundEntry bound, ISymbol member)
    {
        if (!IsOrDerives(member.ContainingType, bound.Type))
        {
            return false;
        }

        // A source, sanitizer or check that names parameters applies only to the overloads that have them.
        var entry = bound.Entry;
        if (entry.Role is EntryRole.Source or EntryRole.Sanitizer or EntryRole.Check && !entry.Parameters.IsEmpty)
        {
            return member is IMethodSymbol method && method.Parameters.Any(p => entry.Parameters.Contains(p.Name));
        }

        return true;
    }

    /// <summary>True when <paramref name="type"/> is <paramref name="target"/>, derives from it or implements it.</summary>
    public static bool IsOrDerives(INamedTypeSymbol? type, INamedTypeSymbol target)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
            {
                return true;
            }
        }

        if (target.TypeKind == TypeKind.Interface && type is not null)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, target))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A type's instance source, or a null one: a class so that a cached "none" is a value, not a missing key.</summary>
    private sealed class KnownSource
    {
        public KnownSource(BoundEntry? entry) => Entry = entry;

        public BoundEntry? Entry { get; }
    }

    private static void Add(Dictionary<string, List<BoundEntry>> map, string key, BoundEntry bound)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<BoundEntry>();
        }

        list.Add(bound);
    }
}
