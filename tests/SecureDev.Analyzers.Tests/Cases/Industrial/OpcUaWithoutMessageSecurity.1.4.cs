// SD5001 with the 1.4-only client API: CoreClientUtils.SelectEndpoint(string discoveryUrl, bool useSecurity).
using Opc.Ua;
using Opc.Ua.Client;

namespace Cases.Industrial.V14;

public class EndpointSelection
{
    public EndpointDescription Insecure() =>
        CoreClientUtils.SelectEndpoint("opc.tcp://plc-17:4840", false); // Noncompliant SD5001

    public EndpointDescription Secure() =>
        CoreClientUtils.SelectEndpoint("opc.tcp://plc-17:4840", true); // Compliant
}
