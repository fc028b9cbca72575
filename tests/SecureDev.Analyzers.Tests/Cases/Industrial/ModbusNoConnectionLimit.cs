// SD5032 FluentModbus server without a connection limit.
using System.Net;
using FluentModbus;

namespace Cases.Industrial;

public class UnboundedServers
{
    private readonly ModbusTcpServer _server = new ModbusTcpServer();

    public void Start(IPAddress controlNetwork) => _server.Start(controlNetwork); // Noncompliant SD5032 {{FluentModbus ModbusTcpServer.Start(controlNetwork) accepts any number of concurrent Modbus/TCP connections, so one host can exhaust the server's sockets and memory (IEC 62443-4-2 CR 7.1 at SL 1); set MaxConnections to the number of masters the installation has}}

    public void ExplicitZero(IPAddress controlNetwork)
    {
        var server = new ModbusTcpServer { MaxConnections = 0 };
        server.Start(controlNetwork); // Noncompliant SD5032
    }
}

public class UnboundedDefaultServer
{
    public void Start()
    {
        var server = new ModbusTcpServer { ConnectionTimeout = System.TimeSpan.FromSeconds(30) };
        server.Start(); // Noncompliant SD5032
    }
}

public class BoundedServers
{
    public void Limited(IPAddress controlNetwork)
    {
        var server = new ModbusTcpServer { MaxConnections = 4 };
        server.Start(controlNetwork); // Compliant
    }

    public void Configured(IPAddress controlNetwork, int masters)
    {
        var server = new ModbusTcpServer();
        server.MaxConnections = masters;
        server.Start(controlNetwork); // Compliant: configured
    }

    public void SingleClient(System.Net.Sockets.TcpClient client)
    {
        var server = new ModbusTcpServer();
        server.Start(client); // Compliant: one connection by construction
    }
}
