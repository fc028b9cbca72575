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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    protected abstract void OnCompilationStart(CompilationStartAnalysisContext context);

    protected static ImmutableArray<DiagnosticDescriptor> Supported(params DiagnosticDescriptor[] descriptors) =>
        ImmutableArray.Create(descriptors);
}
