using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using SecureDev.Analyzers.Taint;

namespace SecureDev.Analyzers.Availability;

/// <summary>
/// Numbers from the network, a serial port, a field device or a request sizing new T[n], stackalloc, ArrayPool.Rent, capacities and read counts with no dominating upper bound check (and lower bound check for signed values).
/// The flow is found by the shared taint engine (Taint/README.md).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NetworkSizedAllocationAnalyzer() : TaintRuleAnalyzer(SinkClass.Allocation, RuleCatalog.NetworkSizedAllocation);
