using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Contoso.HistorianBuffer;

/// <summary>One process value on its way to the historian.</summary>
public sealed record PendingWrite(string Tag, double Value, DateTimeOffset Timestamp);

/// <summary>
/// Keeps historian writes in a local SQLite file while the historian cannot be reached, and hands them back oldest
/// first once it can. Survives a gateway restart: nothing is lost between the PLC poll and the historian.
/// </summary>
public sealed class WriteBuffer : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly ILogger _logger;

    public WriteBuffer(string path, ILogger logger)
    {
        _logger = logger;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE IF NOT EXISTS pending (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL)";
        create.ExecuteNonQuery();
    }

    public void Enqueue(PendingWrite write)
    {
        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO pending (body) VALUES ($body)";
        insert.Parameters.AddWithValue("$body", JsonSerializer.Serialize(write));
        insert.ExecuteNonQuery();
    }

    /// <summary>Up to <paramref name="max"/> buffered writes, oldest first, with the id to acknowledge them by.</summary>
    public IReadOnlyList<(long Id, PendingWrite Write)> Peek(int max)
    {
        using var select = _connection.CreateCommand();
        select.CommandText = "SELECT id, body FROM pending ORDER BY id LIMIT $max";
        select.Parameters.AddWithValue("$max", max);
        var result = new List<(long, PendingWrite)>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var write = JsonSerializer.Deserialize<PendingWrite>(reader.GetString(1));
            if (write is null)
            {
                _logger.LogWarning("Dropping unreadable buffered write {Id}", reader.GetInt64(0));
                continue;
            }

            result.Add((reader.GetInt64(0), write));
        }

        return result;
    }

    /// <summary>Removes the writes the historian has confirmed.</summary>
    public void Acknowledge(long upToId)
    {
        using var delete = _connection.CreateCommand();
        delete.CommandText = "DELETE FROM pending WHERE id <= $id";
        delete.Parameters.AddWithValue("$id", upToId);
        var removed = delete.ExecuteNonQuery();
        _logger.LogDebug("Historian confirmed {Count} buffered writes", removed);
    }

    public void Dispose() => _connection.Dispose();
}
