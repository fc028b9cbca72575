using System.Buffers.Binary;
using System.Net.Sockets;

namespace PlcGateway.Modbus;

/// <summary>A minimal Modbus/TCP master: function 3 (read holding registers) over one connection.</summary>
public sealed class ModbusTcpClient : IDisposable
{
    private const byte ReadHoldingRegisters = 0x03;
    private const int MaxRegistersPerRequest = 125;

    private readonly TcpClient _client = new();
    private readonly string _host;
    private readonly int _port;
    private readonly byte _unitId;
    private ushort _transactionId;

    public ModbusTcpClient(string host, int port, byte unitId)
    {
        _host = host;
        _port = port;
        _unitId = unitId;
    }

    public async Task<ushort[]> ReadHoldingRegistersAsync(ushort address, ushort count, CancellationToken cancellationToken)
    {
        if (count is 0 or > MaxRegistersPerRequest)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Modbus reads 1 to {MaxRegistersPerRequest} registers per request.");
        }

        if (!_client.Connected)
        {
            await _client.ConnectAsync(_host, _port, cancellationToken);
        }

        var stream = _client.GetStream();
        var request = new byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(0), ++_transactionId);
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(4), 6);
        request[6] = _unitId;
        request[7] = ReadHoldingRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(8), address);
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(10), count);
        await stream.WriteAsync(request, cancellationToken);

        // MBAP header (7 bytes), function code, byte count, then two bytes per register.
        var response = new byte[9 + (2 * count)];
        await stream.ReadExactlyAsync(response, cancellationToken);
        if (response[7] != ReadHoldingRegisters || response[8] != 2 * count)
        {
            throw new InvalidDataException($"PLC answered function 0x{response[7]:X2} with {response[8]} bytes.");
        }

        var registers = new ushort[count];
        for (var i = 0; i < count; i++)
        {
            registers[i] = BinaryPrimitives.ReadUInt16BigEndian(response.AsSpan(9 + (2 * i)));
        }

        return registers;
    }

    public void Dispose() => _client.Dispose();
}
