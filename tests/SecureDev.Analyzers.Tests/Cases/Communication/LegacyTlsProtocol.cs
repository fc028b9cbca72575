// SD2004 Legacy SSL or TLS version: SSL 2/3 and TLS 1.0/1.1 in any API that takes SslProtocols or SecurityProtocolType.
#pragma warning disable SYSLIB0014, SYSLIB0039, CS0618 // the obsolete members are the point of this rule
using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Cases.Communication;

public record TlsProfile(string Name, SslProtocols Protocols);

public class HistorianTls
{
    private const SslProtocols LegacyAndModern = SslProtocols.Tls11 | SslProtocols.Tls12;
    private static readonly SslProtocols Allowed = SslProtocols.Tls | SslProtocols.Tls12;
    private SslProtocols _fallback;

    public HttpClientHandler Initializer() => new()
    {
        SslProtocols = SslProtocols.Tls11, // Noncompliant SD2004 {{'HttpClientHandler.SslProtocols' enables TLS 1.1; let the operating system choose (SslProtocols.None) or require TLS 1.2 or later}}
//                     ^^^^^^^^^^^^^^^^^^
    };

    public void Assignment(HttpClientHandler handler)
    {
        handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls11 | SslProtocols.Tls; // Noncompliant SD2004 {{'HttpClientHandler.SslProtocols' enables TLS 1.0 and TLS 1.1; let the operating system choose (SslProtocols.None) or require TLS 1.2 or later}}
    }

    public void ServicePoint()
    {
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls12; // Noncompliant SD2004 {{'ServicePointManager.SecurityProtocol' enables TLS 1.0; let the operating system choose (SecurityProtocolType.SystemDefault) or require TLS 1.2 or later}}
        ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls11; // Noncompliant SD2004
    }

    public void Argument(SslStream stream, string host) =>
        stream.AuthenticateAsClient(host, null, SslProtocols.Ssl3, true); // Noncompliant SD2004 {{'SslStream.AuthenticateAsClient(enabledSslProtocols)' enables SSL 3.0; let the operating system choose (SslProtocols.None) or require TLS 1.2 or later}}

    public SocketsHttpHandler NestedOptions() => new()
    {
        SslOptions = new SslClientAuthenticationOptions { EnabledSslProtocols = LegacyAndModern }, // Noncompliant SD2004
    };

    public SslServerAuthenticationOptions ThroughStaticReadonly(X509Certificate2 certificate) =>
        new() { ServerCertificate = certificate, EnabledSslProtocols = Allowed }; // Noncompliant SD2004

    public void ThroughLocal(SslStream stream, X509Certificate2 certificate)
    {
        var protocols = SslProtocols.Default;
        stream.AuthenticateAsServer(certificate, false, protocols, true); // Noncompliant SD2004 {{'SslStream.AuthenticateAsServer(enabledSslProtocols)' enables SSL 3.0 and TLS 1.0; let the operating system choose (SslProtocols.None) or require TLS 1.2 or later}}
    }

    public void Cast(HttpClientHandler handler) => handler.SslProtocols = (SslProtocols)768; // Noncompliant SD2004

    public void Field() => _fallback = SslProtocols.Ssl2; // Noncompliant SD2004

    public TlsProfile Constructor() => new("legacy PLC", SslProtocols.Tls11); // Noncompliant SD2004

    public TlsProfile With(TlsProfile profile) => profile with { Protocols = SslProtocols.Tls }; // Noncompliant SD2004

    public Action<HttpsConnectionAdapterOptions> Lambda() => options => options.SslProtocols = SslProtocols.Tls11; // Noncompliant SD2004

    public Action<HttpsConnectionAdapterOptions> MethodGroup() => UseLegacyProtocols;

    private static void UseLegacyProtocols(HttpsConnectionAdapterOptions options) =>
        options.SslProtocols = SslProtocols.Tls | SslProtocols.Tls11; // Noncompliant SD2004

    public Func<SslProtocols> AnonymousMethod() => delegate { return SslProtocols.Tls11; }; // Noncompliant SD2004

    public SslProtocols LocalFunction()
    {
        return Legacy();

        static SslProtocols Legacy() => SslProtocols.Tls; // Noncompliant SD2004
    }

    public SslProtocols DefaultProtocols { get; set; } = SslProtocols.Tls11; // Noncompliant SD2004

    public void Connect(SslStream stream, string host, SslProtocols protocols = SslProtocols.Tls) => // Noncompliant SD2004
        stream.AuthenticateAsClient(host, null, protocols, true); // Compliant: a parameter, judged where the caller passes it

    public void CallWithDefault(SslStream stream) => Connect(stream, "plc-7"); // Compliant: the default is reported once, at its declaration
}

public class ModernTls
{
    private static readonly SslProtocols Modern = SslProtocols.Tls12 | SslProtocols.Tls13;
    private readonly SslProtocols _configured;

    public ModernTls(SslProtocols configured) => _configured = configured;

    public HttpClientHandler Tls12And13() => new() { SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 }; // Compliant

    public HttpClientHandler OsDefault() => new() { SslProtocols = SslProtocols.None }; // Compliant: the OS decides

    public void SystemDefault() => ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault; // Compliant

    public void RemovesLegacy() => ServicePointManager.SecurityProtocol &= ~(SecurityProtocolType.Tls | SecurityProtocolType.Tls11); // Compliant: removes them

    public HttpClientHandler Configured() => new() { SslProtocols = _configured }; // Compliant: decided by configuration

    public SslClientAuthenticationOptions StaticReadonly() => new() { EnabledSslProtocols = Modern }; // Compliant

    public bool IsLegacy(SslStream stream) =>
        stream.SslProtocol == SslProtocols.Tls || stream.SslProtocol.HasFlag(SslProtocols.Tls11); // Compliant: a comparison, not a setting

    public string Describe(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls11 => "TLS 1.1 (deprecated)", // Compliant: a case label
        _ => protocol.ToString(),
    };

    public void Computed(HttpClientHandler handler, SslProtocols extra) => handler.SslProtocols = SslProtocols.Tls12 | extra; // Compliant: not known at compile time

    public void UnusedLocal()
    {
        var legacy = SslProtocols.Tls11; // Compliant: never handed to an API
        Console.WriteLine(legacy);
    }
}
