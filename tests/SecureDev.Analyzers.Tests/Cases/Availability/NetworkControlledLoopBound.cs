// SD7003 Loop bound from untrusted data: element counts read from the wire driving decode loops.
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using NModbus;
using Opc.Ua;
using Opc.Ua.Client;

namespace Cases.Availability;

public sealed class TagListDecoder
{
    public List<string> Decode(NetworkStream stream)
    {
        var reader = new BinaryReader(stream);
        var count = reader.ReadInt32();
        var tags = new List<string>();
        for (var i = 0; i < count; i++) // Noncompliant SD7003 {{The loop runs as many times as network data ('stream') says, with no upper bound check; cap the count before the loop}}
//                          ^^^^^
        {
            tags.Add(reader.ReadString());
        }

        return tags;
    }

    public List<string> DecodeChecked(NetworkStream stream)
    {
        var reader = new BinaryReader(stream);
        var count = reader.ReadInt32();
        if (count > 1000)
        {
            throw new InvalidDataException("too many tags");
        }

        var tags = new List<string>();
        for (var i = 0; i < count; i++) // Compliant: capped
        {
            tags.Add(reader.ReadString());
        }

        return tags;
    }

    public double Sum(ISession session)
    {
        var samples = session.ReadValue(new NodeId("ns=2;s=Line1.SampleCount")).GetValue(0);
        var sum = 0.0;
        var i = 0;
        while (i < samples) // Noncompliant SD7003
        {
            sum += i++;
        }

        return sum;
    }

    public List<ushort> History(IModbusMaster master)
    {
        // The device reports how many history records it holds; the gateway trusts it.
        var records = master.ReadHoldingRegisters(1, 100, 1)[0];
        var history = new List<ushort>();
        for (ushort i = 0; i <= records; i++) // Noncompliant SD7003
        {
            history.AddRange(master.ReadHoldingRegisters(1, (ushort)(101 + i), 1));
        }

        return history;
    }

    public int Checksum(byte[] frame, NetworkStream stream)
    {
        var received = new byte[256];
        var n = stream.Read(received, 0, received.Length);
        var sum = 0;
        for (var i = 0; i < n; i++) // Compliant: a count of bytes actually received, bounded by the buffer
        {
            sum += received[i];
        }

        for (var i = 0; i < received.Length; i++) // Compliant: bounded by the buffer
        {
            sum ^= received[i];
        }

        return sum;
    }
}
