namespace SecureDev.Analyzers.Tests.Harness;

/// <summary>
/// A diagnostic a test source says it expects, read from its annotations:
/// <code>
/// var md5 = MD5.Create(); // Noncompliant SD1001 {{MD5 is a broken hash algorithm; use SHA-256 or stronger}}
/// //        ^^^^^^^^^^^^
/// </code>
/// The id (several may be listed, separated by commas) and the line are required. A caret line right below gives the
/// exact columns (one caret line per id, in order); <c>{{...}}</c> gives the exact message.
/// </summary>
public sealed record Expectation(string Path, int Line, string Id, int? StartColumn, int? EndColumn, string? Message)
{
    public override string ToString() =>
        $"{System.IO.Path.GetFileName(Path)}({Line + 1}{(StartColumn is null ? "" : $",{StartColumn + 1}-{EndColumn + 1}")}): {Id}{(Message is null ? "" : $" {{{{{Message}}}}}")}";
}
