using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Taint;

/// <summary>Untrusted data from <see cref="Origin"/> reaching a sink of <see cref="Class"/> at <see cref="Location"/>.</summary>
internal sealed class Finding
{
    public Finding(SinkClass sinkClass, Location location, string sink, Origin origin, TaintBits bits)
    {
        Class = sinkClass;
        Location = location;
        Sink = sink;
        Origin = origin;
        Bits = bits;
    }

    public SinkClass Class { get; }

    public Location Location { get; }

    /// <summary>The sink as code names it: <c>'SqliteCommand.CommandText'</c>.</summary>
    public string Sink { get; }

    public Origin Origin { get; }

    /// <summary>The bits that arrived; for the bounds rules, which check is missing.</summary>
    public TaintBits Bits { get; }

    /// <summary>For the bounds rules: "upper" when no upper bound check is on the path, else "lower".</summary>
    public string MissingBound => (Bits & TaintBits.NoUpperBound) != 0 ? "upper" : "lower";
}

/// <summary>A parameter (or the receiver) of a method reaching a sink inside it: the call site fills in what it passes.</summary>
internal sealed class SummarySink
{
    public SummarySink(SinkClass sinkClass, Location location, string sink, Taint taint, Taint? peerCondition)
    {
        Class = sinkClass;
        Location = location;
        Sink = sink;
        Taint = taint;
        PeerCondition = peerCondition;
    }

    public SinkClass Class { get; }

    public Location Location { get; }

    public string Sink { get; }

    /// <summary>Placeholders only: which parameters reach the sink, with the bits that survive on the way.</summary>
    public Taint Taint { get; }

    /// <summary>For sinks that fire only on a peer channel: the placeholders that must be one (the stream parameter).</summary>
    public Taint? PeerCondition { get; }
}

/// <summary>
/// What a method does with taint, in terms of its parameters (placeholders) and of the sources inside it (concrete):
/// what it returns, what it leaves in its out and ref parameters and in its receiver, which fields it writes and which
/// sinks its parameters reach. Callers apply it instead of analyzing the body again.
/// </summary>
internal sealed class MethodSummary
{
    public static readonly MethodSummary Empty = new(null, null, ImmutableDictionary<int, Taint>.Empty, ImmutableArray<SummarySink>.Empty, ImmutableDictionary<ISymbol, Taint>.Empty);

    public MethodSummary(Taint? returned, Taint? receiver, ImmutableDictionary<int, Taint> outs, ImmutableArray<SummarySink> sinks, ImmutableDictionary<ISymbol, Taint> fieldWrites)
    {
        Return = returned;
        Receiver = receiver;
        Outs = outs;
        Sinks = sinks;
        FieldWrites = fieldWrites;
    }

    public Taint? Return { get; }

    public Taint? Receiver { get; }

    public ImmutableDictionary<int, Taint> Outs { get; }

    public ImmutableArray<SummarySink> Sinks { get; }

    public ImmutableDictionary<ISymbol, Taint> FieldWrites { get; }

    public bool IsEmpty => Return is null && Receiver is null && Outs.IsEmpty && Sinks.IsEmpty && FieldWrites.IsEmpty;

    /// <summary>The join of several implementations' summaries (a virtual or interface call).</summary>
    public static MethodSummary Union(IReadOnlyList<MethodSummary> summaries)
    {
        if (summaries.Count == 1)
        {
            return summaries[0];
        }

        Taint? returned = null, receiver = null;
        var outs = ImmutableDictionary.CreateBuilder<int, Taint>();
        var sinks = ImmutableArray.CreateBuilder<SummarySink>();
        var fields = ImmutableDictionary.CreateBuilder<ISymbol, Taint>(SymbolEqualityComparer.Default);
        foreach (var summary in summaries)
        {
            returned = Taint.Union(returned, summary.Return);
            receiver = Taint.Union(receiver, summary.Receiver);
            foreach (var pair in summary.Outs)
            {
                outs[pair.Key] = Taint.Union(outs.TryGetValue(pair.Key, out var t) ? t : null, pair.Value)!;
            }

            sinks.AddRange(summary.Sinks);
            foreach (var pair in summary.FieldWrites)
            {
                fields[pair.Key] = Taint.Union(fields.TryGetValue(pair.Key, out var t) ? t : null, pair.Value)!;
            }
        }

        return new MethodSummary(returned, receiver, outs.ToImmutable(), sinks.ToImmutable(), fields.ToImmutable());
    }
}

