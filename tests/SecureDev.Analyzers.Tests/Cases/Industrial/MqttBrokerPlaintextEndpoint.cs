// SD5022 MQTT broker with a plaintext endpoint, MQTTnet 5.x (builder and options) and 4.x share the API shape.
using System.Net;
using MQTTnet.Server;

namespace Cases.Industrial;

public class PlantBroker
{
    public MqttServerOptions Plain() =>
        new MqttServerOptionsBuilder()
            .WithDefaultEndpoint() // Noncompliant SD5022 {{WithDefaultEndpoint() opens the MQTT broker's plaintext endpoint (port 1883), where credentials and process data travel unencrypted (IEC 62443-4-2 CR 3.1 at SL 1, and CR 4.1); use WithEncryptedEndpoint() alone, or bind the plaintext endpoint to loopback}}
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse("10.20.0.5"))
            .Build();

    public MqttServerOptions NextToTls() =>
        new MqttServerOptionsBuilder()
            .WithEncryptedEndpoint()
            .WithDefaultEndpoint() // Noncompliant SD5022
            .Build();

    public void Property(MqttServerOptions options) => options.DefaultEndpointOptions.IsEnabled = true; // Noncompliant SD5022

    public MqttServerOptions OnlyIPv4Loopback() =>
        new MqttServerOptionsBuilder()
            .WithDefaultEndpoint() // Noncompliant SD5022
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .Build();
}

public class TlsOnlyBroker
{
    public MqttServerOptions Tls() =>
        new MqttServerOptionsBuilder()
            .WithEncryptedEndpoint() // Compliant: TLS only
            .WithoutDefaultEndpoint()
            .Build();

    public MqttServerOptions LocalBridge() =>
        new MqttServerOptionsBuilder()
            .WithDefaultEndpoint() // Compliant: plaintext on loopback only
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.IPv6Loopback)
            .Build();

    public void Disabled(MqttServerOptions options) => options.DefaultEndpointOptions.IsEnabled = false; // Compliant

    public void TlsEndpoint(MqttServerOptions options) => options.TlsEndpointOptions.IsEnabled = true; // Compliant: the TLS endpoint
}
