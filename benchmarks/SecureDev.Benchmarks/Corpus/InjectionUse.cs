// Request handling as product code does it: a recipe API over ADO.NET, files and a diagnostics endpoint; mostly sound.
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Corpus.Template;

[ApiController]
[Route("recipes")]
public class RecipeController : ControllerBase
{
    private static readonly HashSet<string> Columns = new() { "name", "created" };
    private readonly DbConnection _connection;
    private readonly ILogger<RecipeController> _logger;

    public RecipeController(DbConnection connection, ILogger<RecipeController> logger)
    {
        _connection = connection;
        _logger = logger;
    }

    [HttpGet("{name}")]
    public object? Get(string name)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT body FROM recipes WHERE name = @name";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@name";
        parameter.Value = name;
        command.Parameters.Add(parameter);
        _logger.LogInformation("Recipe {Name} requested", name);
        return command.ExecuteScalar();
    }

    [HttpGet]
    public object? List(string order)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = Columns.Contains(order) ? "SELECT name FROM recipes ORDER BY " + order : "SELECT name FROM recipes";
        return command.ExecuteScalar();
    }

    [HttpGet("search")]
    public object? Search(string text)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT name FROM recipes WHERE body LIKE '%" + text + "%'";
        _logger.LogWarning("Search for " + text);
        return command.ExecuteScalar();
    }

    [HttpGet("file/{name}")]
    public IActionResult File(string name) => PhysicalFile(Path.Combine("/var/lib/recipes", Path.GetFileName(name)), "application/json");

    [HttpGet("match")]
    public bool Match(string pattern, string value) => Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(50));

    [HttpPost("ping")]
    public IActionResult Ping(string host)
    {
        Process.Start("ping", "-c 1 " + host);
        return Ok();
    }
}
