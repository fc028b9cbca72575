// corpus: stand-ins
// Industrial protocol code as an edge gateway writes it: OPC UA, MQTT, Modbus and S7, safe and unsafe mixed. Compiled
// against the stand-in library declarations in Corpus/StandIns (benchmark option --stand-ins).
using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using FluentModbus;
using MQTTnet;
using MQTTnet.Server;
using Opc.Ua;
using Opc.Ua.Client;
using Opc.Ua.Configuration;
using S7.Net;

namespace Corpus.Template;

public sealed class GatewaySettings
{
    public string OpcUaServerUrl { get; set; } = "opc.tcp://plc-17:4840";
    public string BrokerHost { get; set; } = "broker.plant.local";
    public bool AutoAccept { get; set; }
    public bool UseSecurity { get; set; } = true;
    public IPAddress ControlNetwork { get; set; } = IPAddress.Loopback;
    public string PinnedThumbprint { get; set; } = "";
}

public sealed class OpcUaPoller
{
    private readonly GatewaySettings _settings;

    public OpcUaPoller(GatewaySettings settings) => _settings = settings;

    public async Task<ApplicationConfiguration> ConfigureAsync(ApplicationInstance application)
    {
        var configuration = await application.Build("urn:contoso:gateway", "urn:contoso")
            .AsClient()
            .AddSecurityConfiguration("CN=Gateway")
            .SetAutoAcceptUntrustedCertificates(_settings.AutoAccept)
            .SetMinimumCertificateKeySize(2048)
            .Create();
        configuration.CertificateValidator.CertificateValidation += (sender, e) =>
        {
            if (e.Error.StatusCode == StatusCodes.BadCertificateUntrusted && e.Certificate.Thumbprint == _settings.PinnedThumbprint)
            {
                e.Accept = true;
            }
        };
        return configuration;
    }

    public void Commissioning(ApplicationConfiguration configuration)
    {
        configuration.SecurityConfiguration.AutoAcceptUntrustedCertificates = true;
        configuration.SecurityConfiguration.RejectSHA1SignedCertificates = false;
    }

    public async Task<DataValue> PollAsync(ApplicationConfiguration configuration, ISessionFactory factory, CancellationToken ct)
    {
        var description = await CoreClientUtils.SelectEndpointAsync(configuration, _settings.OpcUaServerUrl, _settings.UseSecurity, ct);
        var endpoint = new ConfiguredEndpoint(null!, description, EndpointConfiguration.Create(configuration));
        using var session = await factory.CreateAsync(configuration, endpoint, false, true, "Gateway", 60000, new UserIdentity(), null!, ct);
        return await session.ReadValueAsync(new NodeId("ns=3;s=Line3.Speed"), ct);
    }

    public ServerSecurityPolicy LegacyPolicy() => new ServerSecurityPolicy
    {
        SecurityMode = MessageSecurityMode.SignAndEncrypt,
        SecurityPolicyUri = SecurityPolicies.Basic256,
    };
}

public sealed class TelemetryPublisher
{
    private readonly GatewaySettings _settings;

    public TelemetryPublisher(GatewaySettings settings) => _settings = settings;

    public MqttClientOptions Secure(string password) =>
        new MqttClientOptionsBuilder()
            .WithClientId("line3-gateway")
            .WithTcpServer(_settings.BrokerHost, 8883)
            .WithTlsOptions(o => o.UseTls().WithCertificateValidationHandler(args => args.SslPolicyErrors == System.Net.Security.SslPolicyErrors.None))
            .WithCredentials("gateway", password)
            .Build();

    public MqttClientOptions Plain() =>
        new MqttClientOptionsBuilder()
            .WithClientId("line3-gateway")
            .WithTcpServer(_settings.BrokerHost, 1883)
            .Build();

    public MqttServerOptions LocalBroker() =>
        new MqttServerOptionsBuilder()
            .WithEncryptedEndpoint()
            .WithEncryptedEndpointBoundIPAddress(_settings.ControlNetwork)
            .WithoutDefaultEndpoint()
            .Build();
}

public sealed class HmiModbusServer : IDisposable
{
    private readonly ModbusTcpServer _server = new ModbusTcpServer { MaxConnections = 2 };

    public void Start(IPAddress controlNetwork)
    {
        _server.RequestValidator = (unit, function, address, quantity) =>
            function >= ModbusFunctionCode.WriteSingleCoil && address < 100 ? ModbusExceptionCode.IllegalDataAddress : ModbusExceptionCode.OK;
        _server.Start(controlNetwork);
    }

    public void Dispose() => _server.Dispose();
}

public sealed class PressLine
{
    public async Task<object> ReadSpeedAsync(string address, CancellationToken ct)
    {
        using var plc = new Plc(CpuType.S71500, address, 0, 1);
        await plc.OpenAsync(ct);
        return await plc.ReadAsync("DB1.DBW0", ct);
    }
}
