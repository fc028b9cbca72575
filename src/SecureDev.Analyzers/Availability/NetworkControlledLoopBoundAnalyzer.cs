using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using SecureDev.Analyzers.Taint;

namespace SecureDev.Analyzers.Availability;

/// <summary>
/// Numbers from the network, a serial port, a field device or a request bounding a counting loop with no dominating upper bound check.
/// The flow is found by the shared taint engine (Taint/README.md).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NetworkControlledLoopBoundAnalyzer() : TaintRuleAnalyzer(SinkClass.Loop, RuleCatalog.NetworkControlledLoopBound);
