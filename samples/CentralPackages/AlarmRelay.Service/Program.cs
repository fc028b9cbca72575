using AlarmRelay.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlarmRelay.Service;

/// <summary>Reads the SCADA alarm export (one alarm per line: area;tag;priority;text) and routes each alarm.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: AlarmRelay.Service <alarm export file> <roster file>");
            return 2;
        }

        var roster = File.ReadAllLines(args[1])
            .Select(line => line.Split(';'))
            .Where(f => f.Length == 4 && Enum.TryParse<AlarmPriority>(f[2], out _))
            .Select(f => new OnCallOperator(f[0], f[1], Enum.Parse<AlarmPriority>(f[2]), f[3]))
            .ToList();
        var router = new AlarmRouter(roster, new ConsoleChannel(), NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

        foreach (var line in File.ReadLines(args[0]))
        {
            var fields = line.Split(';', 4);
            if (fields.Length == 4 && Enum.TryParse<AlarmPriority>(fields[2], out var priority))
            {
                await router.RouteAsync(new Alarm(fields[0], fields[1], priority, fields[3], DateTimeOffset.UtcNow), stop.Token);
            }
        }

        return 0;
    }

    private sealed class ConsoleChannel : INotificationChannel
    {
        public ValueTask SendAsync(OnCallOperator recipient, Alarm alarm, CancellationToken cancellationToken)
        {
            Console.WriteLine($"{recipient.Address}: [{alarm.Priority}] {alarm.Area}/{alarm.Tag} {alarm.Text}");
            return ValueTask.CompletedTask;
        }
    }
}
