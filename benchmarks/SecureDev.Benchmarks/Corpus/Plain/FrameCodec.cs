// Ordinary product code: the telegram codec of a fieldbus gateway (framing, CRC-16, byte stuffing, bounded stream reading, dispatch).
using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Template;

public enum TelegramFunction : byte { ReadRegisters = 0x03, Diagnostics = 0x08, WriteRegisters = 0x10, Heartbeat = 0x7E }

public enum FrameError { None, TooShort, TooLong, BadStart, BadEscape, BadChecksum, LengthMismatch, EndOfStream, DestinationTooSmall }

public enum TelegramExceptionCode : byte { None = 0, IllegalFunction = 1, IllegalAddress = 2, IllegalValue = 3, Ignored = 0xFF }

public readonly record struct TelegramHeader(byte Address, TelegramFunction Function, ushort Sequence, ushort PayloadLength);

public sealed record TelegramMessage(TelegramHeader Header, ReadOnlyMemory<byte> Payload);

public readonly record struct TelegramReadResult(TelegramMessage? Message, FrameError Error)
{
    public bool Success => Error == FrameError.None && Message is not null;
    public static TelegramReadResult Ok(TelegramMessage message) => new(message, FrameError.None);
    public static TelegramReadResult Failed(FrameError error) => new(null, error);
}

public sealed record TelegramReply(TelegramExceptionCode Code, byte[] Payload)
{
    public static readonly TelegramReply Ignored = new(TelegramExceptionCode.Ignored, []);
    public static readonly TelegramReply Empty = new(TelegramExceptionCode.None, []);

    public static TelegramReply Fault(TelegramExceptionCode code) => new(code, [(byte)code]);
}

/// <summary>CRC-16 with the reflected 0xA001 polynomial, as used by most serial fieldbus profiles.</summary>
public static class TelegramChecksum
{
    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var value in data)
        {
            crc = (ushort)((crc >> 8) ^ Table[(crc ^ value) & 0xFF]);
        }

        return crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var index = 0; index < table.Length; index++)
        {
            var crc = (ushort)index;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }
            table[index] = crc;
        }

        return table;
    }
}

/// <summary>Frame layout: address, function, sequence (BE), payload length (BE), payload, CRC (LE).</summary>
public static class TelegramCodec
{
    public const int HeaderLength = 6;
    public const int ChecksumLength = 2;
    public const int MinFrameLength = HeaderLength + ChecksumLength;
    public const int MaxPayloadLength = 252;
    public const int MaxFrameLength = MinFrameLength + MaxPayloadLength;
    public const byte StartByte = 0x02;
    public const byte EscapeByte = 0x1B;
    private const byte EscapeMask = 0x20;

    public static FrameError TryEncode(TelegramHeader header, ReadOnlySpan<byte> payload, Span<byte> destination, out int written)
    {
        written = 0;
        if (payload.Length > MaxPayloadLength) return FrameError.TooLong;
        var crcOffset = HeaderLength + payload.Length;
        if (destination.Length < crcOffset + ChecksumLength) return FrameError.DestinationTooSmall;

        destination[0] = header.Address;
        destination[1] = (byte)header.Function;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], header.Sequence);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], (ushort)payload.Length);
        payload.CopyTo(destination[HeaderLength..]);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[crcOffset..], TelegramChecksum.Compute(destination[..crcOffset]));
        written = crcOffset + ChecksumLength;
        return FrameError.None;
    }

    public static FrameError TryDecode(ReadOnlySpan<byte> frame, out TelegramHeader header, out ReadOnlySpan<byte> payload)
    {
        header = default;
        payload = default;
        if (frame.Length < MinFrameLength) return FrameError.TooShort;
        if (frame.Length > MaxFrameLength) return FrameError.TooLong;

        var declared = BinaryPrimitives.ReadUInt16BigEndian(frame[4..]);
        if (declared != frame.Length - MinFrameLength) return FrameError.LengthMismatch;

        var body = frame[..^ChecksumLength];
        var expected = BinaryPrimitives.ReadUInt16LittleEndian(frame[^ChecksumLength..]);
        if (TelegramChecksum.Compute(body) != expected) return FrameError.BadChecksum;

        header = new TelegramHeader(frame[0], (TelegramFunction)frame[1], BinaryPrimitives.ReadUInt16BigEndian(frame[2..]), declared);
        payload = body.Slice(HeaderLength, declared);
        return FrameError.None;
    }

    /// <summary>Writes the start byte and the stuffed frame; returns the wire length, or -1 when the destination is too small.</summary>
    public static int Escape(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        if (destination.IsEmpty) return -1;
        destination[0] = StartByte;
        var position = 1;
        foreach (var value in raw)
        {
            var stuffed = value is StartByte or EscapeByte;
            if (position + (stuffed ? 2 : 1) > destination.Length) return -1;
            if (stuffed) destination[position++] = EscapeByte;
            destination[position++] = stuffed ? (byte)(value ^ EscapeMask) : value;
        }

        return position;
    }

    public static FrameError Unescape(ReadOnlySpan<byte> wire, Span<byte> destination, out int written)
    {
        written = 0;
        if (wire.IsEmpty || wire[0] != StartByte) return FrameError.BadStart;

        var escaped = false;
        foreach (var value in wire[1..])
        {
            if (value == StartByte) return FrameError.BadStart;
            if (!escaped && value == EscapeByte)
            {
                escaped = true;
                continue;
            }

            var plain = escaped ? (byte)(value ^ EscapeMask) : value;
            if (escaped && plain is not (StartByte or EscapeByte)) return FrameError.BadEscape;
            if (written >= destination.Length) return FrameError.DestinationTooSmall;

            destination[written++] = plain;
            escaped = false;
        }

        return escaped ? FrameError.BadEscape : FrameError.None;
    }
}

