// SD5001 OPC UA without message security: None offered by a server or chosen by a client, in every API shape.
// Compiled against the OPC UA 1.4 and 1.5 stand-ins (Stubs/OpcUa.1.4.cs, Stubs/OpcUa.1.5.cs).
#pragma warning disable CS0618 // SelectEndpoint is obsolete in 1.5 and still used.
using System.Threading.Tasks;
using Opc.Ua;
using Opc.Ua.Client;
using Opc.Ua.Configuration;

namespace Cases.Industrial;

public class LineServerPolicies
{
    public ServerSecurityPolicy Initializer() => new ServerSecurityPolicy
    {
        SecurityMode = MessageSecurityMode.None, // Noncompliant SD5001 {{SecurityMode = MessageSecurityMode.None lets OPC UA messages travel unsigned and unencrypted (IEC 62443-4-2 CR 3.1 at SL 1, and CR 4.1); offer and select SignAndEncrypt with Basic256Sha256 or a newer policy}}
        SecurityPolicyUri = SecurityPolicies.None,
    };

    public void Property(ServerConfiguration server)
    {
        var policy = new ServerSecurityPolicy();
        policy.SecurityMode = MessageSecurityMode.None; // Noncompliant SD5001
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        server.SecurityPolicies.Add(policy);
    }

    public void ThroughConstant(ServerConfiguration server)
    {
        const MessageSecurityMode commissioning = MessageSecurityMode.None;
        server.SecurityPolicies.Add(new ServerSecurityPolicy { SecurityMode = commissioning }); // Noncompliant SD5001
    }

    public Task<ApplicationConfiguration> Builder(ApplicationInstance application) =>
        application.Build("urn:contoso:line3", "urn:contoso")
            .AsServer(new[] { "opc.tcp://0.0.0.0:4840" })
            .AddSignAndEncryptPolicies()
            .AddUnsecurePolicyNone() // Noncompliant SD5001 {{AddUnsecurePolicyNone() lets OPC UA messages travel unsigned and unencrypted (IEC 62443-4-2 CR 3.1 at SL 1, and CR 4.1); offer and select SignAndEncrypt with Basic256Sha256 or a newer policy}}
            .AddSecurityConfiguration("CN=Line3")
            .Create();

    public Task<ApplicationConfiguration> BuilderExplicit(ApplicationInstance application) =>
        application.Build("urn:contoso:line3", "urn:contoso")
            .AsServer(new[] { "opc.tcp://localhost:4840" })
            .AddUnsecurePolicyNone(true) // Noncompliant SD5001
            .AddPolicy(MessageSecurityMode.None, SecurityPolicies.None) // Noncompliant SD5001
            .AddSecurityConfiguration("CN=Line3")
            .Create();

    public EndpointDescription ClientEndpoint(string url) =>
        new EndpointDescription(url) { SecurityMode = MessageSecurityMode.None, SecurityPolicyUri = SecurityPolicies.None }; // Noncompliant SD5001

    public EndpointDescription SelectWithoutSecurity(ApplicationConfiguration configuration) =>
        CoreClientUtils.SelectEndpoint(configuration, "opc.tcp://plc-17:4840", useSecurity: false); // Noncompliant SD5001
}

public class SecurePolicies
{
    public ServerSecurityPolicy Encrypted() => new ServerSecurityPolicy
    {
        SecurityMode = MessageSecurityMode.SignAndEncrypt, // Compliant: signed and encrypted
        SecurityPolicyUri = SecurityPolicies.Basic256Sha256,
    };

    public Task<ApplicationConfiguration> NoneSwitchedOff(ApplicationInstance application, bool allowInsecure) =>
        application.Build("urn:contoso:line3", "urn:contoso")
            .AsServer(new[] { "opc.tcp://localhost:4840" })
            .AddUnsecurePolicyNone(false) // Compliant: the policy is not added
            .AddUnsecurePolicyNone(allowInsecure) // Compliant: the operator's setting decides
            .AddPolicy(MessageSecurityMode.SignAndEncrypt, SecurityPolicies.Aes256_Sha256_RsaPss) // Compliant
            .AddSecurityConfiguration("CN=Line3")
            .Create();

    public EndpointDescription FromConfiguration(ApplicationConfiguration configuration, GatewaySettings settings) =>
        CoreClientUtils.SelectEndpoint(configuration, settings.ServerUrl, useSecurity: settings.UseSecurity); // Compliant: useSecurity from configuration

    public bool RejectsNone(EndpointDescription endpoint) =>
        endpoint.SecurityMode == MessageSecurityMode.None; // Compliant: a comparison, not a choice
}

public class GatewaySettings
{
    public string ServerUrl { get; set; } = "";
    public bool UseSecurity { get; set; } = true;
}
