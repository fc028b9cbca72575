// SD5022 and SD5023 with MQTTnet 4.x: MqttFactory.CreateMqttServer and the 4.x server options builder.
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Server;

namespace Cases.Industrial.V4;

public class Broker
{
    public async Task RunAsync()
    {
        var factory = new MqttFactory();
        var options = factory.CreateServerOptionsBuilder().WithDefaultEndpoint().Build(); // Noncompliant SD5022
        using var server = factory.CreateMqttServer(options); // Noncompliant SD5023
        await server.StartAsync();
    }

    public async Task ValidatedAsync(MqttFactory factory)
    {
        var options = factory.CreateServerOptionsBuilder().WithEncryptedEndpoint().Build(); // Compliant
        using var server = factory.CreateMqttServer(options); // Compliant
        server.ValidatingConnectionAsync += e => Task.CompletedTask;
        await server.StartAsync();
    }
}
