// SD5005 OPC UA weak certificates allowed: SHA-1 and keys below 2048 bits; properties, builder; 1.4 and 1.5.
using System.Threading.Tasks;
using Opc.Ua;
using Opc.Ua.Configuration;

namespace Cases.Industrial;

public class LegacyDeviceSupport
{
    public void Sha1(ApplicationConfiguration configuration) =>
        configuration.SecurityConfiguration.RejectSHA1SignedCertificates = false; // Noncompliant SD5005 {{RejectSHA1SignedCertificates = false lets OPC UA peers authenticate with SHA-1 signed certificates (IEC 62443-4-2 CR 4.3 at SL 1); keep RejectSHA1SignedCertificates true and MinimumCertificateKeySize at 2048 or more}}

    public SecurityConfiguration ShortKeys() => new SecurityConfiguration
    {
        MinimumCertificateKeySize = 1024, // Noncompliant SD5005 {{MinimumCertificateKeySize = 1024 lets OPC UA peers authenticate with RSA keys shorter than 2048 bits (IEC 62443-4-2 CR 4.3 at SL 1); keep RejectSHA1SignedCertificates true and MinimumCertificateKeySize at 2048 or more}}
    };

    public void Validator(CertificateValidator validator) => validator.MinimumCertificateKeySize = 1024; // Noncompliant SD5005

    public Task<ApplicationConfiguration> Builder(ApplicationInstance application) =>
        application.Build("urn:contoso:gateway", "urn:contoso")
            .AsClient()
            .AddSecurityConfiguration("CN=Gateway")
            .SetRejectSHA1SignedCertificates(false) // Noncompliant SD5005
            .SetMinimumCertificateKeySize(1024) // Noncompliant SD5005
            .Create();
}

public class StrongCertificates
{
    public SecurityConfiguration Defaults() => new SecurityConfiguration
    {
        RejectSHA1SignedCertificates = true, // Compliant
        MinimumCertificateKeySize = 2048, // Compliant: 2048 bits
    };

    public Task<ApplicationConfiguration> Builder(ApplicationInstance application) =>
        application.Build("urn:contoso:gateway", "urn:contoso")
            .AsClient()
            .AddSecurityConfiguration("CN=Gateway")
            .SetMinimumCertificateKeySize(4096) // Compliant
            .Create();

    public void FromConfiguration(CertificateValidator validator, ushort keySize) => validator.MinimumCertificateKeySize = keySize; // Compliant: configured
}
