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

        var merged = Enumerable.Range(0, all.Count)
            .GroupBy(Find)
            .OrderBy(g => g.Key)
            .Select(g => Merge(g.Select(i => all[i]).ToList()))
            .ToList();

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
        var primary = records
            .Select((record, order) => (record, order))
            .OrderByDescending(r => r.record.Modified ?? DateTimeOffset.MinValue)
            .ThenBy(r => r.order)
            .First().record;
        var packages = new HashSet<string>(primary.Affected.Select(a => a.Name), StringComparer.OrdinalIgnoreCase);
        var affected = primary.Affected.ToList();
        foreach (var other in records.Where(r => !ReferenceEquals(r, primary)))
        {
            affected.AddRange(other.Affected.Where(a => !packages.Contains(a.Name)));
        }

        var aliases = records
            .SelectMany(r => r.Identifiers)
            .Where(i => !string.Equals(i, primary.Id, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        var alsoIn = records
            .Select(r => r.Source)
            .Where(s => s != primary.Source)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return primary with { Aliases = aliases, Affected = affected, AlsoIn = alsoIn };
    }
}
