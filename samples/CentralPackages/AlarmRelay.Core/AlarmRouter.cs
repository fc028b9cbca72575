using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace AlarmRelay.Core;

public enum AlarmPriority
{
    Low,
    Medium,
    High,
    Emergency,
}

public sealed record Alarm(string Area, string Tag, AlarmPriority Priority, string Text, DateTimeOffset RaisedAt);

public sealed record OnCallOperator(string Name, string Area, AlarmPriority Minimum, string Address);

/// <summary>Sends one notification; the service plugs in SMS, e-mail or the plant's paging system.</summary>
public interface INotificationChannel
{
    ValueTask SendAsync(OnCallOperator recipient, Alarm alarm, CancellationToken cancellationToken);
}

/// <summary>Routes an alarm to every on-call operator of its area at or above their minimum priority, retrying the channel.</summary>
public sealed class AlarmRouter
{
    private readonly IReadOnlyList<OnCallOperator> _roster;
    private readonly INotificationChannel _channel;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _retry;

    public AlarmRouter(IReadOnlyList<OnCallOperator> roster, INotificationChannel channel, ILogger logger)
    {
        _roster = roster;
        _channel = channel;
        _logger = logger;
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 3, Delay = TimeSpan.FromSeconds(2), BackoffType = DelayBackoffType.Exponential })
            .Build();
    }

    public IReadOnlyList<OnCallOperator> RecipientsOf(Alarm alarm) =>
        _roster.Where(o => string.Equals(o.Area, alarm.Area, StringComparison.OrdinalIgnoreCase) && alarm.Priority >= o.Minimum).ToList();

    public async Task<int> RouteAsync(Alarm alarm, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var recipient in RecipientsOf(alarm))
        {
            try
            {
                await _retry.ExecuteAsync(token => _channel.SendAsync(recipient, alarm, token), cancellationToken);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogError(e, "Alarm {Tag} could not be sent to {Operator}", alarm.Tag, recipient.Name);
            }
        }

        return sent;
    }
}
