// SD4001 SQL injection: untrusted data concatenated into SQL text, through locals, builders, calls and fields.
using System;
using System.Data.Common;
using System.Text;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cases.Injection;

public class Alarm
{
    public int Id { get; set; }
}

public class AlarmDb : DbContext
{
    public DbSet<Alarm> Alarms { get; } = null!;
}

[ApiController]
[Route("alarms")]
public class AlarmController : ControllerBase
{
    private readonly SqliteConnection _connection = new("Data Source=alarms.db");
    private readonly AlarmDb _db = new();

    [HttpGet("by-tag")]
    public int ByTag(string tag)
    {
        var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM alarms WHERE tag = '" + tag + "'"; // Noncompliant SD4001 {{SQL text of 'SqliteCommand.CommandText' is built from request data (action parameter 'tag'); pass the value as a command parameter}}
//                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        return Convert.ToInt32(command.ExecuteScalar());
    }

    [HttpGet("by-area")]
    public int ByArea(string area)
    {
        var sql = $"SELECT count(*) FROM alarms WHERE area = '{area}'";
        using var command = new SqliteCommand(sql, _connection); // Noncompliant SD4001
        return Convert.ToInt32(command.ExecuteScalar());
    }

    [HttpGet("sorted")]
    public object Sorted(string column)
    {
        var builder = new StringBuilder("SELECT * FROM alarms ORDER BY ");
        builder.Append(column);
        return _connection.Query<Alarm>(builder.ToString()); // Noncompliant SD4001
    }

    [HttpDelete]
    public int Purge(string before) =>
        _db.Database.ExecuteSqlRaw("DELETE FROM alarms WHERE raised < '" + before + "'"); // Noncompliant SD4001

    [HttpGet("raw")]
    public object Raw(string filter) => _db.Alarms.FromSqlRaw(AlarmQueries.Where(filter)); // Noncompliant SD4001

    [HttpGet("safe")]
    public int Parameterized(string tag)
    {
        var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM alarms WHERE tag = $tag"; // Compliant: parameterized
        command.Parameters.AddWithValue("$tag", tag);
        return Convert.ToInt32(command.ExecuteScalar());
    }

    [HttpGet("by-id")]
    public object ById(string id)
    {
        var number = int.Parse(id);
        return _connection.Query<Alarm>("SELECT * FROM alarms WHERE id = " + number); // Compliant: a number cannot carry SQL
    }

    [HttpGet("interpolated")]
    public object Interpolated(string area) => _db.Alarms.FromSql($"SELECT * FROM alarms WHERE area = {area}"); // Compliant: FromSql turns the holes into parameters

    [HttpGet("sort")]
    public object Sort(string column)
    {
        if (column != "raised" && column != "severity")
        {
            return BadRequest();
        }

        return _connection.Query<Alarm>("SELECT * FROM alarms ORDER BY " + column); // Compliant: only the two constants get here
    }

    public object Constant() => _connection.Query<Alarm>("SELECT * FROM alarms WHERE " + AlarmQueries.ActiveOnly); // Compliant: constants
}

public static class AlarmQueries
{
    public const string ActiveOnly = "active = 1";

    public static string Where(string filter) => "SELECT * FROM alarms WHERE " + filter;
}

public class AlarmImport
{
    public async Task ImportAsync(DbConnection connection)
    {
        var line = Console.ReadLine();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO alarms VALUES (" + line + ")"; // Noncompliant SD4001 {{SQL text of 'DbCommand.CommandText' is built from console input ('Console.ReadLine'); pass the value as a command parameter}}
        await command.ExecuteNonQueryAsync();
    }
}
