// TLS clients as product code writes them.
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Corpus.Template;

public static class HistorianConnections
{
    public static HttpClient Validated(string pinnedThumbprint) => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) =>
            errors == SslPolicyErrors.None || certificate?.GetCertHashString() == pinnedThumbprint,
    });

    public static HttpClient Commissioning() => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => true,
    });

    public static SslStream Plc(NetworkStream stream) => new(stream, false, CheckPlcCertificate);

    private static bool CheckPlcCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None;
}
