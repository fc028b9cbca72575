// Ordinary product code: a process historian's per-tag time-series buffer with compression, range queries, aggregates and CSV flush.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corpus.Template;

public enum HistorianCompressionMode { Deadband, SwingingDoor }

public readonly record struct HistorianSample(DateTimeOffset Timestamp, double Value, byte Quality)
{
    public bool IsGood => Quality >= 192;
}

public sealed record HistorianAggregate(DateTimeOffset IntervalStart, int Count, double Minimum, double Maximum, double Average);

public sealed class HistorianBufferOptions
{
    public string DataDirectory { get; set; } = "historian";
    public int CapacityPerTag { get; set; } = 8192;
    public HistorianCompressionMode Compression { get; set; } = HistorianCompressionMode.SwingingDoor;
    public double Deviation { get; set; } = 0.25;
    public TimeSpan MaxArchiveGap { get; set; } = TimeSpan.FromMinutes(15);
}

public sealed class HistorianRing(int capacity)
{
    private readonly HistorianSample[] _items = new HistorianSample[Math.Max(2, capacity)];
    private int _start;

    public int Count { get; private set; }

    public long Overwritten { get; private set; }

    public void Add(HistorianSample sample)
    {
        _items[(_start + Count) % _items.Length] = sample;
        if (Count < _items.Length)
        {
            Count++;
            return;
        }

        _start = (_start + 1) % _items.Length;
        Overwritten++;
    }

    public IEnumerable<HistorianSample> Enumerate()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _items[(_start + i) % _items.Length];
        }
    }

    public (HistorianSample[] Samples, long Overwritten) Drain()
    {
        var drained = (Enumerate().ToArray(), Overwritten);
        (_start, Count, Overwritten) = (0, 0, 0);
        return drained;
    }
}

public sealed class HistorianSwingingDoor(HistorianCompressionMode mode, double deviation, TimeSpan maxGap)
{
    private HistorianSample? _anchor;
    private HistorianSample? _held;
    private double _upper = double.PositiveInfinity;
    private double _lower = double.NegativeInfinity;

    /// <summary>Offers a sample, writes the samples to archive into <paramref name="archived"/> and returns how many.</summary>
    public int Offer(HistorianSample sample, Span<HistorianSample> archived)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(archived.Length, 2, nameof(archived));
        if (_anchor is not { } anchor)
        {
            archived[0] = Restart(sample);
            return 1;
        }

        if (sample.Timestamp <= (_held ?? anchor).Timestamp)
        {
            return 0; // late or duplicate sample
        }

        if (sample.Quality != anchor.Quality || sample.Timestamp - anchor.Timestamp > maxGap)
        {
            var written = 0;
            if (_held is { } pending)
            {
                archived[written++] = pending;
            }

            archived[written++] = Restart(sample);
            return written;
        }

        if (mode == HistorianCompressionMode.Deadband)
        {
            if (Math.Abs(sample.Value - anchor.Value) <= deviation)
            {
                _held = sample;
                return 0;
            }

            archived[0] = Restart(sample);
            return 1;
        }

        var seconds = (sample.Timestamp - anchor.Timestamp).TotalSeconds;
        _upper = Math.Min(_upper, (sample.Value + deviation - anchor.Value) / seconds);
        _lower = Math.Max(_lower, (sample.Value - deviation - anchor.Value) / seconds);
        if (_lower <= _upper)
        {
            _held = sample;
            return 0;
        }

        // The door opened: the last held sample becomes the new anchor and the current one is held against it.
        var pivot = Restart(_held ?? sample);
        if (pivot != sample)
        {
            var step = (sample.Timestamp - pivot.Timestamp).TotalSeconds;
            (_upper, _lower, _held) = ((sample.Value + deviation - pivot.Value) / step, (sample.Value - deviation - pivot.Value) / step, sample);
        }

        archived[0] = pivot;
        return 1;
    }

    public HistorianSample? TakePending() => _held is { } held ? Restart(held) : null;

    private HistorianSample Restart(HistorianSample anchor)
    {
        (_anchor, _held) = (anchor, null);
        (_upper, _lower) = (double.PositiveInfinity, double.NegativeInfinity);
        return anchor;
    }
}

public sealed class HistorianBuffer(IOptions<HistorianBufferOptions> options, ILogger<HistorianBuffer> logger)
{
    private const int MaxTagLength = 128;
    private const int MaxIntervals = 100_000;

