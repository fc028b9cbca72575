// SD7004 Exception details sent to the peer: messages and stack traces in responses and on the wire.
using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Cases.Availability;

public static class ErrorEndpoints
{
    public static void Map(WebApplication app, ILogger logger)
    {
        app.MapGet("/recipe", () =>
        {
            try
            {
                return Results.Ok(Load());
            }
            catch (Exception ex)
            {
                return Results.Problem(ex.Message); // Noncompliant SD7004 {{'Results.Problem' sends exception details ('ex') to the peer; log the details and send a generic error}}
//                                     ^^^^^^^^^^
            }
        });

        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex)
            {
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync(ex.ToString()); // Noncompliant SD7004
            }
        });

        app.MapGet("/safe", () =>
        {
            try
            {
                return Results.Ok(Load());
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Loading the recipe failed");
                return Results.Problem("Loading the recipe failed."); // Compliant: generic text, details in the log
            }
        });
    }

    private static string Load() => File.ReadAllText("recipe.json");
}

[ApiController]
[Route("line")]
public class LineController : ControllerBase
{
    [HttpPost("start")]
    public IActionResult Start()
    {
        try
        {
            return Ok();
        }
        catch (InvalidOperationException ex)
        {
            return BadRequest(new { error = ex.Message, trace = ex.StackTrace }); // Noncompliant SD7004
        }
    }
}

public sealed class GatewaySession
{
    public void Handle(NetworkStream stream)
    {
        try
        {
            stream.ReadByte();
        }
        catch (IOException ex)
        {
            stream.Write(Encoding.UTF8.GetBytes("ERR " + ex.Message)); // Noncompliant SD7004
            using var file = File.AppendText("/var/log/gateway/errors.log");
            file.WriteLine(ex.ToString()); // Compliant: a local log file, not the peer
            stream.Write(Encoding.UTF8.GetBytes("ERR " + ex.HResult)); // Compliant: an error code
        }
    }
}
