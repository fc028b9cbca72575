// SD4008 Log forging: untrusted text written into the message of the audit log.
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using MQTTnet;

namespace Cases.Injection;

[ApiController]
[Route("session")]
public class SessionController : ControllerBase
{
    private readonly ILogger<SessionController> _logger;

    public SessionController(ILogger<SessionController> logger) => _logger = logger;

    [HttpPost("login")]
    public IActionResult Login(string user, string password)
    {
        _logger.LogWarning("Login failed for " + user); // Noncompliant SD4008 {{Log message of 'LoggerExtensions.LogWarning' is built from request data (action parameter 'user'); pass the value as a structured logging argument}}
        _logger.LogInformation($"Login attempt by {user}"); // Noncompliant SD4008
        _logger.LogWarning("Login failed for {User}", user); // Compliant: a structured argument, encoded by the logging provider
        _logger.LogInformation("Login form submitted"); // Compliant: constant
        return Unauthorized();
    }

    [HttpPost("shift")]
    public IActionResult Shift(int shift)
    {
        _logger.LogInformation("Shift " + shift + " started"); // Compliant: a number cannot forge a line
        return Ok();
    }
}

public class TelemetryAudit
{
    public void OnMessage(MqttApplicationMessageReceivedEventArgs e)
    {
        Trace.TraceInformation("Telemetry on " + e.ApplicationMessage.Topic); // Noncompliant SD4008
    }
}
