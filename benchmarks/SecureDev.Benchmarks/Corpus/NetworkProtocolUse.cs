// A small framed protocol over TCP, as gateway code implements it: length-prefixed frames, a register table, errors.
using System;
using System.Buffers.Binary;
using System.IO;
using System.Net.Sockets;
using System.Text;

namespace Corpus.Template;

public sealed class FrameServer
{
    private const int MaxFrame = 260;
    private readonly ushort[] _registers = new ushort[256];

    public void Serve(NetworkStream stream)
    {
        try
        {
            var frame = ReadFrame(stream);
            var response = Handle(frame);
            stream.Write(response);
        }
        catch (IOException ex)
        {
            stream.Write(Encoding.ASCII.GetBytes("ERR " + ex.Message));
        }
    }

    private static byte[] ReadFrame(NetworkStream stream)
    {
        var header = new byte[6];
        stream.ReadExactly(header);
        var length = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(4));
        if (length > MaxFrame)
        {
            throw new InvalidDataException("frame too long");
        }

        var body = new byte[length];
        stream.ReadExactly(body);
        return body;
    }

    private byte[] Handle(byte[] frame)
    {
        var start = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(1));
        var count = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(3));
        if (start + count > _registers.Length)
        {
            return new byte[] { 0x83, 0x02 };
        }

        var response = new byte[2 + (count * 2)];
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(2 + (i * 2)), _registers[start + i]);
        }

        return response;
    }

    public string[] ReadNames(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var names = new string[count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.ReadString();
        }

        return names;
    }

    public int Checksum(Socket socket)
    {
        var buffer = new byte[512];
        var received = socket.Receive(buffer);
        var sum = 0;
        for (var i = 0; i < received; i++)
        {
            sum += buffer[i];
        }

        return sum;
    }
}
