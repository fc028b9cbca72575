using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using SecureDev.Analyzers.Taint;

namespace SecureDev.Analyzers.Injection;

/// <summary>
/// Untrusted data in LDAP filters and paths: DirectorySearcher, DirectoryEntry, SearchRequest.
/// The flow is found by the shared taint engine (Taint/README.md).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LdapInjectionAnalyzer() : TaintRuleAnalyzer(SinkClass.Ldap, RuleCatalog.LdapInjection);
