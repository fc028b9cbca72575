using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using SecureDev.Analyzers.Taint;

namespace SecureDev.Analyzers.Injection;

/// <summary>
/// Untrusted data choosing the target of an outbound request: HttpClient, HttpRequestMessage, WebRequest, WebClient, TcpClient. A constant prefix that fixes scheme and host, or a relative path, keeps the host fixed.
/// The flow is found by the shared taint engine (Taint/README.md).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ServerSideRequestForgeryAnalyzer() : TaintRuleAnalyzer(SinkClass.Url, RuleCatalog.ServerSideRequestForgery);
