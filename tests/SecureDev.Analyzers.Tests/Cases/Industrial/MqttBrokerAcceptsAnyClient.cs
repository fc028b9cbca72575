// SD5023 MQTT broker without a ValidatingConnectionAsync handler, MQTTnet 5.x.
using System.Threading.Tasks;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Cases.Industrial;

public class OpenBroker
{
    public async Task RunAsync(MqttServerOptions options)
    {
        using var server = new MqttServerFactory().CreateMqttServer(options); // Noncompliant SD5023 {{The MQTT broker created by CreateMqttServer(options) has no ValidatingConnectionAsync handler, so every client connects, anonymous ones included (IEC 62443-4-2 CR 1.2 at SL 2, and CR 2.1); check the user name and password or the client certificate there and set ReasonCode otherwise}}
        await server.StartAsync();
    }
}

public class OpenBrokerField
{
    private readonly MqttServer _server;

    public OpenBrokerField(MqttServerOptions options) => _server = new MqttServerFactory().CreateMqttServer(options); // Noncompliant SD5023

    public Task StartAsync() => _server.StartAsync();
}

public class ValidatingBroker
{
    private readonly MqttServer _server;

    public ValidatingBroker(MqttServerOptions options)
    {
        _server = new MqttServerFactory().CreateMqttServer(options); // Compliant: a handler is subscribed in StartAsync
    }

    public Task StartAsync()
    {
        _server.ValidatingConnectionAsync += e =>
        {
            if (e.UserName != "line3" || e.ClientCertificate is null)
            {
                e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            }

            return Task.CompletedTask;
        };
        return _server.StartAsync();
    }
}

public class HostedBroker
{
    public MqttServer Create(MqttServerOptions options)
    {
        var server = new MqttServerFactory().CreateMqttServer(options); // Compliant: handed to the caller, who may add the handler
        return server;
    }

    public async Task Configured(MqttServerOptions options, BrokerSecurity security)
    {
        var server = new MqttServerFactory().CreateMqttServer(options); // Compliant: configured by other code
        security.Attach(server);
        await server.StartAsync();
    }
}

public class BrokerSecurity
{
    public void Attach(MqttServer server) => server.ValidatingConnectionAsync += _ => Task.CompletedTask;
}
