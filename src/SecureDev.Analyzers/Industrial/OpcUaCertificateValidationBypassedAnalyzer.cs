using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// OPC UA CertificateValidation handlers that accept untrusted certificates: <c>e.Accept = true</c> or
/// <c>e.AcceptAll = true</c> (or a value that is only the status check) where no condition guards it, or where the only
/// conditions test the validation error (<c>e.Error.StatusCode == StatusCodes.BadCertificateUntrusted</c>) or are
/// constant true. The handler is judged wherever it is written (lambda, anonymous method, method group, local function),
/// because the assignment to the event arguments is what accepts. Handlers that decide on anything else (a pinned
/// thumbprint, an operator setting such as the reference samples' AutoAccept flag, a helper) stay quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OpcUaCertificateValidationBypassedAnalyzer : SecureDevAnalyzer
{
    private static readonly ImmutableHashSet<string> StatusMembers = ImmutableHashSet.Create(StringComparer.Ordinal, "Error", "StatusCode", "Code", "InnerResult");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.OpcUaCertificateValidationBypassed);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        if (context.Compilation.GetTypeByMetadataName(IndustrialTypes.CertificateValidationEventArgs) is not { } eventArgs)
        {
            return;
        }

        context.RegisterOperationAction(
            c =>
            {
                var assignment = (ISimpleAssignmentOperation)c.Operation;
                if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "Accept" or "AcceptAll" } property }
                    || !SymbolEqualityComparer.Default.Equals(property.ContainingType, eventArgs))
                {
                    return;
                }

                var value = assignment.Value.WithoutConversions();
                var constantTrue = ValueFlow.TryGetConstant(value, out var constant) && constant is true;
                if (!constantTrue && !IsStatusTest(value, eventArgs))
                {
                    return;
                }

                var testsStatus = !constantTrue;
                for (var current = assignment.Parent; current is not null && !IsFunctionBoundary(current); current = current.Parent)
                {
                    switch (Guard(current, assignment))
                    {
                        case IOperation condition when ValueFlow.TryGetConstant(condition, out var always) && always is true:
                            continue;
                        case IOperation condition when IsStatusTest(condition, eventArgs):
                            testsStatus = true;
                            continue;
                        case IOperation:
                            return;
                    }
                }

                c.ReportDiagnostic(Diagnostic.Create(
                    RuleCatalog.OpcUaCertificateValidationBypassed,
                    assignment.Syntax.GetLocation(),
                    assignment.Syntax.ToString(),
                    testsStatus ? "every certificate the stack finds untrusted" : "every certificate, whatever the validation error"));
            },
            OperationKind.SimpleAssignment);
    }

    private static bool IsFunctionBoundary(IOperation operation) =>
        operation is IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation;

    /// <summary>The condition that decides whether <paramref name="assignment"/>, inside <paramref name="ancestor"/>, runs.</summary>
    private static IOperation? Guard(IOperation ancestor, IOperation assignment)
    {
        switch (ancestor)
        {
            case IConditionalOperation conditional when !Contains(conditional.Condition, assignment):
                return conditional.Condition;
            case ISwitchOperation switchOperation when !Contains(switchOperation.Value, assignment):
                return switchOperation.Value;
            case IWhileLoopOperation { Condition: { } condition } when !Contains(condition, assignment):
                return condition;
            default:
                return null;
        }
    }

    private static bool Contains(IOperation container, IOperation operation) => container.Syntax.Span.Contains(operation.Syntax.Span);

    /// <summary>
    /// True when the expression only looks at the validation error: the event argument's Error, its StatusCode and
    /// Code, constants (StatusCodes.BadCertificateUntrusted), comparisons and logic. Anything else (a field, a local, the
    /// certificate, a call) makes it a real decision.
    /// </summary>
    private static bool IsStatusTest(IOperation expression, INamedTypeSymbol eventArgs)
    {
        var readsStatus = false;
        foreach (var operation in expression.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IPropertyReferenceOperation property:
                    if (!StatusMembers.Contains(property.Property.Name))
                    {
                        return false;
                    }

                    readsStatus = true;
                    break;
                case IParameterReferenceOperation parameter when !SymbolEqualityComparer.Default.Equals(parameter.Type, eventArgs):
                case IFieldReferenceOperation { Field.IsConst: false }:
                case ILocalReferenceOperation:
                case IInvocationOperation:
                    return false;
            }
        }

        return readsStatus;
    }
}
