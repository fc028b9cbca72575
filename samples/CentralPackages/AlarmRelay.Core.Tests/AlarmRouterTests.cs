using AlarmRelay.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace AlarmRelay.Core.Tests;

public class AlarmRouterTests
{
    private static readonly OnCallOperator[] Roster =
    {
        new("Ana", "Boiler house", AlarmPriority.High, "ana@plant.example"),
        new("Ben", "Boiler house", AlarmPriority.Low, "ben@plant.example"),
        new("Cem", "Tank farm", AlarmPriority.Low, "cem@plant.example"),
    };

    [Fact]
    public void A_medium_alarm_goes_to_the_area_s_operators_whose_minimum_it_reaches()
    {
        var router = new AlarmRouter(Roster, new NullChannel(), NullLogger.Instance);
        var alarm = new Alarm("Boiler house", "PT-101", AlarmPriority.Medium, "Steam pressure high", DateTimeOffset.UnixEpoch);
        Assert.Equal(new[] { "Ben" }, router.RecipientsOf(alarm).Select(o => o.Name));
    }

    private sealed class NullChannel : INotificationChannel
    {
        public ValueTask SendAsync(OnCallOperator recipient, Alarm alarm, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
