// SD5003 OPC UA AutoAcceptUntrustedCertificates switched on: property, initializer, builder; 1.4 and 1.5.
using System.Threading.Tasks;
using Opc.Ua;
using Opc.Ua.Configuration;

namespace Cases.Industrial;

public class CommissioningShortcuts
{
    public void Property(ApplicationConfiguration configuration) =>
        configuration.SecurityConfiguration.AutoAcceptUntrustedCertificates = true; // Noncompliant SD5003 {{AutoAcceptUntrustedCertificates = true makes the OPC UA stack trust any application certificate it has not seen, so any peer can connect as a trusted one (IEC 62443-4-2 CR 1.9 at SL 2); leave it false and add peers to the trusted-peer store or push them with a GDS}}

    public SecurityConfiguration Initializer() => new SecurityConfiguration
    {
        AutoAcceptUntrustedCertificates = true, // Noncompliant SD5003
        RejectSHA1SignedCertificates = true,
    };

    public void Validator(ApplicationConfiguration configuration) =>
        configuration.CertificateValidator.AutoAcceptUntrustedCertificates = true; // Noncompliant SD5003

    public Task<ApplicationConfiguration> Builder(ApplicationInstance application) =>
        application.Build("urn:contoso:gateway", "urn:contoso")
            .AsClient()
            .AddSecurityConfiguration("CN=Gateway")
            .SetAutoAcceptUntrustedCertificates(true) // Noncompliant SD5003
            .Create();
}

public class TrustListOnly
{
    public void Off(ApplicationConfiguration configuration) =>
        configuration.SecurityConfiguration.AutoAcceptUntrustedCertificates = false; // Compliant: the default, trust list only

    public void FromOperator(ApplicationConfiguration configuration, bool autoAccept) =>
        configuration.SecurityConfiguration.AutoAcceptUntrustedCertificates = autoAccept; // Compliant: an operator setting (the reference client's -a switch)

    public Task<ApplicationConfiguration> Builder(ApplicationInstance application) =>
        application.Build("urn:contoso:gateway", "urn:contoso")
            .AsClient()
            .AddSecurityConfiguration("CN=Gateway")
            .SetAutoAcceptUntrustedCertificates(false) // Compliant
            .Create();
}
