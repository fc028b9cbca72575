// SD5021 MQTT TLS validation weakened, MQTTnet 5.x: TLS options builder, properties, validation handlers.
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;

namespace Cases.Industrial;

public class TrustingClients
{
    public MqttClientOptions Builder() =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("broker.plant.local", 8883)
            .WithTlsOptions(o => o
                .WithAllowUntrustedCertificates() // Noncompliant SD5021 {{WithAllowUntrustedCertificates() weakens the validation of the MQTT broker's certificate (untrusted certificates allowed), so anyone on the network path can pose as the broker (IEC 62443-4-2 CR 1.9 at SL 2); trust the broker's CA with WithTrustChain instead}}
                .WithIgnoreCertificateChainErrors(true) // Noncompliant SD5021
                .WithIgnoreCertificateRevocationErrors() // Noncompliant SD5021
                .WithRevocationMode(X509RevocationMode.NoCheck)) // Noncompliant SD5021
            .Build();

    public MqttClientTlsOptions Properties() => new MqttClientTlsOptions
    {
        UseTls = true,
        AllowUntrustedCertificates = true, // Noncompliant SD5021
        RevocationMode = X509RevocationMode.NoCheck, // Noncompliant SD5021
    };

    public MqttClientOptions Handler() =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("broker.plant.local", 8883)
            .WithTlsOptions(o => o.WithCertificateValidationHandler(_ => true)) // Noncompliant SD5021
            .Build();

    public MqttClientTlsOptions MethodGroup() => new MqttClientTlsOptions { UseTls = true, CertificateValidationHandler = AcceptAll };

    private static bool AcceptAll(MqttClientCertificateValidationEventArgs args) // Noncompliant SD5021
    {
        return true;
    }
}

public class ValidatingClients
{
    private readonly string _brokerThumbprint = "";

    public MqttClientOptions Checked(X509Certificate2Collection plantCa) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("broker.plant.local", 8883)
            .WithTlsOptions(o => o
                .WithTrustChain(plantCa)
                .WithAllowUntrustedCertificates(false) // Compliant
                .WithRevocationMode(X509RevocationMode.Online) // Compliant
                .WithCertificateValidationHandler(args => args.SslPolicyErrors == SslPolicyErrors.None)) // Compliant: checks the policy errors
            .Build();

    public MqttClientTlsOptions Pinned() => new MqttClientTlsOptions
    {
        UseTls = true,
        CertificateValidationHandler = args => args.Certificate.GetCertHashString() == _brokerThumbprint, // Compliant: pinned
    };

    public MqttClientTlsOptions Configured(bool allowUntrusted) => new MqttClientTlsOptions { UseTls = true, AllowUntrustedCertificates = allowUntrusted }; // Compliant: configured
}
