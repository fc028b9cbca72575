// SD5001 with the 1.5-only client API: CoreClientUtils.SelectEndpointAsync.
using System.Threading.Tasks;
using Opc.Ua;
using Opc.Ua.Client;

namespace Cases.Industrial.V15;

public class EndpointSelection
{
    public Task<EndpointDescription> Insecure(ApplicationConfiguration configuration) =>
        CoreClientUtils.SelectEndpointAsync(configuration, "opc.tcp://plc-17:4840", false); // Noncompliant SD5001

    public Task<EndpointDescription> Secure(ApplicationConfiguration configuration) =>
        CoreClientUtils.SelectEndpointAsync(configuration, "opc.tcp://plc-17:4840", useSecurity: true); // Compliant
}
