// SD2001 Certificate validation disabled: callbacks that accept any certificate, in every form a callback can take.
using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Cases.Communication;

public class HistorianClient
{
    public HttpClient Lambda()
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true, // Noncompliant SD2001 {{The lambda accepts any certificate; check SslPolicyErrors, pin the certificate or build a chain with your own trust store}}
//                                                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        };
        return new HttpClient(handler);
    }

    public HttpClient Discards()
    {
        var handler = new HttpClientHandler();
        handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true; // Noncompliant SD2001
        return new HttpClient(handler);
    }

    public HttpClient DangerousValidator() => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator, // Noncompliant SD2001
//                                                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    });

    public SslStream AnonymousMethod(NetworkStream stream) =>
        new(stream, false, delegate (object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) // Noncompliant SD2001 {{The anonymous method accepts any certificate; check SslPolicyErrors, pin the certificate or build a chain with your own trust store}}
        {
            Console.WriteLine("TLS to historian");
            return true;
        });

    public SslStream MethodGroup(NetworkStream stream) => new(stream, false, AcceptAll);

    private static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true; // Noncompliant SD2001 {{Method 'AcceptAll' accepts any certificate; check SslPolicyErrors, pin the certificate or build a chain with your own trust store}}
//                      ^^^^^^^^^

    public SslClientAuthenticationOptions LocalFunction()
    {
        return new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Accept };

        static bool Accept(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) // Noncompliant SD2001
        {
            if (DateTime.UtcNow.Year > 2000)
            {
                return true;
            }

            return false;
        }
    }

    public HttpClient DangerousThroughLocal()
    {
        var acceptAll = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
        var handler = new HttpClientHandler();
        handler.ServerCertificateCustomValidationCallback = acceptAll; // Noncompliant SD2001
        return new HttpClient(handler);
    }

    public SslClientAuthenticationOptions NullCheckOnly() => new()
    {
        RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => certificate != null, // Noncompliant SD2001
    };

    public SslServerAuthenticationOptions ServerOptions(X509Certificate2 certificate) => new()
    {
        ServerCertificate = certificate,
        ClientCertificateRequired = true,
        RemoteCertificateValidationCallback = delegate { return true; }, // Noncompliant SD2001
    };

    public SslStream NestedType(NetworkStream stream) => new(stream, false, Callbacks.Lenient);

    private static class Callbacks
    {
        public static bool Lenient(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) // Noncompliant SD2001
        {
            if (certificate is null)
            {
                return false;
            }

            return true;
        }
    }

    public void ServicePoint()
    {
#pragma warning disable SYSLIB0014 // ServicePointManager is obsolete and still used
        ServicePointManager.ServerCertificateValidationCallback += (sender, certificate, chain, errors) => true; // Noncompliant SD2001
#pragma warning restore SYSLIB0014
    }
}

public class ValidatingLookAlikes
{
    private const string PinnedThumbprint = "3B2A9C1D4E5F60718293A4B5C6D7E8F901234567";
    private readonly bool _trustTestBench;

    public ValidatingLookAlikes(bool trustTestBench) => _trustTestBench = trustTestBench;

    public HttpClientHandler ChecksErrors() => new()
    {
        ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => errors == SslPolicyErrors.None, // Compliant
    };

    public HttpClientHandler Pins() => new()
    {
        ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => // Compliant: pins the historian's certificate
        {
            if (certificate is null)
            {
                return false;
            }

            return certificate.GetCertHashString() == PinnedThumbprint;
        },
    };

    public SslStream OwnTrustStore(NetworkStream stream, X509Certificate2 root) =>
        new(stream, false, (sender, certificate, chain, errors) => // Compliant: builds a chain against its own root
        {
            if (certificate is null)
            {
                return false;
            }

            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.Add(root);
            return custom.Build(new X509Certificate2(certificate));
        });

    public HttpClientHandler ConfiguredDecision() => new()
    {
        ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => _trustTestBench, // Compliant: a configured decision, not a constant
    };

    public HttpClientHandler RejectsAll() => new()
    {
        ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => false, // Compliant
    };

    public bool IsDangerous(HttpClientHandler handler) =>
        handler.ServerCertificateCustomValidationCallback == HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; // Compliant: a comparison, not an installation

    public SslClientAuthenticationOptions NullCheckThenErrors() => new()
    {
        RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => certificate is not null && errors == SslPolicyErrors.None, // Compliant
    };

    private static bool NotACallback(object sender, string certificate) => true; // Compliant: no SslPolicyErrors, not a validation callback
}
