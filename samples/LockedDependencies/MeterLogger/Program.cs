using System.Buffers.Binary;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Polly;

namespace MeterLogger;

/// <summary>Reads each meter's total active energy (two holding registers, kWh as a 32-bit value) once a minute.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: MeterLogger <database file> <meter host>...");
            return 2;
        }

        using var database = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = args[0] }.ToString());
        database.Open();
        using (var create = database.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS reading (meter TEXT NOT NULL, at TEXT NOT NULL, kwh INTEGER NOT NULL)";
            create.ExecuteNonQuery();
        }

        var retry = new ResiliencePipelineBuilder().AddRetry(new() { MaxRetryAttempts = 2, Delay = TimeSpan.FromSeconds(1) }).AddTimeout(TimeSpan.FromSeconds(5)).Build();
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        while (!stop.IsCancellationRequested)
        {
            foreach (var meter in args.Skip(1))
            {
                var kwh = await retry.ExecuteAsync(token => ReadEnergyAsync(meter, token), stop.Token);
                using var insert = database.CreateCommand();
                insert.CommandText = "INSERT INTO reading (meter, at, kwh) VALUES ($meter, $at, $kwh)";
                insert.Parameters.AddWithValue("$meter", meter);
                insert.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
                insert.Parameters.AddWithValue("$kwh", kwh);
                insert.ExecuteNonQuery();
            }

            await Task.Delay(TimeSpan.FromMinutes(1), stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return 0;
    }

    /// <summary>Modbus/TCP function 3 (read holding registers) at address 0x0100, two registers, unit 1.</summary>
    private static async ValueTask<uint> ReadEnergyAsync(string host, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, 502, cancellationToken);
        var stream = client.GetStream();
        byte[] request = { 0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x01, 0x03, 0x01, 0x00, 0x00, 0x02 };
        await stream.WriteAsync(request, cancellationToken);
        var response = new byte[13];
        await stream.ReadExactlyAsync(response, cancellationToken);
        if (response[7] != 0x03 || response[8] != 4)
        {
            throw new IOException($"Meter {host} answered with function 0x{response[7]:x2}");
        }

        return BinaryPrimitives.ReadUInt32BigEndian(response.AsSpan(9, 4));
    }
}
