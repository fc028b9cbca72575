// Stand-ins for the industrial libraries the taint sources name (not on the package feed), declared under their real
// namespaces with the real member names and signatures of the members used (see shared/iacs-apis.md):
// MQTTnet 5.x, OPC Foundation UA .NET Standard 1.5.x, NModbus, FluentModbus, EasyModbus, System.IO.Ports.
#nullable disable
using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MQTTnet
{
    public class MqttApplicationMessage
    {
        public string Topic { get; set; }

        public ReadOnlySequence<byte> Payload { get; set; }
    }

    public static class MqttApplicationMessageExtensions
    {
        public static string ConvertPayloadToString(this MqttApplicationMessage applicationMessage) => null;
    }

    public sealed class MqttApplicationMessageReceivedEventArgs : EventArgs
    {
        public MqttApplicationMessage ApplicationMessage { get; }

        public string ClientId { get; }
    }

    public interface IMqttClient
    {
        event Func<MqttApplicationMessageReceivedEventArgs, Task> ApplicationMessageReceivedAsync;
    }
}

namespace Opc.Ua
{
    public class NodeId
    {
        public NodeId(string text) { }
    }

    public class DataValue
    {
        public object Value { get; set; }

        public T GetValue<T>(T defaultValue) => defaultValue;
    }

    public class MonitoredItemNotification
    {
        public DataValue Value { get; set; }
    }
}

namespace Opc.Ua.Client
{
    public interface ISession
    {
        DataValue ReadValue(NodeId nodeId);

        Task<DataValue> ReadValueAsync(NodeId nodeId, CancellationToken ct = default);
    }

    public class MonitoredItemNotificationEventArgs : EventArgs
    {
        public object NotificationValue { get; }
    }
}

namespace NModbus
{
    public interface IModbusMaster
    {
        ushort[] ReadHoldingRegisters(byte slaveAddress, ushort startAddress, ushort numberOfPoints);

        Task<ushort[]> ReadHoldingRegistersAsync(byte slaveAddress, ushort startAddress, ushort numberOfPoints);

        ushort[] ReadInputRegisters(byte slaveAddress, ushort startAddress, ushort numberOfPoints);

        bool[] ReadCoils(byte slaveAddress, ushort startAddress, ushort numberOfPoints);
    }
}

namespace FluentModbus
{
    public abstract class ModbusClient
    {
        public Span<T> ReadHoldingRegisters<T>(int unitIdentifier, int startingAddress, int count) where T : unmanaged => default;
    }

    public class ModbusTcpClient : ModbusClient
    {
    }

    public abstract class ModbusServer
    {
        public Span<T> GetHoldingRegisters<T>(byte unitIdentifier = 0) where T : unmanaged => default;
    }
}

namespace EasyModbus
{
    public class ModbusClient
    {
        public ModbusClient(string ipAddress, int port) { }

        public int[] ReadHoldingRegisters(int startingAddress, int quantity) => null;
    }
}

namespace System.IO.Ports
{
    public class SerialPort : IDisposable
    {
        public SerialPort(string portName) { }

        public int BytesToRead => 0;

        public void Open() { }

        public int Read(byte[] buffer, int offset, int count) => 0;

        public int ReadByte() => 0;

        public string ReadLine() => null;

        public string ReadExisting() => null;

        public void Write(string text) { }

        public void Write(byte[] buffer, int offset, int count) { }

        public void WriteLine(string text) { }

        public void Dispose() { }
    }
}
