using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Taint;

/// <summary>
/// The base of every taint rule: one sink class, one descriptor. The engine of the compilation is shared, so the flow
/// analysis of a method runs once for all taint rules; each rule reports its own class from the cached findings. The
/// diagnostic sits on the value at the sink (possibly in a callee) and carries the source as its additional location.
/// Message arguments: {0} the source, {1} the sink, {2} the missing bound check (bounds rules).
/// </summary>
public abstract class TaintRuleAnalyzer : SecureDevAnalyzer
{
    private protected TaintRuleAnalyzer(SinkClass sinkClass, DiagnosticDescriptor rule)
    {
        Class = sinkClass;
        Rule = rule;
        SupportedDiagnostics = Supported(rule);
    }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    private protected SinkClass Class { get; }

    private protected DiagnosticDescriptor Rule { get; }

    protected sealed override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var engine = TaintEngine.For(context.Compilation, context.Options, context.CancellationToken);
        if (!engine.CanReport(Class))
        {
            return;
        }

        // Once per file, not per member: see TaintEngine.RootsIn.
        context.RegisterSemanticModelAction(c => Report(c, engine));
    }

    private void Report(SemanticModelAnalysisContext context, TaintEngine engine)
    {
        foreach (var method in engine.RootsIn(context.SemanticModel, context.Options, context.CancellationToken))
        {
            if (engine.BodyFor(method, context.CancellationToken) is not { } body)
            {
                continue;
            }

            foreach (var finding in engine.Findings(method, body, context.CancellationToken))
            {
                // A sink the engine found in a callee lies outside this body: if the callee is generated, it is not
                // the developer's to fix, and the driver (which no longer re-checks locations) would not drop it.
                if (finding.Class == Class && (IsInside(finding.Location, body) || !GeneratedCode.Contains(finding.Location, context.Options, context.CancellationToken)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Rule,
                        finding.Location,
                        finding.Origin.Location is { } source ? new[] { source } : null,
                        finding.Origin.Description,
                        finding.Sink,
                        finding.MissingBound));
                }
            }
        }
    }

    private static bool IsInside(Location location, IOperation body) =>
        location.SourceTree == body.Syntax.SyntaxTree && body.Syntax.Span.Contains(location.SourceSpan);
}
