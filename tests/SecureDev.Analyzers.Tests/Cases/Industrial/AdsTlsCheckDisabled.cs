// SD5040 TwinCAT Secure ADS certificate checks disabled, in code; appsettings.json in AdsTlsCheckDisabled.appsettings.json.
using TwinCAT.Ads.Configuration;

namespace Cases.Industrial;

public class AdsRoutes
{
    public TlsConfig Insecure() => new TlsConfig
    {
        CA = "certs/plant-ca.crt",
        Insecure = true, // Noncompliant SD5040 {{Insecure = true makes Secure ADS accept any peer certificate (IEC 62443-4-2 CR 1.9 at SL 2); keep the certificate and common-name checks on and trust the peer's CA or certificate explicitly}}
    };

    public void IgnoreCn(RouteConfig route) => route.Tls!.IgnoreCn = true; // Noncompliant SD5040 {{IgnoreCn = true makes Secure ADS accept a trusted certificate issued to another device (IEC 62443-4-2 CR 1.9 at SL 2); keep the certificate and common-name checks on and trust the peer's CA or certificate explicitly}}

    public RouteConfig Route() => new RouteConfig
    {
        Name = "PLC-17",
        Tls = new TlsConfig
        {
            Insecure = true, // Noncompliant SD5040
            IgnoreCn = true, // Noncompliant SD5040
        },
    };

    public TlsConfig Checked() => new TlsConfig { CA = "certs/plant-ca.crt", Insecure = false, IgnoreCn = false }; // Compliant

    public void Configured(TlsConfig tls, bool insecure) => tls.Insecure = insecure; // Compliant: configured

    public TlsConfig SelfSigned() => new TlsConfig { SelfSigned = true, Cert = "certs/ipc.crt" }; // Compliant: a pinned self-signed certificate is checked
}
