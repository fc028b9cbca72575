namespace SecureDev.Cli;

/// <summary>
/// The documented exit codes of every securedev command (also shown by <c>securedev --help</c>). A script can tell a
/// failed check from an incomplete record and from a command that could not run.
/// </summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked and found nothing that fails the check.</summary>
    public const int Success = 0;

    /// <summary>The check ran and failed: a verified bundle was tampered with, an audit found findings at or above the level, a release has failing requirements.</summary>
    public const int CheckFailed = 1;

    /// <summary>The command could not run: bad arguments, a missing or unreadable input. Nothing was written.</summary>
    public const int UsageOrInputError = 2;

    /// <summary>The evidence bundle was written but is incomplete: a project's evidence is missing, stale or altered (SM-12 not met).</summary>
    public const int Incomplete = 3;

    public const string Help = """
        Exit codes:
          0  success: the check passed (the bundle is complete and no requirement is failing)
          1  check failed: tampered files, audit findings at the level, failing requirements (release gate closed)
          2  usage or input error: bad arguments, a missing or unreadable input; nothing was written
          3  incomplete: the bundle was written, but a project's evidence is missing, stale or altered
        """;
}
