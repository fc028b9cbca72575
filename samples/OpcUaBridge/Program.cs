using OpcUaBridge.Mqtt;
using OpcUaBridge.OpcUa;

namespace OpcUaBridge;

/// <summary>Polls the configured OPC UA nodes of the PLC and publishes each value to the plant broker.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var settingsPath = args.Length > 0 ? args[0] : "bridge.json";
        if (!File.Exists(settingsPath))
        {
            Console.Error.WriteLine($"usage: OpcUaBridge <bridge.json>  ({settingsPath} not found)");
            return 2;
        }

        var settings = BridgeSettings.Load(settingsPath);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

        await using var plc = new PlcOpcUaClient(settings);
        await using var broker = new TelemetryPublisher(settings);
        await plc.ConnectAsync(stop.Token);
        await broker.ConnectAsync(stop.Token);

        while (!stop.IsCancellationRequested)
        {
            foreach (var node in settings.Nodes)
            {
                var value = await plc.ReadAsync(node.NodeId, stop.Token);
                await broker.PublishAsync(node.Topic, value.Value, value.SourceTimestamp, stop.Token);
            }

            await Task.Delay(settings.PollInterval, stop.Token).ContinueWith(_ => { });
        }

        return 0;
    }
}
