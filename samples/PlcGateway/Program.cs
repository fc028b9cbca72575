using PlcGateway.Configuration;
using PlcGateway.Historian;
using PlcGateway.Modbus;

namespace PlcGateway;

/// <summary>Polls the PLC's holding registers once a second and forwards the scaled values to the historian.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var tagMapPath = args.Length > 0 ? args[0] : "tagmap.json";
        if (!File.Exists(tagMapPath))
        {
            Console.Error.WriteLine($"usage: PlcGateway <tagmap.json>  ({tagMapPath} not found)");
            return 2;
        }

        var tagMap = TagMapLoader.Load(File.ReadAllText(tagMapPath));
        using var plc = new ModbusTcpClient(tagMap.PlcHost, tagMap.PlcPort, tagMap.UnitId);
        using var historian = HistorianClient.Create(new Uri(tagMap.HistorianUrl));
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

        while (!stop.IsCancellationRequested)
        {
            foreach (var tag in tagMap.Tags)
            {
                var registers = await plc.ReadHoldingRegistersAsync(tag.Address, tag.Count, stop.Token);
                await historian.WriteAsync(tag.Name, tag.Scale(registers), DateTimeOffset.UtcNow, stop.Token);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), stop.Token).ContinueWith(_ => { });
        }

        return 0;
    }
}
