using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureDev.Analyzers.Common;

/// <summary>
/// The base of every SecureDev analyzer: generated code is skipped, analysis runs concurrently, and all work starts
/// from a compilation-start action so that each analyzer resolves its types once and registers nothing when they are absent.
/// </summary>
public abstract class SecureDevAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        // Generated code is not analyzed (no Analyze flag: the driver skips generated files, hidden regions and
        // [GeneratedCode] symbols before any action runs). ReportDiagnostics only says the driver need not re-check
        // where a diagnostic lands: without it, the first diagnostic in each file makes the driver walk every token
        // of that file looking for [GeneratedCode], which cost more than all the pattern rules' own work together.
        // An analyzer that reports outside the code it was handed (a taint sink in a callee) checks with GeneratedCode.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    protected abstract void OnCompilationStart(CompilationStartAnalysisContext context);

    protected static ImmutableArray<DiagnosticDescriptor> Supported(params DiagnosticDescriptor[] descriptors) =>
        ImmutableArray.Create(descriptors);
}
