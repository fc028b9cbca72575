// Ordinary product code: a batch phase sequencer (state machine, guarded transitions, phase timeouts, command channel, history).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corpus.Template;

public enum SequencePhase { Idle, Charging, Heating, Holding, Cooling, Discharging, Complete, Held, Aborted }

public enum SequenceCommandKind { Start, PhaseDone, Hold, Resume, Abort, Reset }

/// <summary>A command for the sequencer; <paramref name="ExpectedPhase"/> lets late commands (e.g. a timer that lost the race) be dropped.</summary>
public sealed record SequenceCommand(SequenceCommandKind Kind, string Reason = "", string? BatchId = null, SequencePhase? ExpectedPhase = null);

public sealed record SequenceTransition(string BatchId, SequencePhase From, SequencePhase To, string Reason, DateTimeOffset At, TimeSpan TimeInPrevious);

public sealed record SequenceGuard(SequencePhase Target, string Name, Func<bool> Allows);

public sealed record BatchPhaseStatistics(SequencePhase Phase, int Entries, TimeSpan Total, TimeSpan Longest);

public sealed record BatchSequenceReport(string BatchId, SequencePhase FinalPhase, TimeSpan Duration, int Holds,
    IReadOnlyList<BatchPhaseStatistics> Phases, IReadOnlyList<SequencePhase> TimedOut);

public sealed class SequencePhaseChangedEventArgs(SequenceTransition transition) : EventArgs
{
    public SequenceTransition Transition { get; } = transition;
}

public sealed class SequenceOptions
{
    public int CommandCapacity { get; set; } = 64;
    public int MaxHistory { get; set; } = 1000;
    public TimeSpan DefaultPhaseTimeout { get; set; } = TimeSpan.FromMinutes(30);
    public Dictionary<SequencePhase, TimeSpan> PhaseTimeouts { get; set; } = [];
}

public sealed class BatchSequencer
{
    private const string TimeoutReason = "Timeout";
    private readonly Channel<SequenceCommand> _commands;
    private readonly List<SequenceTransition> _history = [];
    private readonly List<SequenceGuard> _guards = [];
    private readonly Lock _sync = new();
    private readonly SequenceOptions _options;
    private readonly ILogger<BatchSequencer> _logger;
    private readonly TimeProvider _time;
    private CancellationTokenSource? _phaseTimer;
    private SequencePhase _resumeTo = SequencePhase.Idle;
    private DateTimeOffset _phaseEnteredAt;

