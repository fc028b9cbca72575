// SD2006 Listening on every network interface: wildcard binds by every API that listens.
#pragma warning disable CS0618 // TcpListener(int) is obsolete: it binds every interface, which is the point here
using System;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Cases.Communication;

public class ModbusGatewayServer
{
    private static readonly IPAddress BindAll = IPAddress.Any;
    private readonly IPAddress _configured;

    public ModbusGatewayServer(IPAddress configured) => _configured = configured;

    public TcpListener Any() => new(IPAddress.Any, 502); // Noncompliant SD2006 {{TcpListener listens on every network interface; bind to the configured interface of the network that needs the service}}
//                                  ^^^^^^^^^^^^^

    public TcpListener PortOnly() => new TcpListener(502); // Noncompliant SD2006 {{TcpListener(port) listens on every network interface; bind to the configured interface of the network that needs the service}}

    public TcpListener Factory() => TcpListener.Create(502); // Noncompliant SD2006

    public TcpListener Endpoint() => new(new IPEndPoint(IPAddress.IPv6Any, 502)); // Noncompliant SD2006

    public TcpListener StaticReadonly() => new(BindAll, 502); // Noncompliant SD2006

    public void SocketBind(Socket socket)
    {
        var endpoint = new IPEndPoint(IPAddress.Parse("0.0.0.0"), 20000);
        socket.Bind(endpoint); // Noncompliant SD2006
        socket.Listen(16);
    }

    public UdpClient Discovery() => new UdpClient(47808); // Noncompliant SD2006

    public UdpClient UdpEndpoint() => new(new IPEndPoint(IPAddress.Any, 47808)); // Noncompliant SD2006

    public void Kestrel(KestrelServerOptions options)
    {
        options.ListenAnyIP(8443); // Noncompliant SD2006
        options.Listen(IPAddress.Any, 8080); // Noncompliant SD2006
    }

    public void HttpListenerPrefixes(HttpListener listener)
    {
        listener.Prefixes.Add("http://+:8080/api/"); // Noncompliant SD2006 {{'http://+' listens on every network interface; bind to the configured interface of the network that needs the service}}
        listener.Prefixes.Add("https://*:8443/"); // Noncompliant SD2006
    }

    public void AspNetCoreUrls(IWebHostBuilder builder, WebApplication app)
    {
        builder.UseUrls("https://0.0.0.0:5001", "https://localhost:5002"); // Noncompliant SD2006
        app.Urls.Add("https://[::]:5003"); // Noncompliant SD2006
    }

    public Func<TcpListener> Lambda() => () => new TcpListener(IPAddress.IPv6Any, 502); // Noncompliant SD2006
}

public class SpecificInterfaceLookAlikes
{
    private readonly IPAddress _configured;
    private readonly string _prefix;

    public SpecificInterfaceLookAlikes(IPAddress configured, string prefix)
    {
        _configured = configured;
        _prefix = prefix;
    }

    public TcpListener Configured() => new(_configured, 502); // Compliant: the configured interface

    public TcpListener Loopback() => new(IPAddress.Loopback, 502); // Compliant

    public TcpListener Specific() => new(IPAddress.Parse("10.20.0.5"), 502); // Compliant: a specific interface

    public UdpClient Client() => new UdpClient("plc-7", 47808); // Compliant: connects, does not listen

    public void EphemeralBind(Socket socket) => socket.Bind(new IPEndPoint(IPAddress.Any, 0)); // Compliant: a client's ephemeral port

    public int Receive(UdpClient client)
    {
        var remote = new IPEndPoint(IPAddress.Any, 0); // Compliant: the sender's address is written here
        return client.Receive(ref remote).Length;
    }

    public void KestrelLocal(KestrelServerOptions options) => options.ListenLocalhost(8080); // Compliant

    public void Prefix(HttpListener listener)
    {
        listener.Prefixes.Add("http://localhost:8080/"); // Compliant
        listener.Prefixes.Add(_prefix); // Compliant: configured
    }

    public bool IsWildcard(IPAddress address) => address.Equals(IPAddress.Any); // Compliant: a comparison
}
