using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using SecureDev.Analyzers.Taint;

namespace SecureDev.Analyzers.Injection;

/// <summary>
/// Untrusted data in file system paths: File, Directory, FileStream, StreamReader/Writer, FileInfo, archive extraction; archive entry names are a source (zip-slip).
/// The flow is found by the shared taint engine (Taint/README.md).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PathTraversalAnalyzer() : TaintRuleAnalyzer(SinkClass.Path, RuleCatalog.PathTraversal);
