// Ordinary product code with no security APIs: the bulk of a real code base, so rules are measured at a realistic density.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Template;

public enum AlarmState { Normal, Active, Acknowledged, Shelved }

public sealed record ProcessValue(string Tag, double Value, DateTimeOffset Timestamp, int Quality);

public sealed class AlarmLimit
{
    public string Tag { get; init; } = "";
    public double High { get; init; }
    public double Low { get; init; }
    public double Deadband { get; init; }
}

public sealed class AlarmEvaluator
{
    private readonly Dictionary<string, AlarmLimit> _limits = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AlarmState> _states = new(StringComparer.OrdinalIgnoreCase);

    public void Configure(IEnumerable<AlarmLimit> limits)
    {
        foreach (var limit in limits)
        {
            if (limit.High <= limit.Low)
            {
                throw new ArgumentException($"High limit of {limit.Tag} must be above its low limit.", nameof(limits));
            }

            _limits[limit.Tag] = limit;
            _states.TryAdd(limit.Tag, AlarmState.Normal);
        }
    }

    public AlarmState Evaluate(ProcessValue value)
    {
        if (!_limits.TryGetValue(value.Tag, out var limit) || value.Quality < 192)
        {
            return AlarmState.Normal;
        }

        var state = _states[value.Tag];
        var outside = value.Value > limit.High || value.Value < limit.Low;
        var clear = value.Value < limit.High - limit.Deadband && value.Value > limit.Low + limit.Deadband;
        state = state switch
        {
            AlarmState.Normal when outside => AlarmState.Active,
            AlarmState.Active or AlarmState.Acknowledged when clear => AlarmState.Normal,
            _ => state,
        };
        _states[value.Tag] = state;
        return state;
    }

    public void Acknowledge(string tag)
    {
        if (_states.TryGetValue(tag, out var state) && state == AlarmState.Active)
        {
            _states[tag] = AlarmState.Acknowledged;
        }
    }

    public IReadOnlyList<string> ActiveTags() =>
        _states.Where(s => s.Value == AlarmState.Active).Select(s => s.Key).OrderBy(t => t, StringComparer.Ordinal).ToList();
}

public sealed class MovingAverage
{
    private readonly double[] _window;
    private int _count;
    private int _next;
    private double _sum;

    public MovingAverage(int size) => _window = new double[size > 0 ? size : throw new ArgumentOutOfRangeException(nameof(size))];

    public double Add(double value)
    {
        if (_count == _window.Length)
        {
            _sum -= _window[_next];
        }
        else
        {
            _count++;
        }

        _window[_next] = value;
        _sum += value;
        _next = (_next + 1) % _window.Length;
        return _sum / _count;
    }
}

public static class ReportFormatter
{
    public static string Table(IEnumerable<ProcessValue> values)
    {
        var text = new StringBuilder();
        text.AppendLine("Tag                          Value      Quality  Time");
        foreach (var group in values.GroupBy(v => v.Tag).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var latest = group.OrderByDescending(v => v.Timestamp).First();
            text.Append(latest.Tag.PadRight(28))
                .Append(latest.Value.ToString("0.000", CultureInfo.InvariantCulture).PadLeft(10))
                .Append(latest.Quality.ToString(CultureInfo.InvariantCulture).PadLeft(9))
                .Append("  ")
                .AppendLine(latest.Timestamp.ToString("u", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    public static IEnumerable<(string Tag, double Min, double Max, double Mean)> Statistics(IEnumerable<ProcessValue> values) =>
        values.GroupBy(v => v.Tag)
            .Select(g => (g.Key, g.Min(v => v.Value), g.Max(v => v.Value), g.Average(v => v.Value)))
            .OrderBy(s => s.Key, StringComparer.Ordinal);
}

public sealed class BatchScheduler
{
    private readonly SemaphoreSlim _gate = new(4);
    private readonly List<Func<CancellationToken, Task>> _jobs = new();

    public void Add(Func<CancellationToken, Task> job) => _jobs.Add(job);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var completed = 0;
        var tasks = _jobs.Select(async job =>
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                await job(cancellationToken);
                Interlocked.Increment(ref completed);
            }
            finally
            {
                _gate.Release();
            }
        });
        await Task.WhenAll(tasks);
        return completed;
    }
}

public static class RecipeMath
{
    public static double Interpolate(IReadOnlyList<(double X, double Y)> curve, double x)
    {
        if (curve.Count == 0)
        {
            return 0;
        }

        if (x <= curve[0].X)
        {
            return curve[0].Y;
        }

        for (var i = 1; i < curve.Count; i++)
        {
            if (x <= curve[i].X)
            {
                var (x0, y0) = curve[i - 1];
                var (x1, y1) = curve[i];
                return y0 + ((y1 - y0) * (x - x0) / (x1 - x0));
            }
        }

        return curve[^1].Y;
    }

    public static double[] Scale(ReadOnlySpan<ushort> registers, double factor, double offset)
    {
        var result = new double[registers.Length];
        for (var i = 0; i < registers.Length; i++)
        {
            result[i] = (registers[i] * factor) + offset;
        }

        return result;
    }

    public static string Describe(double value, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{value:0.##} {unit}");
}
