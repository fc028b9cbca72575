// SD4002 OS command injection: request data in the program or the argument string of a process.
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cases.Injection;

public static class DiagnosticsEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/diag/ping", (string host) => Process.Start("ping", "-c 1 " + host)); // Noncompliant SD4002 {{Command line of 'Process.Start' is built from request data (handler parameter 'host'); run a fixed program and check arguments against an allow-list}}
//                                                                      ^^^^^^^^^^^^^^

        app.MapPost("/diag/run", (string tool) =>
        {
            var start = new ProcessStartInfo { FileName = tool, UseShellExecute = false }; // Noncompliant SD4002
            return Process.Start(start);
        });

        app.MapGet("/diag/trace", Trace);

        app.MapGet("/diag/ping-ip", (string host) => Process.Start("ping", "-c 1 " + IPAddress.Parse(host))); // Compliant: an IP address cannot carry shell syntax

        app.MapGet("/diag/tool", (string tool) =>
        {
            if (tool != "ping" && tool != "traceroute")
            {
                return Results.BadRequest();
            }

            return Results.Ok(Process.Start(tool)); // Compliant: only the two constants get here
        });

        app.MapGet("/diag/list", (string host) =>
        {
            var start = new ProcessStartInfo("ping");
            start.ArgumentList.Add(host); // Compliant: one argument, never split or interpreted by a shell
            return Process.Start(start);
        });
    }

    private static Process? Trace(HttpRequest request, string host)
    {
        var start = new ProcessStartInfo("traceroute");
        start.Arguments = host; // Noncompliant SD4002
        return Process.Start(start);
    }
}

public class MaintenanceConsole
{
    public void Run()
    {
        var command = System.Console.ReadLine();
        Process.Start("/bin/sh", "-c \"" + command + "\""); // Noncompliant SD4002
        Process.Start("systemctl", "restart plc-gateway"); // Compliant: constants
    }
}
