// Stand-in for FluentModbus 5.x, written from the public API of Apollo3zehn/FluentModbus (src/FluentModbus/Server/
// ModbusServer.cs, ModbusTcpServer.cs, ITcpClientProvider.cs; src/FluentModbus/Client/ModbusTcpClient.cs). Only the
// members the SD5xxx rules and their cases use; names, namespaces, signatures and defaults are the library's.
#nullable disable
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace FluentModbus
{
    public enum ModbusFunctionCode : byte
    {
        ReadCoils = 0x01,
        ReadDiscreteInputs = 0x02,
        ReadHoldingRegisters = 0x03,
        ReadInputRegisters = 0x04,
        WriteSingleCoil = 0x05,
        WriteSingleRegister = 0x06,
        WriteMultipleCoils = 0x0F,
        WriteMultipleRegisters = 0x10,
        ReadWriteMultipleRegisters = 0x17,
    }

    public enum ModbusExceptionCode : byte
    {
        OK = 0x00,
        IllegalFunction = 0x01,
        IllegalDataAddress = 0x02,
        IllegalDataValue = 0x03,
    }

    public enum ModbusEndianness { LittleEndian = 1, BigEndian = 2 }

    public interface ITcpClientProvider : IDisposable
    {
        ushort Port { get; }
        Task<TcpClient> AcceptTcpClientAsync();
    }

    public abstract class ModbusServer : IDisposable
    {
        protected ModbusServer(bool isAsynchronous) { }
        public Func<byte, ModbusFunctionCode, ushort, ushort, ModbusExceptionCode> RequestValidator { get; set; }
        public bool EnableRaisingEvents { get; set; }
        public Span<short> GetHoldingRegisters(byte unitIdentifier = 0) => throw null;
        public Span<short> GetInputRegisters(byte unitIdentifier = 0) => throw null;
        public void AddUnit(byte unitIdentifer) { }
        public virtual void Stop() { }
        public void Dispose() { }
    }

    public class ModbusTcpServer : ModbusServer
    {
        public ModbusTcpServer() : base(true) { }
        public ModbusTcpServer(bool isAsynchronous) : base(isAsynchronous) { }
        public TimeSpan ConnectionTimeout { get; set; } = TimeSpan.FromMinutes(1);
        public int MaxConnections { get; set; } = 0;
        public int ConnectionCount => throw null;
        public void Start(bool reuseAddress = false) { }
        public void Start(IPAddress ipAddress, bool reuseAddress = false) { }
        public void Start(IPEndPoint localEndpoint, bool reuseAddress = false) { }
        public void Start(ITcpClientProvider tcpClientProvider, bool leaveOpen = false) { }
        public void Start(TcpClient tcpClient) { }
    }

    public abstract class ModbusClient
    {
        public void WriteSingleRegister(int unitIdentifier, int registerAddress, short value) { }
        public Span<T> ReadHoldingRegisters<T>(int unitIdentifier, int startingAddress, int count) where T : unmanaged => throw null;
    }

    public class ModbusTcpClient : ModbusClient, IDisposable
    {
        public bool IsConnected => throw null;
        public void Connect() { }
        public void Connect(string remoteEndpoint) { }
        public void Connect(IPAddress remoteIpAddress) { }
        public void Connect(IPEndPoint remoteEndpoint) { }
        public void Connect(string remoteEndpoint, ModbusEndianness endianness) { }
        public void Connect(IPEndPoint remoteEndpoint, ModbusEndianness endianness) { }
        public void Disconnect() { }
        public void Dispose() { }
    }
}