    public BatchSequencer(IOptions<SequenceOptions> options, ILogger<BatchSequencer> logger, TimeProvider? time = null)
    {
        _options = options.Value;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.CommandCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxHistory, 1);
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _phaseEnteredAt = _time.GetUtcNow();
        _commands = Channel.CreateBounded<SequenceCommand>(new BoundedChannelOptions(_options.CommandCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public event EventHandler<SequencePhaseChangedEventArgs>? PhaseChanged;

    public SequencePhase Phase { get; private set; } = SequencePhase.Idle;
    public string BatchId { get; private set; } = "";

    public IReadOnlyList<SequenceTransition> History
    {
        get { lock (_sync) return _history.ToArray(); }
    }

    public void AddGuard(SequencePhase target, string name, Func<bool> allows)
    {
        lock (_sync) _guards.Add(new SequenceGuard(target, name, allows));
    }

    public ValueTask PostAsync(SequenceCommand command, CancellationToken cancellationToken = default) =>
        _commands.Writer.WriteAsync(command, cancellationToken);

    public void CompleteAdding() => _commands.Writer.TryComplete();

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var command in _commands.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                Handle(command, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _logger.LogInformation("Sequencer stopped in phase {Phase} of batch {Batch}", Phase, BatchId);
        }
        finally
        {
            CancelPhaseTimer();
        }
    }

    public IReadOnlyList<BatchPhaseStatistics> SummarizePhases(string batchId) =>
        History.Where(t => t.BatchId == batchId && t.From is not SequencePhase.Idle)
            .GroupBy(t => t.From)
            .Select(g => new BatchPhaseStatistics(g.Key, g.Count(), TimeSpan.FromTicks(g.Sum(t => t.TimeInPrevious.Ticks)), g.Max(t => t.TimeInPrevious)))
            .OrderBy(s => s.Phase)
            .ToList();

    public BatchSequenceReport Report(string batchId)
    {
        var transitions = History.Where(t => t.BatchId == batchId).OrderBy(t => t.At).ToList();
        if (transitions.Count == 0) return new BatchSequenceReport(batchId, SequencePhase.Idle, TimeSpan.Zero, 0, [], []);

        var timedOut = transitions
            .Where(t => t.Reason.StartsWith(TimeoutReason, StringComparison.Ordinal))
            .Select(t => t.From)
            .Distinct()
            .ToArray();
        var holds = transitions.Count(t => t.To == SequencePhase.Held);
        return new BatchSequenceReport(batchId, transitions[^1].To, transitions[^1].At - transitions[0].At, holds, SummarizePhases(batchId), timedOut);
    }

    private void Handle(SequenceCommand command, CancellationToken stoppingToken)
    {
        if (command.ExpectedPhase is { } expected && expected != Phase)
        {
            _logger.LogDebug("Dropped stale {Command} for phase {Expected}; batch {Batch} is in {Phase}", command.Kind, expected, BatchId, Phase);
            return;
        }

        if (Decide(Phase, command.Kind) is not { } next)
        {
            _logger.LogWarning("Command {Command} rejected in phase {Phase} of batch {Batch}", command.Kind, Phase, BatchId);
            return;
        }

        if (FirstBlockingGuard(next) is { } guard)
        {
            _logger.LogWarning("Transition of batch {Batch} to {Phase} blocked by guard {Guard}", BatchId, next, guard.Name);
            return;
        }

        switch (next)
        {
            case SequencePhase.Charging when command.Kind is SequenceCommandKind.Start:
                BatchId = string.IsNullOrWhiteSpace(command.BatchId) ? $"B{_time.GetUtcNow():yyyyMMdd-HHmmss}" : command.BatchId;
                break;
            case SequencePhase.Held:
                _resumeTo = Phase;
                break;
        }

        Enter(next, string.IsNullOrEmpty(command.Reason) ? command.Kind.ToString() : command.Reason, stoppingToken);
    }

    private SequencePhase? Decide(SequencePhase phase, SequenceCommandKind kind) => (phase, kind) switch
    {
        (SequencePhase.Idle, SequenceCommandKind.Start) => SequencePhase.Charging,
        (_, SequenceCommandKind.PhaseDone) when IsProductive(phase) => NextProductive(phase),
        (_, SequenceCommandKind.Hold) when IsProductive(phase) => SequencePhase.Held,
        (SequencePhase.Held, SequenceCommandKind.Resume) => _resumeTo,
        (not (SequencePhase.Idle or SequencePhase.Complete or SequencePhase.Aborted), SequenceCommandKind.Abort) => SequencePhase.Aborted,
        (SequencePhase.Complete or SequencePhase.Aborted, SequenceCommandKind.Reset) => SequencePhase.Idle,
        _ => null,
    };

    private static bool IsProductive(SequencePhase phase) => phase is >= SequencePhase.Charging and <= SequencePhase.Discharging;

    private static SequencePhase NextProductive(SequencePhase phase) => phase switch
    {
        SequencePhase.Charging => SequencePhase.Heating,
        SequencePhase.Heating => SequencePhase.Holding,
        SequencePhase.Holding => SequencePhase.Cooling,
        SequencePhase.Cooling => SequencePhase.Discharging,
        SequencePhase.Discharging => SequencePhase.Complete,
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Not a productive phase."),
    };

    private SequenceGuard? FirstBlockingGuard(SequencePhase target)
    {
        lock (_sync) return _guards.FirstOrDefault(g => g.Target == target && !g.Allows());
    }

    private void Enter(SequencePhase next, string reason, CancellationToken stoppingToken)
    {
        var now = _time.GetUtcNow();
        var transition = new SequenceTransition(BatchId, Phase, next, reason, now, now - _phaseEnteredAt);
        lock (_sync)
        {
            _history.Add(transition);
            if (_history.Count > _options.MaxHistory)
            {
                _history.RemoveRange(0, _history.Count - _options.MaxHistory);
            }
        }

        (Phase, _phaseEnteredAt) = (next, now);
        _logger.LogInformation("Phase {Phase} of batch {Batch} started ({Reason})", next, BatchId, reason);
        RestartPhaseTimer(next, stoppingToken);
        Raise(transition);
    }

    private void RestartPhaseTimer(SequencePhase phase, CancellationToken stoppingToken)
    {
        CancelPhaseTimer();
        var timeout = _options.PhaseTimeouts.GetValueOrDefault(phase, _options.DefaultPhaseTimeout);
        if (!IsProductive(phase) || timeout <= TimeSpan.Zero) return;

        _phaseTimer = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        _ = WatchPhaseAsync(phase, BatchId, timeout, _phaseTimer.Token);
    }

    private async Task WatchPhaseAsync(SequencePhase phase, string batchId, TimeSpan timeout, CancellationToken token)
    {
        try
        {
            await Task.Delay(timeout, _time, token).ConfigureAwait(false);
            _logger.LogWarning("Phase {Phase} of batch {Batch} exceeded its timeout of {Timeout}", phase, batchId, timeout);
            var hold = new SequenceCommand(SequenceCommandKind.Hold, $"{TimeoutReason} in {phase}", batchId, phase);
            await PostAsync(hold, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The phase ended in time or the sequencer is stopping.
        }
    }

    private void CancelPhaseTimer()
    {
        _phaseTimer?.Cancel();
        _phaseTimer?.Dispose();
        _phaseTimer = null;
    }

    private void Raise(SequenceTransition transition)
    {
        var args = new SequencePhaseChangedEventArgs(transition);
        foreach (var listener in PhaseChanged?.GetInvocationList() ?? [])
        {
            try
            {
                ((EventHandler<SequencePhaseChangedEventArgs>)listener)(this, args);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Listener {Listener} failed on phase {Phase} of batch {Batch}", listener.Method.Name, transition.To, transition.BatchId);
            }
        }
    }
}
