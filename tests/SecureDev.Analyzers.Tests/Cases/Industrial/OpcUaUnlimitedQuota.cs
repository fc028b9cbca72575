// SD5010 OPC UA quotas set to unlimited: transport quotas, session and channel counts, rejected-certificate store;
// properties, initializers, builder; 1.4 and 1.5.
using System.Threading.Tasks;
using Opc.Ua;
using Opc.Ua.Configuration;

namespace Cases.Industrial;

public class NoLimits
{
    public TransportQuotas Quotas() => new TransportQuotas
    {
        MaxMessageSize = int.MaxValue, // Noncompliant SD5010 {{MaxMessageSize = int.MaxValue removes a limit that protects the OPC UA stack from exhaustion by a peer (IEC 62443-4-2 CR 7.1 at SL 1); size it for the largest legitimate message or client count}}
        MaxStringLength = 0, // Noncompliant SD5010
        MaxArrayLength = 65535,
    };

    public void Sessions(ServerConfiguration server)
    {
        server.MaxSessionCount = int.MaxValue; // Noncompliant SD5010
        server.MaxRequestThreadCount = int.MaxValue; // Noncompliant SD5010
    }

    public void RejectedStore(SecurityConfiguration security) => security.MaxRejectedCertificates = 0; // Noncompliant SD5010

    public Task<ApplicationConfiguration> Builder(ApplicationInstance application) =>
        application.Build("urn:contoso:line3", "urn:contoso")
            .SetMaxByteStringLength(int.MaxValue) // Noncompliant SD5010
            .AsServer(new[] { "opc.tcp://localhost:4840" })
            .SetMaxChannelCount(int.MaxValue) // Noncompliant SD5010
            .AddSecurityConfiguration("CN=Line3")
            .Create();
}

public class SizedLimits
{
    public TransportQuotas Quotas() => new TransportQuotas
    {
        MaxMessageSize = 4 * 1024 * 1024, // Compliant: sized
        MaxStringLength = 1024 * 1024, // Compliant
        OperationTimeout = int.MaxValue, // Compliant: a timeout, not a resource bound
    };

    public void Sessions(ServerConfiguration server, int sessions) => server.MaxSessionCount = sessions; // Compliant: configured

    public void MaxBufferZero(TransportQuotas quotas) => quotas.MaxBufferSize = 0; // Compliant: 0 is not "unlimited" for the buffer size
}
