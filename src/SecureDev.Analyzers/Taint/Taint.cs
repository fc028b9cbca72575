using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Taint;

/// <summary>
/// What a tainted value is still dangerous for, one bit per sink class. A sanitizer clears bits (a number cannot carry
/// SQL, so parsing clears the injection bits but keeps the numeric ones); a sink fires when its bits arrive.
/// </summary>
[Flags]
internal enum TaintBits
{
    None = 0,
    Sql = 1 << 0,
    Command = 1 << 1,
    Path = 1 << 2,
    XPath = 1 << 3,
    Ldap = 1 << 4,
    Regex = 1 << 5,
    Url = 1 << 6,
    Log = 1 << 7,
    Injection = Sql | Command | Path | XPath | Ldap | Regex | Url | Log,

    /// <summary>A number from outside with no upper bound check on the path yet.</summary>
    NoUpperBound = 1 << 8,

    /// <summary>A signed number from outside with no lower bound check on the path yet.</summary>
    NoLowerBound = 1 << 9,
    Unbounded = NoUpperBound | NoLowerBound,

    /// <summary>Exception details (message, stack trace) that must not reach the peer.</summary>
    ExceptionDetail = 1 << 10,

    /// <summary>Every danger bit. Bits above it are markers (<see cref="TaintMarkers"/>): an origin with only markers left is untainted.</summary>
    All = Injection | Unbounded | ExceptionDetail,
}

/// <summary>Where untrusted data comes from. The kind decides which sink classes a source feeds (see <see cref="SourceKinds.Bits"/>).</summary>
internal enum SourceKind
{
    Web,
    Network,
    Serial,
    Fieldbus,
    Console,
    CommandLine,
    Environment,
    File,
    Database,
    Archive,
    Exception,
}

internal static class SourceKinds
{
    /// <summary>
    /// Remote kinds (a peer on the network or the field bus controls the value) feed every injection sink and the
    /// availability sinks; local kinds (an operator, the machine's own files) feed the injection sinks only; exceptions
    /// feed only the exception-details sink.
    /// </summary>
    public static TaintBits Bits(SourceKind kind) => kind switch
    {
        SourceKind.Web or SourceKind.Network or SourceKind.Serial or SourceKind.Fieldbus => TaintBits.Injection | TaintBits.Unbounded,
        SourceKind.Exception => TaintBits.ExceptionDetail,
        _ => TaintBits.Injection,
    };

    /// <summary>How a message names data of this kind.</summary>
    public static string Describe(SourceKind kind) => kind switch
    {
        SourceKind.Web => "request data",
        SourceKind.Network => "network data",
        SourceKind.Serial => "serial port data",
        SourceKind.Fieldbus => "field device data",
        SourceKind.Console => "console input",
        SourceKind.CommandLine => "a command-line argument",
        SourceKind.Environment => "an environment variable",
        SourceKind.File => "file contents",
        SourceKind.Database => "a value read from the database",
        SourceKind.Archive => "an archive entry name",
        _ => "exception details",
    };

