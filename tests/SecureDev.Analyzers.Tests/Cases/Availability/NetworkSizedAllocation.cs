// SD7001 Allocation sized by untrusted data: length fields of Modbus/TCP, ISO-on-TCP and custom frames.
using System;
using System.Buffers;
using System.Buffers.Binary;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Cases.Availability;

public sealed class ModbusTcpFrameReader
{
    private const int MaxPdu = 253;

    public byte[] ReadUnchecked(NetworkStream stream)
    {
        var header = new byte[7];
        stream.ReadExactly(header);
        var length = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(4));
        var body = new byte[length]; // Noncompliant SD7001 {{Size given to 'new byte[]' comes from network data ('stream') with no upper bound check; compare it with a maximum first}}
//                          ^^^^^^
        stream.ReadExactly(body);
        return body;
    }

    public byte[] ReadChecked(NetworkStream stream)
    {
        var header = new byte[7];
        stream.ReadExactly(header);
        var length = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(4));
        if (length is 0 || length > MaxPdu + 1)
        {
            throw new InvalidDataException("bad MBAP length");
        }

        var body = new byte[length]; // Compliant: checked against the protocol maximum (a ushort is never negative)
        stream.ReadExactly(body);
        return body;
    }
}

public sealed class TpktReader
{
    public byte[] Read(Socket socket)
    {
        var header = new byte[4];
        socket.Receive(header);
        var length = header[2] << 8 | header[3];
        var payload = ArrayPool<byte>.Shared.Rent(length - 4); // Noncompliant SD7001
        socket.Receive(payload, 0, length - 4, SocketFlags.None); // Noncompliant SD7001
        return payload;
    }

    public byte[] ReadBounded(Socket socket)
    {
        var header = new byte[4];
        socket.Receive(header);
        var length = header[2] << 8 | header[3];
        if (length < 7 || length > 1024)
        {
            throw new InvalidDataException("bad TPKT length");
        }

        return new byte[length - 4]; // Compliant: both bounds checked
    }
}

public sealed class RecordReader
{
    public string[] ReadNames(Stream network)
    {
        var reader = new BinaryReader(new NetworkStream(new Socket(SocketType.Stream, ProtocolType.Tcp)));
        var count = reader.ReadInt32();
        if (count > 64)
        {
            throw new InvalidDataException("too many names");
        }

        return new string[count]; // Noncompliant SD7001 {{Size given to 'new string[]' comes from network data ('new NetworkStream') with no lower bound check; compare it with a maximum first}}
    }

    public byte[] ReadBlob(BinaryReader reader, NetworkStream stream)
    {
        var size = new BinaryReader(stream).ReadInt32();
        return new BinaryReader(stream).ReadBytes(Math.Clamp(size, 0, 4096)); // Compliant: clamped
    }

    public int Checksum(NetworkStream stream)
    {
        var size = stream.ReadByte() << 8 | stream.ReadByte();
        Span<byte> block = stackalloc byte[size]; // Noncompliant SD7001
        stream.ReadExactly(block);
        return block[0];
    }

    public byte[] Local()
    {
        var size = int.Parse(File.ReadAllText("buffer-size.txt"));
        return new byte[size]; // Compliant: a local configuration file is not a remote peer
    }
}

// The stream arrives as a primary constructor parameter, which the methods capture; they name neither the stream's type
// nor a read the specification lists by name, only the captured parameter.
public sealed class CapturedStreamReader(NetworkStream stream)
{
    private const int MaxFrame = 512;

    public async Task<byte[]> NextFrameUnchecked(CancellationToken cancellationToken)
    {
        var prefix = new byte[2];
        await stream.ReadExactlyAsync(prefix, cancellationToken);
        var length = BinaryPrimitives.ReadUInt16BigEndian(prefix);
        return new byte[length]; // Noncompliant SD7001
    }

    public async Task<byte[]> NextFrameChecked(CancellationToken cancellationToken)
    {
        var prefix = new byte[2];
        await stream.ReadExactlyAsync(prefix, cancellationToken);
        var length = BinaryPrimitives.ReadUInt16BigEndian(prefix);
        if (length > MaxFrame)
        {
            throw new InvalidDataException("frame too long");
        }

        return new byte[length]; // Compliant: checked against the maximum frame
    }
}

// The header is read by a helper that fills the caller's buffer: what the helper reads into its buffer parameter comes
// back to the caller's array, whether the helper takes the array itself, a Memory<byte> over it, or a Span<byte>.
public sealed class HelperFilledHeaderReader
{
    private const int MaxBody = 4096;

    public byte[] ThroughMemory(NetworkStream stream)
    {
        var header = new byte[4];
        Fill(stream, header);
        var length = BinaryPrimitives.ReadInt32BigEndian(header);
        return new byte[length]; // Noncompliant SD7001
    }

    public byte[] ThroughArray(NetworkStream stream)
    {
        var header = new byte[4];
        FillAll(stream, header);
        var length = BinaryPrimitives.ReadInt32BigEndian(header);
        return new byte[length]; // Noncompliant SD7001
    }

    public byte[] ThroughSpan(Socket socket)
    {
        var header = new byte[4];
        Receive(socket, header);
        var length = BinaryPrimitives.ReadInt32BigEndian(header);
        return new byte[length]; // Noncompliant SD7001
    }

    public byte[] ThroughMemoryChecked(NetworkStream stream)
    {
        var header = new byte[4];
        Fill(stream, header);
        var length = BinaryPrimitives.ReadInt32BigEndian(header);
        if (length < 0 || length > MaxBody)
        {
            throw new InvalidDataException("bad length");
        }

        return new byte[length]; // Compliant: both bounds checked
    }

    public byte[] HelperOnlyWrites(NetworkStream stream)
    {
        var header = new byte[4];
        Send(stream, header);
        var length = BinaryPrimitives.ReadInt32BigEndian(header);
        return new byte[length]; // Compliant: the helper writes the buffer to the peer, it never reads into it
    }

    public byte[] HelperFillsFromConstants(NetworkStream stream)
    {
        var header = new byte[4];
        Fill(stream, new byte[4]);
        Stamp(header);
        var length = BinaryPrimitives.ReadInt32BigEndian(header);
        return new byte[length]; // Compliant: the buffer the network filled is another one
    }

    private static void Fill(Stream source, Memory<byte> buffer) => source.ReadExactly(buffer.Span);

    private static void FillAll(Stream source, byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var count = source.Read(buffer, read, buffer.Length - read);
            if (count == 0)
            {
                throw new EndOfStreamException();
            }

            read += count;
        }
    }

    private static void Receive(Socket socket, Span<byte> buffer) => socket.Receive(buffer);

    private static void Send(Stream target, byte[] buffer) => target.Write(buffer);

    private static void Stamp(Span<byte> buffer) => BinaryPrimitives.WriteInt32BigEndian(buffer, 16);
}
