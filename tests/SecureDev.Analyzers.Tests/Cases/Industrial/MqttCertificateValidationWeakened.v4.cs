// SD5021 MQTT TLS validation weakened, MQTTnet 4.x: MqttClientOptionsBuilderTlsParameters and WithTls(Action).
#pragma warning disable CS0618
using MQTTnet.Client;

namespace Cases.Industrial.V4;

public class TrustingClients
{
    public MqttClientOptions Parameters() =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("broker.plant.local", 8883)
            .WithTls(new MqttClientOptionsBuilderTlsParameters
            {
                UseTls = true,
                AllowUntrustedCertificates = true, // Noncompliant SD5021
                IgnoreCertificateChainErrors = true, // Noncompliant SD5021
                CertificateValidationHandler = context => true, // Noncompliant SD5021
            })
            .Build();

    public MqttClientOptions Action() =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("broker.plant.local", 8883)
            .WithTls(p => { p.UseTls = true; p.IgnoreCertificateRevocationErrors = true; }) // Noncompliant SD5021
            .Build();

    public MqttClientOptions Checked() =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("broker.plant.local", 8883)
            .WithTls(new MqttClientOptionsBuilderTlsParameters { UseTls = true, CertificateValidationHandler = c => c.SslPolicyErrors == System.Net.Security.SslPolicyErrors.None }) // Compliant
            .Build();
}