/// <summary>The result of analyzing a method on its own: the findings it reports and the fields it fills from sources.</summary>
internal sealed class MethodResult
{
    public static readonly MethodResult Empty = new(ImmutableArray<Finding>.Empty, ImmutableDictionary<ISymbol, Taint>.Empty);

    public MethodResult(ImmutableArray<Finding> findings, ImmutableDictionary<ISymbol, Taint> fieldWrites)
    {
        Findings = findings;
        FieldWrites = fieldWrites;
    }

    public ImmutableArray<Finding> Findings { get; }

    /// <summary>Static fields and fields of <c>this</c> the method assigns from a concrete source.</summary>
    public ImmutableDictionary<ISymbol, Taint> FieldWrites { get; }
}

/// <summary>Collects what an analysis (a method with its lambdas and local functions) finds.</summary>
internal sealed class Collector
{
    private readonly Dictionary<(SinkClass, Location), (string Sink, Taint Taint)> _reached = new();
    private readonly Dictionary<(SinkClass, Location), SummarySink> _sinks = new();
    private readonly Dictionary<ISymbol, Taint> _fieldWrites = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Records concrete taint reaching a sink. Taint only grows while the analysis iterates, so the union over all
    /// iterations is the final value, and the finding names its first origin: one finding per sink, independent of order.
    /// </summary>
    public void Finding(SinkClass sinkClass, Location location, string sink, Taint taint)
    {
        var key = (sinkClass, location);
        _reached[key] = _reached.TryGetValue(key, out var existing) ? (existing.Sink, Taint.Union(existing.Taint, taint)!) : (sink, taint);
    }

    public void Sink(SinkClass sinkClass, Location location, string sink, Taint taint, Taint? peerCondition)
    {
        // One record per sink; the parameters and bits that reach it on different paths are joined.
        var key = (sinkClass, location);
        if (_sinks.TryGetValue(key, out var existing))
        {
            taint = Taint.Union(existing.Taint, taint)!;
            peerCondition = Taint.Union(existing.PeerCondition, peerCondition);
        }

        _sinks[key] = new SummarySink(sinkClass, location, sink, taint, peerCondition);
    }

    public void FieldWrite(ISymbol field, Taint? taint)
    {
        if (taint is null)
        {
            return;
        }

        _fieldWrites[field] = Taint.Union(_fieldWrites.TryGetValue(field, out var existing) ? existing : null, taint)!;
    }

    public ImmutableArray<SummarySink> Sinks => _sinks.Values.ToImmutableArray();

    public ImmutableDictionary<ISymbol, Taint> FieldWrites(bool concreteOnly)
    {
        var builder = ImmutableDictionary.CreateBuilder<ISymbol, Taint>(SymbolEqualityComparer.Default);
        foreach (var pair in _fieldWrites)
        {
            var value = concreteOnly ? Concrete(pair.Value) : pair.Value;
            if (value is not null)
            {
                builder[pair.Key] = value;
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>Findings in a stable order: by file, then position, then class.</summary>
    public ImmutableArray<Finding> Findings => _reached
        .Select(pair => new Finding(pair.Key.Item1, pair.Key.Item2, pair.Value.Sink, pair.Value.Taint.OriginAt(0), pair.Value.Taint.BitsAt(0)))
        .OrderBy(f => f.Location.SourceTree?.FilePath, StringComparer.Ordinal)
        .ThenBy(f => f.Location.SourceSpan.Start)
        .ThenBy(f => f.Class)
        .ToImmutableArray();

    public static Taint? Concrete(Taint? taint) => Select(taint, concrete: true);

    public static Taint? Placeholders(Taint? taint) => Select(taint, concrete: false);

    private static Taint? Select(Taint? taint, bool concrete)
    {
        if (taint is null)
        {
            return null;
        }

        Taint? result = null;
        for (var i = 0; i < taint.Count; i++)
        {
            if (taint.OriginAt(i).IsConcrete == concrete)
            {
                result = Taint.Union(result, Taint.Create(taint.OriginAt(i), taint.BitsAt(i)));
            }
        }

        return result;
    }
}