    public static bool TryParse(string text, out SourceKind kind)
    {
        foreach (SourceKind candidate in Enum.GetValues(typeof(SourceKind)))
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

/// <summary>
/// Where a tainted value came from: a concrete source in code (for the message and the additional location), or, while
/// a method summary is computed, one of the method's own parameters or its receiver (a placeholder the call site fills).
/// </summary>
internal sealed class Origin
{
    public const int Concrete = -2;
    public const int Receiver = -1;

    /// <summary>A placeholder for the value of a field when the method starts (the caller knows it better).</summary>
    public const int FieldValue = -3;

    private static readonly Origin[] ParameterOrigins = Enumerable.Range(0, 32).Select(i => new Origin(i)).ToArray();

    private Origin(int parameter)
    {
        Parameter = parameter;
        Text = string.Empty;
    }

    public Origin(SourceKind kind, string text, Location location)
    {
        Parameter = Concrete;
        Kind = kind;
        Text = text;
        Location = location;
    }

    private Origin(ISymbol field)
    {
        Parameter = FieldValue;
        Field = field;
        Text = string.Empty;
    }

    public static Origin ReceiverOrigin { get; } = new(Receiver);

    /// <summary>For a <see cref="FieldValue"/> placeholder: the field or auto-property.</summary>
    public ISymbol? Field { get; }

    public static Origin ForField(ISymbol field) => new(field);

    /// <summary>The parameter this placeholder stands for, <see cref="Receiver"/> for <c>this</c>, or <see cref="Concrete"/>.</summary>
    public int Parameter { get; }

    public bool IsConcrete => Parameter == Concrete;

    public SourceKind Kind { get; }

    /// <summary>The source as code names it: <c>'Console.ReadLine'</c>, <c>action parameter 'id'</c>.</summary>
    public string Text { get; }

    public Location? Location { get; }

    /// <summary>"network data ('NetworkStream.Read')", "request data (action parameter 'id')".</summary>
    public string Description => SourceKinds.Describe(Kind) + " (" + Text + ")";

    public static Origin ForParameter(int ordinal) => ordinal < ParameterOrigins.Length ? ParameterOrigins[ordinal] : new Origin(ordinal);

    /// <summary>A total order, so that the origin a message names never depends on the order of analysis.</summary>
    public static int Compare(Origin a, Origin b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (!a.IsConcrete || !b.IsConcrete)
        {
            // Placeholders first: receiver and parameters by position, then fields by name.
            var left = a.IsConcrete ? int.MaxValue : a.Parameter == FieldValue ? int.MaxValue - 1 : a.Parameter;
            var right = b.IsConcrete ? int.MaxValue : b.Parameter == FieldValue ? int.MaxValue - 1 : b.Parameter;
            var order = left.CompareTo(right);
            if (order != 0 || a.Parameter != FieldValue)
            {
                return order;
            }

            if (SymbolEqualityComparer.Default.Equals(a.Field, b.Field))
            {
                return 0;
            }

            var name = string.CompareOrdinal(a.Field!.Name, b.Field!.Name);
            return name != 0 ? name : string.CompareOrdinal(a.Field.ContainingType?.ToDisplayString(), b.Field.ContainingType?.ToDisplayString());
        }

        var path = string.CompareOrdinal(a.Location!.SourceTree?.FilePath, b.Location!.SourceTree?.FilePath);
        if (path != 0)
        {
            return path;
        }

        var start = a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start);
        return start != 0 ? start : string.CompareOrdinal(a.Text, b.Text);
    }
}

/// <summary>
/// The abstract value of one expression or variable: the origins it may carry, each with the bits still live for it.
/// Untainted is <c>null</c>, so the common case costs nothing. At most <see cref="MaxOrigins"/> origins are kept, in
/// <see cref="Origin.Compare"/> order, which keeps the lattice finite and the messages deterministic. Values are
/// immutable and an operation whose result equals an operand returns that operand: most joins and filters in a fixpoint
/// change nothing, and allocating a copy for each was most of the engine's garbage.
/// </summary>
internal sealed class Taint
{
    private const int MaxOrigins = 6;

    private readonly Origin[] _origins;
    private readonly TaintBits[] _bits;

    private Taint(Origin[] origins, TaintBits[] bits)
    {
        _origins = origins;
        _bits = bits;
        foreach (var b in bits)
        {
            Bits |= b;
        }
    }

    public TaintBits Bits { get; }

    public int Count => _origins.Length;

    public Origin OriginAt(int index) => _origins[index];

    public TaintBits BitsAt(int index) => _bits[index];

    public static Taint? Create(Origin origin, TaintBits bits) => bits == TaintBits.None ? null : new Taint(new[] { origin }, new[] { bits });

    public static Taint? Union(Taint? a, Taint? b)
    {
        if (a is null || ReferenceEquals(a, b))
        {
            return b ?? a;
        }

        if (b is null || Covers(a, b))
        {
            return a;
        }

        if (Covers(b, a))
        {
            return b;
        }

        // Merge the two sorted lists; the result can be no longer than both together, nor than the limit.
        var capacity = Math.Min(a.Count + b.Count, MaxOrigins);
        var origins = new Origin[capacity];
        var bits = new TaintBits[capacity];
        int i = 0, j = 0, n = 0;
        while ((i < a.Count || j < b.Count) && n < capacity)
        {
            var order = i >= a.Count ? 1 : j >= b.Count ? -1 : Origin.Compare(a._origins[i], b._origins[j]);
            if (order == 0)
            {
                origins[n] = a._origins[i];
                bits[n++] = a._bits[i++] | b._bits[j++];
            }
            else if (order < 0)
            {
                origins[n] = a._origins[i];
                bits[n++] = a._bits[i++];
            }
            else
            {
                origins[n] = b._origins[j];
                bits[n++] = b._bits[j++];
            }
        }

        if (n < capacity)
        {
            Array.Resize(ref origins, n);
            Array.Resize(ref bits, n);
        }

        var result = new Taint(origins, bits);
        return result.SameAs(a) ? a : result.SameAs(b) ? b : result;
    }

