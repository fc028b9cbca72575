using System.Text.Json;

namespace OpcUaBridge;

/// <summary>The bridge's settings (bridge.json): where the PLC and the broker are and which nodes to publish.</summary>
public sealed class BridgeSettings
{
    public string PlcEndpointUrl { get; set; } = "opc.tcp://plc-17.line3.plant.local:4840";

    /// <summary>False only for PLCs that offer no secure endpoint at all; the operator decides, per installation.</summary>
    public bool UseSecurity { get; set; } = true;

    public string BrokerHost { get; set; } = "broker.plant.local";

    public int BrokerPort { get; set; } = 8883;

    public string BrokerUser { get; set; } = "line3-bridge";

    public string TopicPrefix { get; set; } = "plant/line3";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public List<PublishedNode> Nodes { get; set; } = new();

    public static BridgeSettings Load(string path) =>
        JsonSerializer.Deserialize<BridgeSettings>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
        ?? throw new InvalidDataException(path + " is empty");
}

public sealed class PublishedNode
{
    public string NodeId { get; set; } = "";

    public string Topic { get; set; } = "";
}
