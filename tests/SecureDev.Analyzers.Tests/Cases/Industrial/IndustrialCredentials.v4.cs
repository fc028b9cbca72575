// SD3001 for MQTTnet 4.x WithCredentials(string username, string password).
using MQTTnet.Client;

namespace Cases.Industrial.V4;

public class LiteralCredentials
{
    public MqttClientOptions Literal() =>
        new MqttClientOptionsBuilder().WithTcpServer("broker.plant.local").WithTlsOptions(o => o.UseTls()).WithCredentials("gateway", "mqtt-S3cret").Build(); // Noncompliant SD3001

    public MqttClientOptions Configured(string password) =>
        new MqttClientOptionsBuilder().WithTcpServer("broker.plant.local").WithTlsOptions(o => o.UseTls()).WithCredentials("gateway", password).Build(); // Compliant
}
