using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using SecureDev.Analyzers.Taint;

namespace SecureDev.Analyzers.Injection;

/// <summary>
/// Untrusted data in XPath expressions: XmlNode.SelectNodes/SelectSingleNode, XPathNavigator, XPathExpression.Compile, the XDocument XPath extensions.
/// The flow is found by the shared taint engine (Taint/README.md).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class XPathInjectionAnalyzer() : TaintRuleAnalyzer(SinkClass.XPath, RuleCatalog.XPathInjection);
