namespace SecureDev.Core.Diagnostics;

public enum BuildSeverity
{
    Message,
    Warning,
    Error,
}

/// <summary>
/// An SD9xxx diagnostic of the build tasks: the supply-chain counterpart of an analyzer descriptor. Its page is
/// rules-docs/&lt;Id&gt;.md, like every rule's.
/// </summary>
/// <param name="Requirement">The IEC 62443-4-1 practice requirement the check serves (SM-9, SVV-3, DM-4, ...).</param>
public sealed record BuildRule(string Id, string Title, BuildSeverity DefaultSeverity, string Requirement, string Description)
{
    public const string DocsBaseUrl = "https://github.com/securedev/securedev/blob/main/rules-docs/";

    public string HelpLink => DocsBaseUrl + Id + ".md";

    public BuildMessage At(string? file, string text) => new(this, DefaultSeverity, text, file);

    public BuildMessage At(string? file, string text, BuildSeverity severity) => new(this, severity, text, file);
}

/// <summary>One message a Core operation hands back for the build (or the CLI) to show.</summary>
public sealed record BuildMessage(BuildRule Rule, BuildSeverity Severity, string Text, string? File)
{
    public override string ToString() => $"{(File is null ? "" : File + ": ")}{Severity.ToString().ToLowerInvariant()} {Rule.Id}: {Text}";
}