    private readonly Dictionary<string, HistorianTagState> _tags = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private readonly HistorianBufferOptions _options = options.Value;
    private readonly ILogger<HistorianBuffer> _logger = logger;

    public int Record(string tag, HistorianSample sample)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tag.Length, MaxTagLength);
        if (!double.IsFinite(sample.Value))
        {
            return 0;
        }

        Span<HistorianSample> archived = stackalloc HistorianSample[2];
        lock (_gate)
        {
            var state = GetOrCreate(tag);
            var count = state.Door.Offer(sample, archived);
            foreach (var item in archived[..count])
            {
                state.Ring.Add(item);
            }

            return count;
        }
    }

    public IReadOnlyList<HistorianSample> Query(string tag, DateTimeOffset from, DateTimeOffset to)
    {
        lock (_gate)
        {
            if (to < from || !_tags.TryGetValue(tag, out var state))
            {
                return [];
            }

            return state.Ring.Enumerate()
                .SkipWhile(s => s.Timestamp < from)
                .TakeWhile(s => s.Timestamp <= to)
                .ToList();
        }
    }

    public IReadOnlyList<HistorianAggregate> Aggregate(string tag, DateTimeOffset from, DateTimeOffset to, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        if ((to - from).Duration().Ticks / interval.Ticks > MaxIntervals)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), $"At most {MaxIntervals} intervals can be aggregated at once.");
        }

        return Query(tag, from, to)
            .Where(s => s.IsGood)
            .GroupBy(s => from.AddTicks((s.Timestamp - from).Ticks / interval.Ticks * interval.Ticks))
            .OrderBy(g => g.Key)
            .Select(g => new HistorianAggregate(g.Key, g.Count(), g.Min(s => s.Value), g.Max(s => s.Value), g.Average(s => s.Value)))
            .ToList();
    }

    public async Task<int> FlushAsync(string tag, CancellationToken cancellationToken)
    {
        HistorianSample[] samples;
        long overwritten;
        lock (_gate)
        {
            if (!_tags.TryGetValue(tag, out var state))
            {
                return 0;
            }

            if (state.Door.TakePending() is { } pending)
            {
                state.Ring.Add(pending);
            }

            (samples, overwritten) = state.Ring.Drain();
        }

        if (samples.Length == 0)
        {
            return 0;
        }

        if (overwritten > 0)
        {
            _logger.LogWarning("Buffer of {Tag} overflowed, {Overwritten} samples were lost before flush", tag, overwritten);
        }

        Directory.CreateDirectory(_options.DataDirectory);
        foreach (var day in samples.GroupBy(s => DateOnly.FromDateTime(s.Timestamp.UtcDateTime)))
        {
            var path = Path.Combine(_options.DataDirectory, FileNameFor(tag, day.Key));
            await using var writer = new StreamWriter(path, append: true, Encoding.UTF8);
            foreach (var sample in day)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await writer.WriteLineAsync(FormatLine(sample)).ConfigureAwait(false);
            }
        }

        _logger.LogInformation("Flushed {Count} samples of {Tag}", samples.Length, tag);
        return samples.Length;
    }

    private static string FormatLine(HistorianSample sample) =>
        string.Create(CultureInfo.InvariantCulture, $"{sample.Timestamp:O},{sample.Value:R},{sample.Quality}");

    // Only letters, digits, '-' and '_' survive, so the name can never leave the data directory.
    private static string FileNameFor(string tag, DateOnly day)
    {
        var safeTag = string.Create(Math.Min(tag.Length, MaxTagLength), tag, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = char.IsAsciiLetterOrDigit(source[i]) || source[i] is '-' ? source[i] : '_';
            }
        });
        return $"{safeTag}_{day:yyyyMMdd}.csv";
    }

    private HistorianTagState GetOrCreate(string tag)
    {
        if (!_tags.TryGetValue(tag, out var state))
        {
            state = new HistorianTagState(
                new HistorianRing(_options.CapacityPerTag),
                new HistorianSwingingDoor(_options.Compression, Math.Max(0, _options.Deviation), _options.MaxArchiveGap));
            _tags.Add(tag, state);
            _logger.LogDebug("Started buffering {Tag} with capacity {Capacity}", tag, _options.CapacityPerTag);
        }

        return state;
    }

    private sealed record HistorianTagState(HistorianRing Ring, HistorianSwingingDoor Door);
}
