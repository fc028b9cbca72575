using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using SecureDev.Analyzers.Taint;

namespace SecureDev.Analyzers.Availability;

/// <summary>
/// Exception messages, stack traces and ToString() written to an HTTP response, a result object, a socket, a network stream or a serial port.
/// The flow is found by the shared taint engine (Taint/README.md).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExceptionDetailsToPeerAnalyzer() : TaintRuleAnalyzer(SinkClass.Peer, RuleCatalog.ExceptionDetailsToPeer);
