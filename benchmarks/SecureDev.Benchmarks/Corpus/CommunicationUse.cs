// TLS clients, listeners and endpoints as product code writes them: mostly sound, sometimes not.
#pragma warning disable SYSLIB0014, SYSLIB0039
using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;

namespace Corpus.Template;

public static class HistorianConnections
{
    private const string LocalHealth = "http://localhost:5000/health";

    public static HttpClient Validated(string pinnedThumbprint) => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) =>
            errors == SslPolicyErrors.None || certificate?.GetCertHashString() == pinnedThumbprint,
    });

    public static HttpClient Commissioning() => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => true,
        SslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12,
    });

    public static HttpClient Configured(Uri baseAddress) => new(new HttpClientHandler { SslProtocols = SslProtocols.None }) { BaseAddress = baseAddress };

    public static HttpClient Legacy() => new() { BaseAddress = new Uri("http://historian.plant.local/api/") };

    public static Task<string> Health(HttpClient client) => client.GetStringAsync(LocalHealth);

    public static SslStream Plc(NetworkStream stream) => new(stream, false, CheckPlcCertificate);

    public static async Task<SslStream> Authenticate(NetworkStream network, string host)
    {
        var stream = new SslStream(network, false, CheckPlcCertificate);
        await stream.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = host,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            CertificateRevocationCheckMode = X509RevocationMode.Offline,
        });
        return stream;
    }

    private static bool CheckPlcCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None;

    public static bool ValidateGatewayCertificate(X509Certificate2 certificate, X509Certificate2 root)
    {
        try
        {
            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.Add(root);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return custom.Build(certificate);
        }
        catch (Exception)
        {
            return false;
        }
    }
}

public static class FieldbusListeners
{
    public static TcpListener Modbus(IPAddress controlNetwork) => new(controlNetwork, 502);

    public static TcpListener Diagnostics() => new(IPAddress.Any, 8502);

    public static UdpClient Discovery() => new(new IPEndPoint(IPAddress.Loopback, 47808));

    public static int ReceiveOne(UdpClient client)
    {
        var remote = new IPEndPoint(IPAddress.Any, 0);
        return client.Receive(ref remote).Length;
    }

    public static void Legacy() => ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
}
