// Entry points (Main's args, controller actions, minimal-API handlers by lambda and method group) and flows through
// fields and static fields across types and methods.
using System;
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;

namespace Cases.Taint;

public static class Program
{
    public static void Main(string[] args)
    {
        File.Delete(args[0]); // Noncompliant SD4003 {{File path of 'File.Delete' is built from a command-line argument ('args'); reduce it to a file name with Path.GetFileName or check that the full path stays in the intended directory}}
    }
}

public static class RecipeEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/recipes/{name}", (string name) => File.ReadAllText("/recipes/" + name)); // Noncompliant SD4003
        app.MapDelete("/recipes/{name}", Delete);
        app.MapGet("/recipes/{id:int}", (int id) => File.ReadAllText("/recipes/" + id + ".json")); // Compliant: a number
    }

    private static string Delete(string name)
    {
        File.Delete("/recipes/" + name); // Noncompliant SD4003
        return name;
    }
}

/// <summary>The last recipe a client asked for, kept in a static field of another type.</summary>
public static class LastRequest
{
    public static string Recipe = "default";
}

[ApiController]
[Route("recipes")]
public class RecipeController : ControllerBase
{
    [HttpPost("select")]
    public void Select(string recipe) => LastRequest.Recipe = recipe;

    [HttpPost("load")]
    public string Load() => System.IO.File.ReadAllText("/recipes/" + LastRequest.Recipe); // Noncompliant SD4003 {{File path of 'File.ReadAllText' is built from request data (action parameter 'recipe'); reduce it to a file name with Path.GetFileName or check that the full path stays in the intended directory}}

    [NonAction]
    public string Helper(string path) => System.IO.File.ReadAllText(path); // Compliant: not an action, and nothing untrusted reaches it
}

public sealed class AlarmWriter
{
    private readonly SqliteConnection _connection;
    private string _tag = "none";

    public AlarmWriter(SqliteConnection connection) => _connection = connection;

    public void Receive() => _tag = Console.ReadLine()!;

    public void Write()
    {
        using var command = new SqliteCommand("INSERT INTO alarms(tag) VALUES ('" + _tag + "')", _connection); // Noncompliant SD4001
        command.ExecuteNonQuery();
    }
}
