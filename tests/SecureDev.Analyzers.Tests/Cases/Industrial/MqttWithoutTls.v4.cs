// SD5020 MQTT connection without TLS, MQTTnet 4.x: WithTls()/WithTls(parameters) count as TLS.
#pragma warning disable CS0618 // WithTls is obsolete in 4.3
using MQTTnet;
using MQTTnet.Client;

namespace Cases.Industrial.V4;

public class BrokerClients
{
    public MqttClientOptions Plain() =>
        new MqttFactory().CreateClientOptionsBuilder()
            .WithTcpServer("broker.plant.local") // Noncompliant SD5020
            .WithCredentials("gateway", "from-vault")
            .Build();

    public MqttClientOptions Properties() => new MqttClientOptions
    {
        ChannelOptions = new MqttClientTcpOptions { Server = "broker.plant.local", Port = 1883 }, // Noncompliant SD5020
    };

    public MqttClientOptions Parameters() =>
        new MqttClientOptionsBuilder().WithTcpServer("broker.plant.local").WithTls(new MqttClientOptionsBuilderTlsParameters { UseTls = false }).Build(); // Noncompliant SD5020

    public MqttClientOptions Tls() =>
        new MqttClientOptionsBuilder().WithTcpServer("broker.plant.local", 8883).WithTls().Build(); // Compliant: WithTls()

    public MqttClientOptions TlsOptions() =>
        new MqttClientOptionsBuilder().WithTcpServer("broker.plant.local", 8883).WithTlsOptions(o => o.UseTls()).Build(); // Compliant

    public MqttClientOptions Loopback() =>
        new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1").Build(); // Compliant: loopback
}
