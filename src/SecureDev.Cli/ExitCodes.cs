namespace SecureDev.Cli;

/// <summary>The documented exit codes of every securedev command.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked and found nothing that fails the check.</summary>
    public const int Success = 0;

    /// <summary>The check ran and failed: a verified bundle was tampered with, an audit found findings at or above the level.</summary>
    public const int CheckFailed = 1;

    /// <summary>The command could not run: bad arguments, a missing or unreadable input.</summary>
    public const int UsageOrInputError = 2;
}
