using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using SecureDev.Analyzers.Taint;

namespace SecureDev.Analyzers.Injection;

/// <summary>
/// Untrusted data in the message (template) of a log call: ILogger's Log* extensions, Trace, EventLog. Structured arguments are not messages and stay quiet.
/// The flow is found by the shared taint engine (Taint/README.md).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LogForgingAnalyzer : TaintRuleAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.LogForging);

    private protected override SinkClass Class => SinkClass.Log;

    private protected override DiagnosticDescriptor Rule => RuleCatalog.LogForging;
}
