// SD7002 Index from untrusted data: register addresses and table indexes taken from Modbus requests.
using System;
using System.Buffers.Binary;
using System.Net.Sockets;

namespace Cases.Availability;

public sealed class RegisterServer
{
    private readonly ushort[] _registers = new ushort[128];
    private readonly string[] _units = { "pump", "valve", "drive" };

    public ushort ReadOne(NetworkStream stream)
    {
        var pdu = new byte[5];
        stream.ReadExactly(pdu);
        var address = BinaryPrimitives.ReadUInt16BigEndian(pdu.AsSpan(1));
        return _registers[address]; // Noncompliant SD7002 {{Index used in '_registers[]' comes from network data ('stream') with no upper bound check; check it against the length first}}
//                        ^^^^^^^
    }

    public ushort[] ReadMany(NetworkStream stream)
    {
        var pdu = new byte[5];
        stream.ReadExactly(pdu);
        var start = BinaryPrimitives.ReadUInt16BigEndian(pdu.AsSpan(1));
        var count = BinaryPrimitives.ReadUInt16BigEndian(pdu.AsSpan(3));
        return _registers.AsSpan(start, count).ToArray(); // Noncompliant SD7002, SD7002
    }

    public ushort[] ReadManyChecked(NetworkStream stream)
    {
        var pdu = new byte[5];
        stream.ReadExactly(pdu);
        var start = BinaryPrimitives.ReadUInt16BigEndian(pdu.AsSpan(1));
        var count = BinaryPrimitives.ReadUInt16BigEndian(pdu.AsSpan(3));
        if (start + count > _registers.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(stream), "illegal data address");
        }

        return _registers.AsSpan(start, count).ToArray(); // Compliant: start + count checked against the table
    }

    public ushort[] ReadDeclared(NetworkStream stream)
    {
        var frame = new byte[16];
        var read = stream.Read(frame);
        var declared = frame[0];
        if (declared != read - 1)
        {
            return Array.Empty<ushort>();
        }

        return _registers.AsSpan(1, declared).ToArray(); // Compliant: the declared length equals the length received
    }

    public ushort[] ReadDeclaredInverted(NetworkStream stream)
    {
        var frame = new byte[16];
        var read = stream.Read(frame);
        var declared = frame[0];
        if (declared == read - 1)
        {
            return Array.Empty<ushort>();
        }

        return _registers.AsSpan(1, declared).ToArray(); // Noncompliant SD7002
    }

    public string Unit(Socket socket)
    {
        var request = new byte[1];
        socket.Receive(request);
        return _units[request[0]]; // Noncompliant SD7002
    }

    public string UnitChecked(Socket socket)
    {
        var request = new byte[1];
        socket.Receive(request);
        var unit = request[0];
        if (unit >= _units.Length)
        {
            return "unknown";
        }

        return _units[unit]; // Compliant: checked against the length
    }

    public int SignedChecked(NetworkStream stream)
    {
        var pdu = new byte[4];
        stream.ReadExactly(pdu);
        var index = BinaryPrimitives.ReadInt32BigEndian(pdu);
        if ((uint)index >= (uint)_registers.Length)
        {
            return -1;
        }

        return _registers[index]; // Compliant: the unsigned compare checks both ends
    }
}
