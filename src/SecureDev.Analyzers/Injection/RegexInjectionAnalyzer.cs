using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using SecureDev.Analyzers.Taint;

namespace SecureDev.Analyzers.Injection;

/// <summary>
/// Untrusted data as a regular expression pattern (new Regex, the static Regex methods) without a match timeout.
/// The flow is found by the shared taint engine (Taint/README.md).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RegexInjectionAnalyzer() : TaintRuleAnalyzer(SinkClass.Regex, RuleCatalog.RegexInjection);
