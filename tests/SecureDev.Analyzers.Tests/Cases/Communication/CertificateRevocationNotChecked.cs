// SD2002 Certificate revocation not checked: NoCheck and the revocation flags set to false, by every route.
#pragma warning disable SYSLIB0014 // ServicePointManager is obsolete and still used
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Cases.Communication;

public class GatewayTrust
{
    private const X509RevocationMode Skip = X509RevocationMode.NoCheck;
    private static readonly bool CheckCrl = false;

    public bool ChainPolicy(X509Certificate2 certificate, X509Certificate2 root)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // Noncompliant SD2002 {{'X509ChainPolicy.RevocationMode = X509RevocationMode.NoCheck' turns off the revocation check; use X509RevocationMode.Online, or Offline with a CRL distributed to the plant network}}
//                                         ^^^^^^^^^^^^^^^^^^^^^^^^^^
        return chain.Build(certificate);
    }

    public SslClientAuthenticationOptions Options(string host) => new()
    {
        TargetHost = host,
        CertificateRevocationCheckMode = Skip, // Noncompliant SD2002
    };

    public HttpClientHandler Handler() => new() { CheckCertificateRevocationList = false }; // Noncompliant SD2002 {{'HttpClientHandler.CheckCertificateRevocationList = false' turns off the revocation check; use X509RevocationMode.Online, or Offline with a CRL distributed to the plant network}}

    public void ServicePoint() => ServicePointManager.CheckCertificateRevocationList = CheckCrl; // Noncompliant SD2002

    public void Argument(SslStream stream, string host) =>
        stream.AuthenticateAsClient(host, null, SslProtocols.None, false); // Noncompliant SD2002

    public void NamedArgument(SslStream stream, X509Certificate2 certificate) =>
        stream.AuthenticateAsServer(certificate, clientCertificateRequired: true, checkCertificateRevocation: false); // Noncompliant SD2002

    public void Kestrel(HttpsConnectionAdapterOptions options) => options.CheckCertificateRevocation = false; // Noncompliant SD2002

    public X509ChainPolicy ThroughLocal()
    {
        var mode = X509RevocationMode.NoCheck;
        return new X509ChainPolicy { RevocationMode = mode }; // Noncompliant SD2002
    }
}

public class CheckingLookAlikes
{
    private readonly X509RevocationMode _configured;

    public CheckingLookAlikes(X509RevocationMode configured) => _configured = configured;

    public X509ChainPolicy Online() => new() { RevocationMode = X509RevocationMode.Online }; // Compliant

    public X509ChainPolicy OfflineCrl() => new() { RevocationMode = X509RevocationMode.Offline }; // Compliant: a CRL cached on the device

    public X509ChainPolicy Configured() => new() { RevocationMode = _configured }; // Compliant: decided by configuration

    public HttpClientHandler Checks() => new() { CheckCertificateRevocationList = true }; // Compliant

    public void Checking(SslStream stream, string host) => stream.AuthenticateAsClient(host, null, SslProtocols.None, true); // Compliant

    public HttpClientHandler OtherFlag() => new() { UseProxy = false }; // Compliant: not a revocation flag

    public bool Reports(X509ChainPolicy policy) => policy.RevocationMode == X509RevocationMode.NoCheck; // Compliant: a comparison
}
