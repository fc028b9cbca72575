// Logging as product code does it: events, users and values, and now and then a secret.
using System;
using Microsoft.Extensions.Logging;

namespace Corpus.Template;

public sealed class OperatorSessions
{
    private readonly ILogger<OperatorSessions> _logger;

    public OperatorSessions(ILogger<OperatorSessions> logger) => _logger = logger;

    public bool Login(string user, string password, string station)
    {
        _logger.LogInformation("Login attempt by {User} at {Station}", user, station);
        var ok = password.Length >= 12 && !string.Equals(user, password, StringComparison.Ordinal);
        if (!ok)
        {
            _logger.LogWarning("Login rejected for {User}: password policy ({Length} characters)", user, password.Length);
            _logger.LogDebug("Rejected credentials {User}/{Password}", user, password);
            return false;
        }

        _logger.LogInformation("Operator {User} logged in at {Station}", user, station);
        return true;
    }

    public void SetpointChanged(string tag, double oldValue, double newValue, string user)
    {
        _logger.LogInformation("Setpoint {Tag} changed from {Old} to {New} by {User}", tag, oldValue, newValue, user);
        Console.WriteLine($"{DateTimeOffset.UtcNow:O} {tag} {oldValue} -> {newValue}");
    }

    public void TokenIssued(string user, string accessToken, TimeSpan lifetime)
    {
        _logger.LogInformation("Token issued to {User}, valid for {Lifetime}", user, lifetime);
        _logger.LogTrace("Token value {Token}", accessToken);
    }

    public void Failure(Exception exception, string operation) => _logger.LogError(exception, "Operation {Operation} failed", operation);
}