    /// <summary>True when every origin of <paramref name="b"/> is in <paramref name="a"/> with no bit <paramref name="a"/> lacks: their union is <paramref name="a"/>.</summary>
    private static bool Covers(Taint a, Taint b)
    {
        if ((b.Bits & ~a.Bits) != 0 || b.Count > a.Count)
        {
            return false;
        }

        var i = 0;
        for (var j = 0; j < b.Count; j++)
        {
            while (i < a.Count && !ReferenceEquals(a._origins[i], b._origins[j]) && Origin.Compare(a._origins[i], b._origins[j]) < 0)
            {
                i++;
            }

            if (i == a.Count || (b._bits[j] & ~a._bits[i]) != 0
                || (!ReferenceEquals(a._origins[i], b._origins[j]) && Origin.Compare(a._origins[i], b._origins[j]) != 0))
            {
                return false;
            }

            i++;
        }

        return true;
    }

    /// <summary>The value with only <paramref name="keep"/> bits left on each origin; null when nothing is left.</summary>
    public static Taint? Restrict(Taint? taint, TaintBits keep)
    {
        if (taint is null || (taint.Bits & ~keep) == 0)
        {
            return taint is null || (taint.Bits & TaintBits.All) != 0 ? taint : null;
        }

        var kept = 0;
        for (var i = 0; i < taint.Count; i++)
        {
            if ((taint._bits[i] & keep & TaintBits.All) != TaintBits.None)
            {
                kept++;
            }
        }

        if (kept == 0)
        {
            return null;
        }

        var origins = new Origin[kept];
        var bits = new TaintBits[kept];
        var n = 0;
        for (var i = 0; i < taint.Count; i++)
        {
            var left = taint._bits[i] & keep;
            if ((left & TaintBits.All) != TaintBits.None)
            {
                origins[n] = taint._origins[i];
                bits[n++] = left;
            }
        }

        return new Taint(origins, bits);
    }

    public static Taint? Clear(Taint? taint, TaintBits bits) => Restrict(taint, ~bits);

    /// <summary>Adds <paramref name="bits"/> to every origin that has any of <paramref name="ifAny"/>.</summary>
    public static Taint? AddWhere(Taint? taint, TaintBits ifAny, TaintBits bits)
    {
        if (taint is null || (taint.Bits & ifAny) == 0)
        {
            return taint;
        }

        var result = new TaintBits[taint.Count];
        for (var i = 0; i < taint.Count; i++)
        {
            result[i] = (taint._bits[i] & ifAny) != 0 ? taint._bits[i] | bits : taint._bits[i];
        }

        return new Taint(taint._origins, result);
    }

    /// <summary>
    /// Fills the placeholders of a callee's summary value with what the call site passed: each placeholder origin is
    /// replaced by the origins of <paramref name="actual"/>(its parameter), keeping only the bits that survived in the callee.
    /// </summary>
    public static Taint? Substitute(Taint? summary, Func<Origin, Taint?> actual)
    {
        if (summary is null)
        {
            return null;
        }

        Taint? result = null;
        for (var i = 0; i < summary.Count; i++)
        {
            var origin = summary._origins[i];
            result = Union(result, origin.IsConcrete
                ? new Taint(new[] { origin }, new[] { summary._bits[i] })
                : Restrict(actual(origin), summary._bits[i]));
        }

        return result;
    }

    public bool Equivalent(Taint? other) => other is not null && SameAs(other);

    public static bool AreEquivalent(Taint? a, Taint? b) => a is null ? b is null : a.Equivalent(b);

    private bool SameAs(Taint other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (Count != other.Count || Bits != other.Bits)
        {
            return false;
        }

        for (var i = 0; i < Count; i++)
        {
            if (_bits[i] != other._bits[i] || Origin.Compare(_origins[i], other._origins[i]) != 0)
            {
                return false;
            }
        }

        return true;
    }
}
