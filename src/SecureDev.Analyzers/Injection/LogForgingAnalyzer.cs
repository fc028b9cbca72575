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
public sealed class LogForgingAnalyzer() : TaintRuleAnalyzer(SinkClass.Log, RuleCatalog.LogForging);
