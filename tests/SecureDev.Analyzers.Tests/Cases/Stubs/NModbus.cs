// Stand-in for NModbus 3.x, written from the public API of NModbus/NModbus (NModbus/ModbusFactory.cs,
// NModbus/IModbusFactory.cs, NModbus/Data/DefaultSlaveDataStore.cs, NModbus/IModbusMaster.cs). Only the members the
// SD5xxx rules and their cases use; names, namespaces and signatures are the library's, bodies are not.
#nullable disable
using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NModbus
{
    public interface IModbusLogger { }

    public interface IModbusFunctionService
    {
        byte FunctionCode { get; }
    }

    public interface IPointSource<TPoint>
    {
        TPoint[] ReadPoints(ushort startAddress, ushort numberOfPoints);
        void WritePoints(ushort startAddress, TPoint[] points);
    }

    public interface ISlaveDataStore
    {
        IPointSource<bool> CoilDiscretes { get; }
        IPointSource<bool> CoilInputs { get; }
        IPointSource<ushort> HoldingRegisters { get; }
        IPointSource<ushort> InputRegisters { get; }
    }

    public interface IModbusSlave
    {
        byte UnitId { get; }
        ISlaveDataStore DataStore { get; }
    }

    public interface IModbusSlaveNetwork : IDisposable
    {
        Task ListenAsync(CancellationToken cancellationToken = default);
        void AddSlave(IModbusSlave slave);
    }

    public interface IModbusTcpSlaveNetwork : IModbusSlaveNetwork { }

    public interface IModbusMaster : IDisposable
    {
        bool[] ReadCoils(byte slaveAddress, ushort startAddress, ushort numberOfPoints);
        ushort[] ReadHoldingRegisters(byte slaveAddress, ushort startAddress, ushort numberOfPoints);
        Task<ushort[]> ReadHoldingRegistersAsync(byte slaveAddress, ushort startAddress, ushort numberOfPoints);
        void WriteSingleCoil(byte slaveAddress, ushort coilAddress, bool value);
        void WriteSingleRegister(byte slaveAddress, ushort registerAddress, ushort value);
        void WriteMultipleRegisters(byte slaveAddress, ushort startAddress, ushort[] data);
    }

    public interface IModbusFactory
    {
        IModbusSlave CreateSlave(byte unitId, ISlaveDataStore dataStore = null);
        IModbusTcpSlaveNetwork CreateSlaveNetwork(TcpListener tcpListener);
        IModbusSlaveNetwork CreateSlaveNetwork(UdpClient client);
        IModbusMaster CreateMaster(TcpClient client);
        IModbusMaster CreateMaster(UdpClient client);
        IModbusMaster CreateMaster(Socket client);
    }

    public class ModbusFactory : IModbusFactory
    {
        public ModbusFactory(IEnumerable<IModbusFunctionService> functionServices = null, bool includeBuiltIn = true, IModbusLogger logger = null) { }
        public IModbusSlave CreateSlave(byte unitId, ISlaveDataStore dataStore = null) => throw null;
        public IModbusTcpSlaveNetwork CreateSlaveNetwork(TcpListener tcpListener) => throw null;
        public IModbusSlaveNetwork CreateSlaveNetwork(UdpClient client) => throw null;
        public IModbusMaster CreateMaster(TcpClient client) => throw null;
        public IModbusMaster CreateMaster(UdpClient client) => throw null;
        public IModbusMaster CreateMaster(Socket client) => throw null;
    }
}

namespace NModbus.Data
{
    public class DefaultSlaveDataStore : ISlaveDataStore
    {
        public IPointSource<bool> CoilDiscretes => throw null;
        public IPointSource<bool> CoilInputs => throw null;
        public IPointSource<ushort> HoldingRegisters => throw null;
        public IPointSource<ushort> InputRegisters => throw null;
    }
}
