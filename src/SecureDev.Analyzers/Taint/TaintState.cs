using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Taint;

/// <summary>
/// The taint of every abstract location at one program point: locals, parameters, CFG flow captures, fields and
/// auto-properties of <c>this</c> or static ones, and <see cref="ReceiverKey"/> (the object <c>this</c> as a whole).
/// A key that is absent has its default value (untainted for locals, the global taint for fields); a key that is present
/// overrides it, so an assignment of a constant to a field is remembered.
/// </summary>
internal sealed class TaintState
{
    /// <summary>The object the method runs on, field-insensitively (what callers see through their receiver).</summary>
    public static readonly object ReceiverKey = new();

    private Dictionary<object, Taint?> _map;

    // Copy on write: a clone shares the map until either side writes. The analysis clones a block's input state for every
    // block it evaluates, and many blocks write nothing (a condition, a call whose result is dropped), so most copies
    // were never needed; what remains is one copy per state that is written, as before.
    private bool _shared;

    public TaintState()
        : this(new Dictionary<object, Taint?>(KeyComparer.Instance))
    {
    }

    private TaintState(Dictionary<object, Taint?> map) => _map = map;

    public int Count => _map.Count;

    public IEnumerable<KeyValuePair<object, Taint?>> Entries => _map;

    public bool TryGet(object key, out Taint? taint) => _map.TryGetValue(key, out taint);

    public void Set(object key, Taint? taint)
    {
        Own();
        _map[key] = taint;
    }

    public TaintState Clone()
    {
        _shared = true;
        return new TaintState(_map) { _shared = true };
    }

    private void Own()
    {
        if (_shared)
        {
            _map = new Dictionary<object, Taint?>(_map, KeyComparer.Instance);
            _shared = false;
        }
    }

    /// <summary>Joins <paramref name="source"/> into <paramref name="target"/>; true when the target changed.</summary>
    /// <param name="sourceIsSpent">The caller no longer uses <paramref name="source"/>: an empty target takes it as it is
    /// instead of a copy (a block's state at its end, handed to its only successor).</param>
    public static bool JoinInto(ref TaintState? target, TaintState source, Func<object, Taint?> defaults, bool sourceIsSpent = false)
    {
        if (target is null)
        {
            target = sourceIsSpent ? source : source.Clone();
            return true;
        }

        var changed = false;
        List<KeyValuePair<object, Taint?>>? updates = null;
        foreach (var pair in source._map)
        {
            var current = target._map.TryGetValue(pair.Key, out var existing) ? existing : defaults(pair.Key);
            var joined = Taint.Union(current, pair.Value);
            if (!Taint.AreEquivalent(joined, current))
            {
                (updates ??= new List<KeyValuePair<object, Taint?>>()).Add(new KeyValuePair<object, Taint?>(pair.Key, joined));
                changed = true;
            }
        }

        foreach (var pair in target._map)
        {
            if (!source._map.ContainsKey(pair.Key))
            {
                var joined = Taint.Union(pair.Value, defaults(pair.Key));
                if (!Taint.AreEquivalent(joined, pair.Value))
                {
                    (updates ??= new List<KeyValuePair<object, Taint?>>()).Add(new KeyValuePair<object, Taint?>(pair.Key, joined));
                    changed = true;
                }
            }
        }

        if (updates is not null)
        {
            target.Own();
            foreach (var update in updates)
            {
                target._map[update.Key] = update.Value;
            }
        }

        return changed;
    }

    private sealed class KeyComparer : IEqualityComparer<object>
    {
        public static readonly KeyComparer Instance = new();

        public new bool Equals(object? x, object? y) =>
            x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : object.Equals(x, y);

        public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
    }
}
