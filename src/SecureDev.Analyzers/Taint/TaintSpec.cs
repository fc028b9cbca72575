using System.Collections.Immutable;

namespace SecureDev.Analyzers.Taint;

/// <summary>The classes of sink, one per rule. <see cref="TaintSpec"/> names them in lower camel case (sql, command, ...).</summary>
internal enum SinkClass
{
    Sql,
    Command,
    Path,
    XPath,
    Ldap,
    Regex,
    Url,
    Log,
    Allocation,
    Index,
    Loop,
    Peer,
}

internal static class SinkClasses
{
    /// <summary>The taint bits that make a value dangerous at a sink of this class.</summary>
    public static TaintBits Bits(SinkClass sink) => sink switch
    {
        SinkClass.Sql => TaintBits.Sql,
        SinkClass.Command => TaintBits.Command,
        SinkClass.Path => TaintBits.Path,
        SinkClass.XPath => TaintBits.XPath,
        SinkClass.Ldap => TaintBits.Ldap,
        SinkClass.Regex => TaintBits.Regex,
        SinkClass.Url => TaintBits.Url,
        SinkClass.Log => TaintBits.Log,
        SinkClass.Peer => TaintBits.ExceptionDetail,
        _ => TaintBits.Unbounded,
    };

    public static bool TryParse(string text, out SinkClass sink)
    {
        foreach (SinkClass candidate in Enum.GetValues(typeof(SinkClass)))
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                sink = candidate;
                return true;
            }
        }

        sink = default;
        return false;
    }
}

internal enum EntryRole
{
    /// <summary>The member's result (or an argument it fills, or every value of the type) is untrusted.</summary>
    Source,

    /// <summary>Untrusted data must not reach the named arguments (or the assigned value of a property).</summary>
    Sink,

    /// <summary>The member's result is safe for the listed classes.</summary>
    Sanitizer,

    /// <summary>A test (or a throw helper) after which the checked value is safe for the listed classes.</summary>
    Check,

    /// <summary>Moves taint where the default rules would not: a receiver into a buffer argument, a reader into a number.</summary>
    Propagator,
}

/// <summary>Where on a member an entry acts: its return value, its receiver, or one argument by parameter name.</summary>
internal readonly struct Place
{
    private Place(bool isReturn, bool isInstance, string? parameter)
    {
        IsReturn = isReturn;
        IsInstance = isInstance;
        Parameter = parameter;
    }

    public static Place Return { get; } = new(true, false, null);

    public static Place Instance { get; } = new(false, true, null);

    public bool IsReturn { get; }

    public bool IsInstance { get; }

    /// <summary>The parameter name, for <c>argument:name</c>.</summary>
    public string? Parameter { get; }

    public static bool TryParse(string? text, Place fallback, out Place place)
    {
        switch (text)
        {
            case null:
                place = fallback;
                return true;
            case "return":
                place = Return;
                return true;
            case "instance":
                place = Instance;
                return true;
        }

        const string prefix = "argument:";
        if (text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length)
        {
            place = new Place(false, false, text.Substring(prefix.Length));
            return true;
        }

        place = fallback;
        return false;
    }
}

/// <summary>One line of the taint specification. See rules-docs/taint-configuration.md for the file format.</summary>
internal sealed class SpecEntry
{
    public EntryRole Role { get; set; }

    /// <summary>The metadata name of the type: the member's containing type, a base type of it, or an interface it implements.</summary>
    public string TypeName { get; set; } = string.Empty;

    /// <summary>Member names; empty for an instance source (every value of the type). A trailing * matches a prefix; .ctor is a constructor.</summary>
    public ImmutableArray<string> Members { get; set; } = ImmutableArray<string>.Empty;

    public SourceKind Kind { get; set; }

    public SinkClass Sink { get; set; }

    /// <summary>Sink arguments, or the parameter an overload must have for a source, sanitizer or check to apply.</summary>
    public ImmutableArray<string> Parameters { get; set; } = ImmutableArray<string>.Empty;

