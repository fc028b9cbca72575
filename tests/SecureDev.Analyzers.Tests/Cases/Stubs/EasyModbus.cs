// Stand-in for EasyModbusTCP 5.x, written from the public API of rossmann-engineering/EasyModbusTCP.NET
// (EasyModbus/ModbusServer.cs, EasyModbus/ModbusClient.cs). Only the members the SD5xxx rules and their cases use;
// names, namespaces, signatures and defaults are the library's, bodies are not.
#nullable disable
using System.Net;

namespace EasyModbus
{
    public class ModbusServer
    {
        public ModbusServer() { }
        public int Port { get; set; } = 502;
        public IPAddress LocalIPAddress { get; set; } = IPAddress.Any;
        public bool UDPFlag { get; set; }
        public bool SerialFlag { get; set; }
        public byte UnitIdentifier { get; set; } = 1;
        public bool FunctionCode1Disabled { get; set; }
        public bool FunctionCode2Disabled { get; set; }
        public bool FunctionCode3Disabled { get; set; }
        public bool FunctionCode4Disabled { get; set; }
        public bool FunctionCode5Disabled { get; set; }
        public bool FunctionCode6Disabled { get; set; }
        public bool FunctionCode15Disabled { get; set; }
        public bool FunctionCode16Disabled { get; set; }
        public bool FunctionCode23Disabled { get; set; }
        public void Listen() { }
        public void StopListening() { }
    }

    public class ModbusClient
    {
        public ModbusClient() { }
        public ModbusClient(string ipAddress, int port) { }
        public ModbusClient(string serialPort) { }
        public string IPAddress { get; set; }
        public int Port { get; set; }
        public void Connect() { }
        public void Connect(string ipAddress, int port) { }
        public void Disconnect() { }
        public int[] ReadHoldingRegisters(int startingAddress, int quantity) => throw null;
        public void WriteSingleRegister(int startingAddress, int value) { }
        public void WriteMultipleRegisters(int startingAddress, int[] values) { }
    }
}
