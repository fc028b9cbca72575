// SD8001 Secret written to a log: passwords, keys and tokens handed to logging APIs, by name, origin, template hole or parameter.
using System;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Cases.Logging;

public record LoginRequest(string User, string Password);

public record StatusReport(string Station, int Alarms);

public partial class OperatorLogin
{
    private readonly ILogger<OperatorLogin> _logger;
    private readonly IConfiguration _configuration;
    private readonly string _apiKey = Environment.GetEnvironmentVariable("MES_KEY") ?? "";

    private static readonly Action<ILogger, string, string, Exception?> LoginFailed =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(7), "Login failed for {User} with {Secret}");

    public OperatorLogin(ILogger<OperatorLogin> logger, IConfiguration configuration)
    {
        _logger = logger;
        _configuration = configuration;
    }

    public void ByParameterName(string user, string password)
    {
        _logger.LogInformation("Login {User} {Password}", user, password); // Noncompliant SD8001 {{The password 'password' is written to the log by 'LogInformation'; log that the event happened, not the secret}}
//                                                              ^^^^^^^^
    }

    public void Interpolated(string user, string password) =>
        _logger.LogDebug($"Login for {user} using {password}"); // Noncompliant SD8001

    public void Console(NetworkCredential credential) =>
        System.Console.WriteLine("Connecting as " + credential.UserName + " / " + credential.Password); // Noncompliant SD8001 {{The password 'Password' is written to the log by 'WriteLine'; log that the event happened, not the secret}}

    public void FromConfiguration()
    {
        var value = _configuration["Historian:Password"];
        Trace.TraceInformation("historian credential {0}", value); // Noncompliant SD8001 {{The password from 'Historian:Password' is written to the log by 'TraceInformation'; log that the event happened, not the secret}}
    }

    public void FromEnvironment() => Debug.WriteLine(Environment.GetEnvironmentVariable("MES_API_TOKEN")); // Noncompliant SD8001

    public void Field() => _logger.LogTrace("Using API key {Key}", _apiKey); // Noncompliant SD8001

    public void TemplateHole(string value) => _logger.LogWarning("Setting {AdminPassword} applied", value); // Noncompliant SD8001 {{The value logged as '{AdminPassword}' (a password) is written to the log by 'LogWarning'; log that the event happened, not the secret}}

    public void Key(Aes aes) => _logger.LogDebug("session key {Key}", Convert.ToBase64String(aes.Key)); // Noncompliant SD8001

    public void PrivateKey(RSA rsa) => System.Console.Error.WriteLine(Convert.ToBase64String(rsa.ExportRSAPrivateKey())); // Noncompliant SD8001

    public void Record(LoginRequest request) => _logger.LogInformation("Request {Request}", request); // Noncompliant SD8001 {{The password in 'Password' of the record LoginRequest is written to the log by 'LogInformation'; log that the event happened, not the secret}}

    public void Defined(string user, string token) => LoginFailed(_logger, user, token, null); // Noncompliant SD8001

    public void Generated(string user, string password) => LogRejected(_logger, user, password); // Noncompliant SD8001

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Rejected {User} with {Password}")]
    private static partial void LogRejected(ILogger logger, string user, string password);

    private static partial void LogRejected(ILogger logger, string user, string password) { }

    public void SerilogTemplate(Serilog.ILogger log, string refreshToken) => log.Information("Refreshed {Token}", refreshToken); // Noncompliant SD8001

    public void SerilogDestructure(LoginRequestDto dto) => Serilog.Log.Information("Login {@Dto}", dto); // Noncompliant SD8001

    public void Facade(IPlantLogger log, string pin, string psk) => log.Info("pairing with " + psk); // Noncompliant SD8001

    public void Lambda(string password) => Action(() => _logger.LogInformation("retry with {P}", password)); // Noncompliant SD8001

    private static void Action(Action action) => action();
}

public class LoginRequestDto
{
    public string? User { get; set; }

    public string? Password { get; set; }
}

public interface IPlantLogger
{
    void Info(string message);
}

public class QuietLogging
{
    private readonly ILogger _logger;

    public QuietLogging(ILogger logger) => _logger = logger;

    public void UserAndEvent(string userName, string password)
    {
        _logger.LogInformation("Password changed for {User}", userName); // Compliant: the user and the event
        _logger.LogInformation("Password length {Length}", password.Length); // Compliant: a length
        _logger.LogInformation("Password set: {IsSet}", !string.IsNullOrEmpty(password)); // Compliant: a flag
    }

    public void Redacted(string password, string token)
    {
        _logger.LogInformation("Password {Password}", "***"); // Compliant: redacted constant
        _logger.LogInformation("Token {Token}", Redact(token)); // Compliant: redacted by a call
        var maskedPassword = new string('*', password.Length);
        _logger.LogDebug("Password {Password}", maskedPassword); // Compliant: a masked value
    }

    public void Hash(string password, string passwordHash) =>
        _logger.LogDebug("Stored hash {Hash}", passwordHash); // Compliant: a hash, not the password

    public void CancellationTokens(System.Threading.CancellationToken cancellationToken) =>
        _logger.LogDebug("Cancelled: {Token}", cancellationToken.IsCancellationRequested); // Compliant: not a secret token

    public void Record(StatusReport report) => _logger.LogInformation("Status {Report}", report); // Compliant: no secret property

    public void NotALogger(System.Text.StringBuilder builder, string password) => builder.Append(password); // Compliant: not a log

    public void Prompt(string passwordPrompt) => Console.WriteLine(passwordPrompt); // Compliant: a prompt, not a password

    private static string Redact(string value) => value.Length > 4 ? value[..2] + "…" : "…";
}