    /// <summary>A sink stays quiet when the call passes one of these (a safe overload: a regex match timeout).</summary>
    public ImmutableArray<string> UnlessParameters { get; set; } = ImmutableArray<string>.Empty;

    /// <summary>A sink that fires only when its receiver talks to a remote peer (a network stream, a socket, a response).</summary>
    public bool ReceiverIsPeer { get; set; }

    public TaintBits Clears { get; set; }

    /// <summary>A marker the result gets (normalized: a full path a containment check can rely on).</summary>
    public TaintBits Adds { get; set; }

    /// <summary>A check clears only origins that carry these markers.</summary>
    public TaintBits Requires { get; set; }

    /// <summary>A check's outcome that proves the value safe: true, false, or "returns" for throw helpers.</summary>
    public CheckOutcome When { get; set; } = CheckOutcome.True;

    /// <summary>A check that applies only when this argument is a constant regular expression anchored at both ends.</summary>
    public string? AnchoredPattern { get; set; }

    public Place From { get; set; } = Place.Instance;

    public Place Target { get; set; } = Place.Return;

    /// <summary>Where the entry came from, for configuration error messages.</summary>
    public string Origin { get; set; } = string.Empty;

    public bool MatchesName(string name)
    {
        foreach (var member in Members)
        {
            if (member.Length > 0 && member[member.Length - 1] == '*'
                    ? name.StartsWith(member.Substring(0, member.Length - 1), StringComparison.Ordinal)
                    : string.Equals(member, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

internal enum CheckOutcome
{
    True,
    False,
    Returns,
}

/// <summary>
/// The whole specification: the shipped defaults (<see cref="DefaultTaintSpec"/>) plus every configuration file the
/// user passes as an AdditionalFile named <c>*.securedev-taint.json</c> or <c>securedev-taint.json</c>.
/// </summary>
internal sealed class TaintSpec
{
    private TaintSpec(ImmutableArray<SpecEntry> entries, ImmutableHashSet<SourceKind> enabledKinds, ImmutableArray<string> errors)
    {
        Entries = entries;
        EnabledKinds = enabledKinds;
        Errors = errors;
    }

    public ImmutableArray<SpecEntry> Entries { get; }

    /// <summary>Source kinds in force: all but database unless a configuration enables it.</summary>
    public ImmutableHashSet<SourceKind> EnabledKinds { get; }

    /// <summary>Problems found in configuration files (reported nowhere yet; the tests read them).</summary>
    public ImmutableArray<string> Errors { get; }

    private static readonly Lazy<TaintSpec> LazyDefault = new(() => Parse(new[] { ("default", DefaultTaintSpec.Json) }));

    public static TaintSpec Default => LazyDefault.Value;

    /// <summary>The defaults followed by <paramref name="files"/> (name, text); later files add to earlier ones.</summary>
    public static TaintSpec Parse(IEnumerable<(string Name, string Text)> files)
    {
        var entries = ImmutableArray.CreateBuilder<SpecEntry>();
        var errors = ImmutableArray.CreateBuilder<string>();
        var enabled = new HashSet<SourceKind>((SourceKind[])Enum.GetValues(typeof(SourceKind)));
        enabled.Remove(SourceKind.Database);
        foreach (var (name, text) in files)
        {
            if (!Json.TryParse(text, out var document, out var error))
            {
                errors.Add(name + error);
                continue;
            }

            if (document is not Dictionary<string, object?> root)
            {
                errors.Add(name + ": the document must be an object");
                continue;
            }

            foreach (var kind in Strings(root, "enableSourceKinds"))
            {
                if (SourceKinds.TryParse(kind, out var parsed))
                {
                    enabled.Add(parsed);
                }
                else
                {
                    errors.Add($"{name}: unknown source kind '{kind}'");
                }
            }

            foreach (var kind in Strings(root, "disableSourceKinds"))
            {
                if (SourceKinds.TryParse(kind, out var parsed))
                {
                    enabled.Remove(parsed);
                }
                else
                {
                    errors.Add($"{name}: unknown source kind '{kind}'");
                }
            }

            Read(root, "sources", EntryRole.Source, name, entries, errors);
            Read(root, "sinks", EntryRole.Sink, name, entries, errors);
            Read(root, "sanitizers", EntryRole.Sanitizer, name, entries, errors);
            Read(root, "checks", EntryRole.Check, name, entries, errors);
            Read(root, "propagators", EntryRole.Propagator, name, entries, errors);
        }

        return new TaintSpec(entries.ToImmutable(), enabled.ToImmutableHashSet(), errors.ToImmutable());
    }

    /// <summary>The defaults plus the user's files (as many as the Default when there are none).</summary>
    public static TaintSpec WithUserFiles(IReadOnlyList<(string Name, string Text)> userFiles) =>
        userFiles.Count == 0 ? Default : Parse(new[] { ("default", DefaultTaintSpec.Json) }.Concat(userFiles));

    /// <summary>True for the AdditionalFile names SecureDev reads its taint configuration from.</summary>
    public static bool IsConfigurationFile(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name.Equals("securedev-taint.json", StringComparison.OrdinalIgnoreCase)
               || name.EndsWith(".securedev-taint.json", StringComparison.OrdinalIgnoreCase);
    }

    private static void Read(Dictionary<string, object?> root, string section, EntryRole role, string file, ImmutableArray<SpecEntry>.Builder entries, ImmutableArray<string>.Builder errors)
    {
        if (!root.TryGetValue(section, out var value) || value is null)
        {
            return;
        }

        if (value is not List<object?> list)
        {
            errors.Add($"{file}: '{section}' must be an array");
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var where = $"{file}: {section}[{i}]";
            if (list[i] is not Dictionary<string, object?> item)
            {
                errors.Add(where + " must be an object");
                continue;
            }

            if (TryCreate(item, role, where, out var entry, out var error))
            {
                entries.Add(entry);
            }
            else
            {
                errors.Add(where + ": " + error);
            }
        }
    }

    private static bool TryCreate(Dictionary<string, object?> item, EntryRole role, string where, out SpecEntry entry, out string error)
    {
        entry = new SpecEntry { Role = role, Origin = where };
        error = string.Empty;
        if (String(item, "type") is not { Length: > 0 } type)
        {
            error = "'type' (the metadata name of a type) is required";
            return false;
        }

        entry.TypeName = type;
        var members = Strings(item, "members").ToList();
        if (String(item, "member") is { Length: > 0 } member)
        {
            members.Add(member);
        }

        entry.Members = members.ToImmutableArray();
        if (members.Count == 0 && role != EntryRole.Source)
        {
            error = "'member' or 'members' is required";
            return false;
        }

        entry.Parameters = Strings(item, "arguments").Concat(Strings(item, "parameters")).ToImmutableArray();
        entry.UnlessParameters = Strings(item, "unlessArguments").ToImmutableArray();
        entry.AnchoredPattern = String(item, "anchoredPattern");
        if (!ParseBits(Strings(item, "clears"), out var clears, out error)
            || !ParseBits(Strings(item, "adds"), out var adds, out error)
            || !ParseBits(Strings(item, "requires"), out var requires, out error))
        {
            return false;
        }

        entry.Clears = clears;
        entry.Adds = adds;
        entry.Requires = requires;

        switch (role)
        {
            case EntryRole.Source:
                if (String(item, "kind") is not { } kindText || !SourceKinds.TryParse(kindText, out var kind))
                {
                    error = "'kind' must be one of " + string.Join(", ", Enum.GetNames(typeof(SourceKind)).Select(Camel));
                    return false;
                }

                entry.Kind = kind;
                if (!Place.TryParse(String(item, "target"), Place.Return, out var sourceTarget))
                {
                    error = "'target' must be return or argument:<parameter name>";
                    return false;
                }

                entry.Target = sourceTarget;
                return true;
            case EntryRole.Sink:
                if (String(item, "class") is not { } classText || !SinkClasses.TryParse(classText, out var sink))
                {
                    error = "'class' must be one of " + string.Join(", ", Enum.GetNames(typeof(SinkClass)).Select(Camel));
                    return false;
                }

                entry.Sink = sink;
                entry.ReceiverIsPeer = String(item, "receiver") == "peer";
                return true;
            case EntryRole.Sanitizer:
                if (entry.Clears == TaintBits.None && entry.Adds == TaintBits.None)
                {
                    error = "'clears' is required";
                    return false;
                }

                if (!Place.TryParse(String(item, "target"), Place.Return, out var sanitizerTarget))
                {
                    error = "'target' must be return or argument:<parameter name>";
                    return false;
                }

                entry.Target = sanitizerTarget;
                return true;
            case EntryRole.Check:
                if (entry.Clears == TaintBits.None)
                {
                    error = "'clears' is required";
                    return false;
                }

                if (!Place.TryParse(String(item, "checks"), Place.Instance, out var checks))
                {
                    error = "'checks' must be instance or argument:<parameter name>";
                    return false;
                }

                entry.Target = checks;
                entry.When = String(item, "when") switch
                {
                    null or "true" => CheckOutcome.True,
                    "false" => CheckOutcome.False,
                    "returns" => CheckOutcome.Returns,
                    _ => (CheckOutcome)(-1),
                };
                if ((int)entry.When < 0)
                {
                    error = "'when' must be true, false or returns";
                    return false;
                }

                return true;
            default:
                if (!Place.TryParse(String(item, "from"), Place.Instance, out var from)
                    || !Place.TryParse(String(item, "to"), Place.Return, out var to))
                {
                    error = "'from' and 'to' must be return, instance or argument:<parameter name>";
                    return false;
                }

                entry.From = from;
                entry.Target = to;
                return true;
        }
    }

    /// <summary>Class and marker names as the file writes them: sql, command, ..., injection, upperBound, lowerBound, bounds, exception, normalized, all.</summary>
    private static bool ParseBits(IEnumerable<string> names, out TaintBits bits, out string error)
    {
        bits = TaintBits.None;
        error = string.Empty;
        foreach (var name in names)
        {
            var bit = name switch
            {
                "injection" => TaintBits.Injection,
                "upperBound" => TaintBits.NoUpperBound,
                "lowerBound" => TaintBits.NoLowerBound,
                "bounds" => TaintBits.Unbounded,
                "exception" => TaintBits.ExceptionDetail,
                "normalized" => TaintMarkers.Normalized,
                "all" => TaintBits.All,
                _ => SinkClasses.TryParse(name, out var sink) && SinkClasses.Bits(sink) is var b && b != TaintBits.Unbounded ? b : TaintBits.None,
            };
            if (bit == TaintBits.None)
            {
                error = $"unknown class '{name}'";
                return false;
            }

            bits |= bit;
        }

        return true;
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);

    private static string? String(Dictionary<string, object?> item, string key) =>
        item.TryGetValue(key, out var value) ? value switch
        {
            string text => text,
            bool flag => flag ? "true" : "false",
            _ => null,
        } : null;

    private static IEnumerable<string> Strings(Dictionary<string, object?> item, string key)
    {
        if (!item.TryGetValue(key, out var value))
        {
            yield break;
        }

        if (value is string single)
        {
            yield return single;
        }
        else if (value is List<object?> list)
        {
            foreach (var element in list)
            {
                if (element is string text)
                {
                    yield return text;
                }
            }
        }
    }
}

/// <summary>Bits above the sink classes that record facts about a value rather than a danger.</summary>
internal static class TaintMarkers
{
    /// <summary>The value is a full path (Path.GetFullPath), so a StartsWith test on it is a containment check.</summary>
    public const TaintBits Normalized = (TaintBits)(1 << 11);
}
