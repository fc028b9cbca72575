using System.Text.Json;
using MQTTnet;

namespace OpcUaBridge.Mqtt;

/// <summary>Publishes process values to the plant MQTT broker as JSON.</summary>
public sealed class TelemetryPublisher : IAsyncDisposable
{
    private readonly BridgeSettings _settings;
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public TelemetryPublisher(BridgeSettings settings) => _settings = settings;

    public async Task ConnectAsync(CancellationToken ct)
    {
        var password = Environment.GetEnvironmentVariable("BRIDGE_MQTT_PASSWORD") ?? throw new InvalidOperationException("BRIDGE_MQTT_PASSWORD is not set");
        var options = new MqttClientOptionsBuilder()
            .WithClientId("opcua-bridge-" + Environment.MachineName)
            .WithTcpServer(_settings.BrokerHost, _settings.BrokerPort)
            .WithCredentials(_settings.BrokerUser, password)
            .WithCleanSession()
            .Build();
        await _client.ConnectAsync(options, ct);
    }

    /// <summary>The broker of the new lines speaks TLS, with a certificate the plant CA has not signed yet.</summary>
    public static MqttClientOptions NewLineBroker(BridgeSettings settings, string password) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer(settings.BrokerHost, 8883)
            .WithTlsOptions(o => o.UseTls().WithAllowUntrustedCertificates())
            .WithCredentials(settings.BrokerUser, password)
            .Build();

    public Task PublishAsync(string topic, object? value, DateTime timestamp, CancellationToken ct)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(_settings.TopicPrefix + "/" + topic)
            .WithPayload(JsonSerializer.Serialize(new { value, timestamp }))
            .Build();
        return _client.PublishAsync(message, ct);
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
