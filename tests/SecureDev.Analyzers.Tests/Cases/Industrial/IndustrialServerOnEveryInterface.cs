// SD5030 Industrial protocol server on every interface: MQTTnet broker endpoints and the three Modbus libraries.
using System.Net;
using System.Net.Sockets;
using MQTTnet.Server;
using NModbus;

namespace Cases.Industrial;

public class BrokerBinding
{
    public MqttServerOptions LibraryDefault() =>
        new MqttServerOptionsBuilder()
            .WithEncryptedEndpoint() // Noncompliant SD5030 {{The MQTT broker endpoint of WithEncryptedEndpoint() listens on every network interface (MQTTnet binds to IPAddress.Any unless a bound address is set) (IEC 62443-4-2 CR 7.7 at SL 1); bind it to the control-network interface, read from configuration}}
            .Build();

    public MqttServerOptions Explicit() =>
        new MqttServerOptionsBuilder()
            .WithEncryptedEndpoint()
            .WithEncryptedEndpointBoundIPAddress(IPAddress.Any) // Noncompliant SD5030
            .Build();

    public void Property(MqttServerOptions options) => options.TlsEndpointOptions.BoundInterNetworkAddress = IPAddress.Any; // Noncompliant SD5030

    public MqttServerOptions Configured(IPAddress controlNetwork) =>
        new MqttServerOptionsBuilder()
            .WithEncryptedEndpoint() // Compliant: bound to the configured interface
            .WithEncryptedEndpointBoundIPAddress(controlNetwork)
            .Build();

    public MqttServerOptions Specific() =>
        new MqttServerOptionsBuilder()
            .WithEncryptedEndpoint() // Compliant: a specific address
            .WithEncryptedEndpointBoundIPAddress(IPAddress.Parse("10.20.0.5"))
            .Build();
}

public class NModbusBinding
{
    public IModbusTcpSlaveNetwork Any(IModbusFactory factory) =>
        factory.CreateSlaveNetwork(new TcpListener(IPAddress.Any, 502)); // Noncompliant SD5030 {{The NModbus slave network of CreateSlaveNetwork(new TcpListener(IPAddress.Any, 502)) listens on every network interface (IEC 62443-4-2 CR 7.7 at SL 1); bind it to the control-network interface, read from configuration. Modbus/TCP has no authentication or encryption: if the network already limits who reaches the port, record that with Justification = "Compensating countermeasure: <zone, conduit, firewall rule>"}}

    public IModbusTcpSlaveNetwork ThroughLocal(IModbusFactory factory)
    {
        var listener = TcpListener.Create(502);
        return factory.CreateSlaveNetwork(listener); // Noncompliant SD5030
    }

    public IModbusSlaveNetwork Udp(IModbusFactory factory) => factory.CreateSlaveNetwork(new UdpClient(502)); // Noncompliant SD5030

    public IModbusTcpSlaveNetwork Configured(IModbusFactory factory, IPAddress controlNetwork) =>
        factory.CreateSlaveNetwork(new TcpListener(controlNetwork, 502)); // Compliant: configured interface

    public IModbusTcpSlaveNetwork Loopback(IModbusFactory factory) =>
        factory.CreateSlaveNetwork(new TcpListener(IPAddress.Loopback, 1502)); // Compliant: loopback

    public IModbusTcpSlaveNetwork PassedIn(IModbusFactory factory, TcpListener listener) => factory.CreateSlaveNetwork(listener); // Compliant: bound elsewhere
}

public class FluentModbusBinding
{
    public void Default(FluentModbus.ModbusTcpServer server) => server.Start(); // Noncompliant SD5030

    public void Any(FluentModbus.ModbusTcpServer server) => server.Start(new IPEndPoint(IPAddress.Any, 502)); // Noncompliant SD5030

    public void Configured(FluentModbus.ModbusTcpServer server, IPAddress controlNetwork) => server.Start(controlNetwork); // Compliant

    public void Provider(FluentModbus.ModbusTcpServer server, FluentModbus.ITcpClientProvider provider) => server.Start(provider); // Compliant: the provider binds
}

public class EasyModbusBinding
{
    private readonly EasyModbus.ModbusServer _server = new EasyModbus.ModbusServer { Port = 502 };

    public void Start() => _server.Listen(); // Noncompliant SD5030

    public void BoundToConfigured(IPAddress controlNetwork)
    {
        var server = new EasyModbus.ModbusServer { LocalIPAddress = controlNetwork };
        server.Listen(); // Compliant: configured interface
    }

    public void Serial()
    {
        var server = new EasyModbus.ModbusServer { SerialFlag = true };
        server.Listen(); // Compliant: Modbus RTU on a serial line
    }
}
