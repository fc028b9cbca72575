// SD5002 Deprecated OPC UA security policy (Basic128Rsa15, Basic256) in every API shape; 1.4 and 1.5.
using System.Threading.Tasks;
using Opc.Ua;
using Opc.Ua.Configuration;

namespace Cases.Industrial;

public class LegacyPolicies
{
    public ServerSecurityPolicy Initializer() => new ServerSecurityPolicy
    {
        SecurityMode = MessageSecurityMode.SignAndEncrypt,
        SecurityPolicyUri = SecurityPolicies.Basic128Rsa15, // Noncompliant SD5002 {{SecurityPolicyUri = SecurityPolicies.Basic128Rsa15 selects a deprecated OPC UA security policy built on SHA-1 and RSA PKCS#1 v1.5 (CVE-2024-42512) (IEC 62443-4-2 CR 4.3 at SL 1); use Basic256Sha256, Aes128_Sha256_RsaOaep or Aes256_Sha256_RsaPss}}
    };

    public void Property(EndpointDescription endpoint) =>
        endpoint.SecurityPolicyUri = SecurityPolicies.Basic256; // Noncompliant SD5002

    public void Literal(EndpointDescription endpoint) =>
        endpoint.SecurityPolicyUri = "http://opcfoundation.org/UA/SecurityPolicy#Basic256"; // Noncompliant SD5002

    public UserTokenPolicy Token() =>
        new UserTokenPolicy(UserTokenType.UserName) { SecurityPolicyUri = SecurityPolicies.Basic256 }; // Noncompliant SD5002

    public Task<ApplicationConfiguration> Builder(ApplicationInstance application) =>
        application.Build("urn:contoso:line3", "urn:contoso")
            .AsServer(new[] { "opc.tcp://localhost:4840" })
            .AddPolicy(MessageSecurityMode.SignAndEncrypt, SecurityPolicies.Basic128Rsa15) // Noncompliant SD5002
            .AddSecurityConfiguration("CN=Line3")
            .Create();
}

public class CurrentPolicies
{
    public ServerSecurityPolicy Sha256() => new ServerSecurityPolicy { SecurityPolicyUri = SecurityPolicies.Basic256Sha256 }; // Compliant: Basic256Sha256 is current

    public void Oaep(EndpointDescription endpoint) => endpoint.SecurityPolicyUri = SecurityPolicies.Aes128_Sha256_RsaOaep; // Compliant

    public void FromConfiguration(EndpointDescription endpoint, string policy) => endpoint.SecurityPolicyUri = policy; // Compliant: configured

    public bool IsLegacy(EndpointDescription endpoint) => endpoint.SecurityPolicyUri == SecurityPolicies.Basic256; // Compliant: a comparison
}
