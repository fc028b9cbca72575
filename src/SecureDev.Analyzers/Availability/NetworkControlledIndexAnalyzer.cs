using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using SecureDev.Analyzers.Taint;

namespace SecureDev.Analyzers.Availability;

/// <summary>
/// Numbers from the network, a serial port, a field device or a request used as array or span indexes, slice offsets and lengths with no dominating bounds check.
/// The flow is found by the shared taint engine (Taint/README.md).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NetworkControlledIndexAnalyzer() : TaintRuleAnalyzer(SinkClass.Index, RuleCatalog.NetworkControlledIndex);