/// <summary>Reads frames that a TCP gateway sends with a two-byte big-endian length prefix.</summary>
public sealed class TelegramStreamReader
{
    private readonly NetworkStream _stream;
    private readonly int _maxFrameLength;
    private readonly byte[] _prefix = new byte[2];

    public TelegramStreamReader(NetworkStream stream, int maxFrameLength = TelegramCodec.MaxFrameLength)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _maxFrameLength = Math.Clamp(maxFrameLength, TelegramCodec.MinFrameLength, TelegramCodec.MaxFrameLength);
    }

    public static TelegramStreamReader ForConnection(TcpClient client) => new(client.GetStream());

    /// <summary>Set after a length error: the stream is out of step and the connection should be dropped.</summary>
    public bool OutOfSync { get; private set; }

    public async Task<TelegramReadResult> ReadNextAsync(CancellationToken cancellationToken)
    {
        var got = await _stream.ReadAtLeastAsync(_prefix, _prefix.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (got < _prefix.Length) return TelegramReadResult.Failed(FrameError.EndOfStream);

        int length = BinaryPrimitives.ReadUInt16BigEndian(_prefix);
        if (length < TelegramCodec.MinFrameLength || length > _maxFrameLength)
        {
            OutOfSync = true;
            return TelegramReadResult.Failed(length < TelegramCodec.MinFrameLength ? FrameError.TooShort : FrameError.TooLong);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var frame = buffer.AsMemory(0, length);
            var read = await _stream.ReadAtLeastAsync(frame, length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return read < length ? TelegramReadResult.Failed(FrameError.EndOfStream) : Decode(frame.Span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static TelegramReadResult Decode(ReadOnlySpan<byte> frame)
    {
        var error = TelegramCodec.TryDecode(frame, out var header, out var payload);
        return error == FrameError.None
            ? TelegramReadResult.Ok(new TelegramMessage(header, payload.ToArray()))
            : TelegramReadResult.Failed(error);
    }
}

/// <summary>Serves register requests of one station from an in-memory register image.</summary>
public sealed class TelegramDispatcher(byte station, int registerCount)
{
    private const byte BroadcastAddress = 0;
    private const int MaxRegistersPerRequest = 120;
    private readonly ushort[] _registers = registerCount is > 0 and <= ushort.MaxValue + 1
        ? new ushort[registerCount]
        : throw new ArgumentOutOfRangeException(nameof(registerCount));

    public TelegramReply Dispatch(TelegramMessage request) => request.Header.Address is var target && target != station && target != BroadcastAddress
        ? TelegramReply.Ignored
        : request.Header.Function switch
        {
            TelegramFunction.ReadRegisters => ReadRegisters(request.Payload.Span),
            TelegramFunction.WriteRegisters => WriteRegisters(request.Payload.Span),
            TelegramFunction.Diagnostics => new TelegramReply(TelegramExceptionCode.None, request.Payload.ToArray()),
            TelegramFunction.Heartbeat => TelegramReply.Empty,
            _ => TelegramReply.Fault(TelegramExceptionCode.IllegalFunction),
        };

    private TelegramReply ReadRegisters(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != 4) return TelegramReply.Fault(TelegramExceptionCode.IllegalValue);

        int start = BinaryPrimitives.ReadUInt16BigEndian(payload);
        int count = BinaryPrimitives.ReadUInt16BigEndian(payload[2..]);
        if (count is < 1 or > MaxRegistersPerRequest) return TelegramReply.Fault(TelegramExceptionCode.IllegalValue);
        if (start + count > _registers.Length) return TelegramReply.Fault(TelegramExceptionCode.IllegalAddress);

        var reply = new byte[1 + 2 * count];
        reply[0] = (byte)(2 * count);
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(reply.AsSpan(1 + 2 * i), _registers[start + i]);
        }

        return new TelegramReply(TelegramExceptionCode.None, reply);
    }

    private TelegramReply WriteRegisters(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 5) return TelegramReply.Fault(TelegramExceptionCode.IllegalValue);

        int start = BinaryPrimitives.ReadUInt16BigEndian(payload);
        int count = BinaryPrimitives.ReadUInt16BigEndian(payload[2..]);
        if (count is < 1 or > MaxRegistersPerRequest || payload[4] != 2 * count || payload.Length != 5 + 2 * count)
            return TelegramReply.Fault(TelegramExceptionCode.IllegalValue);
        if (start + count > _registers.Length) return TelegramReply.Fault(TelegramExceptionCode.IllegalAddress);

        var values = payload[5..];
        for (var i = 0; i < count; i++)
        {
            _registers[start + i] = BinaryPrimitives.ReadUInt16BigEndian(values[(2 * i)..]);
        }

        return new TelegramReply(TelegramExceptionCode.None, payload[..4].ToArray());
    }
}
