// SD5033 Industrial protocol without security: S7NetPlus, libplctag, NModbus, FluentModbus and EasyModbus clients.
using System.Net;
using System.Net.Sockets;
using libplctag;
using NModbus;
using S7.Net;

namespace Cases.Industrial;

public class ControllerConnections
{
    public Plc S7(string ip) => new Plc(CpuType.S71500, ip, 0, 1); // Noncompliant SD5033 {{new Plc(...) talks S7comm (ISO-on-TCP, port 102), a protocol without authentication or encryption, so whoever reaches the network can read and write the controller (IEC 62443-4-2 CR 3.1 at SL 1); keep it in a segmented control zone and record that once with [assembly: SuppressMessage("Industrial", "SD5033", Justification = "Compensating countermeasure: <zone, conduit, firewall rule>")]}}

    public Tag Logix() => new Tag { Name = "Line3.Speed", Gateway = "10.20.0.17", Path = "1,0", PlcType = PlcType.ControlLogix, Protocol = Protocol.ab_eip }; // Noncompliant SD5033

    public Tag ModbusTag() => new Tag { Name = "hr100", Gateway = "10.20.0.18:502", Protocol = Protocol.modbus_tcp }; // Noncompliant SD5033

    public IModbusMaster NModbus(IModbusFactory factory) => factory.CreateMaster(new TcpClient("10.20.0.19", 502)); // Noncompliant SD5033

    public void Fluent(FluentModbus.ModbusTcpClient client) => client.Connect(IPAddress.Parse("10.20.0.20")); // Noncompliant SD5033

    public void Easy()
    {
        var client = new EasyModbus.ModbusClient("10.20.0.21", 502);
        client.Connect(); // Noncompliant SD5033
    }
}

public class LocalOrSerial
{
    public Plc Simulator() => new Plc(CpuType.S71500, "127.0.0.1", 0, 1); // Compliant: PLCSIM on this machine

    public void SerialRtu()
    {
        var client = new EasyModbus.ModbusClient("COM3");
        client.Connect(); // Compliant: Modbus RTU on a serial line
    }

    public Tag ConfiguredLater() => new Tag { Name = "Line3.Speed" }; // Compliant: the gateway is set elsewhere

    public void LoopbackModbus(FluentModbus.ModbusTcpClient client) => client.Connect("127.0.0.1:1502"); // Compliant: loopback
}
