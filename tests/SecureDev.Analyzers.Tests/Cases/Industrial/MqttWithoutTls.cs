// SD5020 MQTT connection without TLS, MQTTnet 5.x: builder chains, builders held in locals, URIs, TCP options.
using System.Net;
using MQTTnet;

namespace Cases.Industrial;

public class PlainBrokerClients
{
    public MqttClientOptions Chain() =>
        new MqttClientOptionsBuilder()
            .WithClientId("line3-gateway")
            .WithTcpServer("broker.plant.local", 1883) // Noncompliant SD5020 {{WithTcpServer("broker.plant.local", 1883) connects to the MQTT broker without TLS, so process data can be read and changed on the way (IEC 62443-4-2 CR 3.1 at SL 1, and CR 4.1); add WithTlsOptions(o => o.UseTls()) and use the broker's TLS port}}
//           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
            .Build();

    public MqttClientOptions WithPassword(string password) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("broker.plant.local") // Noncompliant SD5020 {{WithTcpServer("broker.plant.local") connects to the MQTT broker without TLS and sends the user name and password in clear text, so process data can be read and changed on the way (IEC 62443-4-2 CR 3.1 at SL 1, and CR 4.1); add WithTlsOptions(o => o.UseTls()) and use the broker's TLS port}}
            .WithCredentials("gateway", password)
            .Build();

    public MqttClientOptions ThroughLocal(string host)
    {
        var builder = new MqttClientFactory().CreateClientOptionsBuilder().WithClientId("line3");
        builder = builder.WithTcpServer(host); // Noncompliant SD5020
        return builder.Build();
    }

    public MqttClientOptions Uri() =>
        new MqttClientOptionsBuilder().WithConnectionUri("mqtt://broker.plant.local:1883").Build(); // Noncompliant SD5020

    public MqttClientOptions WebSocket() =>
        new MqttClientOptionsBuilder().WithWebSocketServer(o => o.WithUri("ws://broker.plant.local:8080/mqtt")).Build(); // Noncompliant SD5020

    public MqttClientOptions TlsSwitchedOff() =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("broker.plant.local")
            .WithTlsOptions(o => o.UseTls(false)) // Noncompliant SD5020
            .Build();

    public MqttClientOptions Properties() => new MqttClientOptions
    {
        ChannelOptions = new MqttClientTcpOptions { RemoteEndpoint = new DnsEndPoint("broker.plant.local", 1883) }, // Noncompliant SD5020
    };

    public MqttClientTlsOptions OptionsObject() => new MqttClientTlsOptions { UseTls = false }; // Noncompliant SD5020
}

public class TlsBrokerClients
{
    public MqttClientOptions Tls() =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("broker.plant.local", 8883) // Compliant: TLS is added below
            .WithCredentials("gateway", "")
            .WithTlsOptions(o => o.UseTls())
            .Build();

    public MqttClientOptions TlsFromConfiguration(bool useTls)
    {
        var builder = new MqttClientOptionsBuilder().WithTcpServer("broker.plant.local"); // Compliant: TLS switched by configuration
        builder.WithTlsOptions(o => o.UseTls(useTls));
        return builder.Build();
    }

    public MqttClientOptions Loopback() => new MqttClientOptionsBuilder().WithTcpServer("localhost").Build(); // Compliant: a broker on this device

    public MqttClientOptions SecureUri() => new MqttClientOptionsBuilder().WithConnectionUri("mqtts://broker.plant.local").Build(); // Compliant: mqtts

    public MqttClientOptionsBuilder HandedToCaller() => new MqttClientOptionsBuilder().WithTcpServer("broker.plant.local"); // Compliant: the caller may add TLS

    public MqttClientOptions TcpOptionsWithTls() => new MqttClientOptions
    {
        ChannelOptions = new MqttClientTcpOptions // Compliant: TLS options set
        {
            RemoteEndpoint = new DnsEndPoint("broker.plant.local", 8883),
            TlsOptions = new MqttClientTlsOptions { UseTls = true },
        },
    };
}
