namespace SecureDev.Core.Advisories;

/// <summary>
/// Advisories of several sources, merged: records that share an identifier (their id or an alias such as a GHSA or CVE
/// id, transitively) are one advisory. The most recently modified record speaks for it; its aliases are the union of
/// all, and an affected package only another record names is kept, so merging never loses coverage.
/// </summary>
public sealed class AdvisoryDatabase
{
    private readonly Dictionary<string, List<(Advisory, AffectedPackage)>> _byPackage = new(StringComparer.OrdinalIgnoreCase);
    private int _records;

    public AdvisoryDatabase()
    {
    }

    public AdvisoryDatabase(IEnumerable<Advisory> advisories) => Add(advisories);

    /// <summary>Distinct advisories.</summary>
    public int Count { get; private set; }

    /// <summary>Records that were the same advisory as another one (seen in two sources, or under an alias).</summary>
    public int Duplicates { get; private set; }

    public IReadOnlyList<Advisory> Advisories { get; private set; } = Array.Empty<Advisory>();

    /// <summary>Merges <paramref name="advisories"/> (in source order) with those already held.</summary>
    public void Add(IEnumerable<Advisory> advisories)
    {
        var all = Advisories.Concat(advisories).ToList();
        _records += all.Count - Advisories.Count;
        var parent = Enumerable.Range(0, all.Count).ToArray();
        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        var firstWithIdentifier = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < all.Count; i++)
        {
            foreach (var identifier in all[i].Identifiers)
            {
                if (firstWithIdentifier.TryGetValue(identifier, out var j))
                {
                    var (a, b) = (Find(i), Find(j));
                    if (a != b)
                    {
                        parent[Math.Max(a, b)] = Math.Min(a, b);
                    }
                }
                else
                {
                    firstWithIdentifier[identifier] = i;
                }
            }
        }

        // Groups in the order of their first record, without LINQ: this runs on every build.
        var groups = new Dictionary<int, List<Advisory>>();
        var order = new List<int>();
        for (var i = 0; i < all.Count; i++)
        {
            var root = Find(i);
            if (!groups.TryGetValue(root, out var group))
            {
                groups[root] = group = new List<Advisory>(1);
                order.Add(root);
            }

            group.Add(all[i]);
        }

        var merged = new List<Advisory>(order.Count);
        foreach (var root in order)
        {
            merged.Add(Merge(groups[root]));
        }

        Duplicates = _records - merged.Count;
        Advisories = merged;
        Count = merged.Count;
        _byPackage.Clear();
        foreach (var advisory in merged)
        {
            foreach (var affected in advisory.Affected)
            {
                if (!_byPackage.TryGetValue(affected.Name, out var list))
                {
                    _byPackage[affected.Name] = list = new();
                }

                list.Add((advisory, affected));
            }
        }
    }

    public IReadOnlyList<(Advisory Advisory, AffectedPackage Affected)> For(string package) =>
        _byPackage.TryGetValue(package, out var list) ? list : Array.Empty<(Advisory, AffectedPackage)>();

    private static Advisory Merge(List<Advisory> records)
    {
        if (records.Count == 1)
        {
            return records[0];
        }

        // The newest record, the first source's on a tie; records without a modified time come last.
        var primary = records[0];
        foreach (var record in records)
        {
            if ((record.Modified ?? DateTimeOffset.MinValue) > (primary.Modified ?? DateTimeOffset.MinValue))
            {
                primary = record;
            }
        }

        var affected = new List<AffectedPackage>(primary.Affected);
        var aliases = new List<string>(primary.Aliases);
        var alsoIn = new List<string>();
        foreach (var other in records)
        {
            if (ReferenceEquals(other, primary))
            {
                continue;
            }

            // A package only another record names is kept: merging never loses coverage.
            foreach (var package in other.Affected)
            {
                if (!primary.Affected.Any(a => string.Equals(a.Name, package.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    affected.Add(package);
                }
            }

            foreach (var identifier in other.Identifiers)
            {
                if (!string.Equals(identifier, primary.Id, StringComparison.OrdinalIgnoreCase) && !aliases.Contains(identifier, StringComparer.OrdinalIgnoreCase))
                {
                    aliases.Add(identifier);
                }
            }

            if (other.Source != primary.Source && !alsoIn.Contains(other.Source))
            {
                alsoIn.Add(other.Source);
            }
        }

        return primary with { Aliases = aliases, Affected = affected, AlsoIn = alsoIn };
    }
}
