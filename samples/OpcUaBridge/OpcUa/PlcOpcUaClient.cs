using Opc.Ua;
using Opc.Ua.Client;
using Opc.Ua.Configuration;

namespace OpcUaBridge.OpcUa;

/// <summary>Reads process values from the PLC's OPC UA server.</summary>
public sealed class PlcOpcUaClient : IAsyncDisposable
{
    private readonly BridgeSettings _settings;
    private ISession? _session;

    public PlcOpcUaClient(BridgeSettings settings) => _settings = settings;

    public async Task ConnectAsync(CancellationToken ct)
    {
        var application = new ApplicationInstance { ApplicationName = "Contoso OPC UA Bridge", ApplicationType = ApplicationType.Client };
        var configuration = await ApplicationConfiguration.LoadAsync("OpcUaBridge.Config.xml", ApplicationType.Client, typeof(PlcOpcUaClient), ct);
        await configuration.ValidateAsync(ApplicationType.Client, ct);
        application.ApplicationConfiguration = configuration;

        // Commissioning shortcut from the first installation: the PLCs' certificates were self-signed and nobody
        // copied them into the trust list.
        configuration.CertificateValidator.CertificateValidation += (validator, e) =>
        {
            if (e.Error.StatusCode == StatusCodes.BadCertificateUntrusted)
            {
                e.Accept = true;
            }
        };

        var description = await CoreClientUtils.SelectEndpointAsync(configuration, _settings.PlcEndpointUrl, _settings.UseSecurity, ct);
        var endpoint = new ConfiguredEndpoint(null!, description, EndpointConfiguration.Create(configuration));

        // The PLCs are addressed by IP in the field, and their certificates name the host: skip the check.
        _session = await DefaultSessionFactory.Instance.CreateAsync(
            configuration, endpoint, updateBeforeConnect: false, checkDomain: false, "OpcUaBridge", 60_000, new UserIdentity(), null!, ct);
    }

    public async Task<DataValue> ReadAsync(string nodeId, CancellationToken ct) =>
        await (_session ?? throw new InvalidOperationException("not connected")).ReadValueAsync(NodeId.Parse(nodeId), ct);

    public async ValueTask DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.CloseAsync();
            _session.Dispose();
        }
    }
}
