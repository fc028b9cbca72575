using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Communication;

/// <summary>
/// Certificate validation callbacks that accept anything: any function (method, local function, lambda, anonymous
/// method) shaped like a validation callback (returns bool, takes SslPolicyErrors) that returns true on every path,
/// returns only null checks of its arguments, or returns true somewhere without reading the policy errors, the
/// certificate or the chain. It also flags HttpClientHandler.DangerousAcceptAnyServerCertificateValidator where it is
/// installed as a callback, directly or through a local. Judging the function itself covers every way it is attached
/// (property, constructor argument, SslStream options, ServicePointManager, method group) with one check.
/// <para>
/// Cost: lambdas and local functions are judged by their signature before their body is looked at; methods are only
/// visited in types that declare a callback-shaped method (one look at the type's members), so the rule registers no
/// action on the method bodies of the rest of the compilation.
/// </para>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CertificateValidationDisabledAnalyzer : SecureDevAnalyzer
{
    private const string DangerousValidator = "DangerousAcceptAnyServerCertificateValidator";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.CertificateValidationDisabled);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var policyErrors = context.Compilation.GetTypeByMetadataName("System.Net.Security.SslPolicyErrors");
        if (policyErrors is null)
        {
            return;
        }

        // A plain method-body action with a signature test, not a symbol-start action per type: symbol-start actions make
        // the driver track every member of every type until the type ends, for all of the compilation.
        context.RegisterOperationAction(
            c =>
            {
                // Runs for every method body: a declaration with fewer than two parameters, or one whose return type is
                // written as a keyword other than bool (void, int, string, ...), is ruled out by its syntax before the
                // symbol's parameter array is built (a new one on every read) and their types are read.
                if (c.Operation.Syntax is BaseMethodDeclarationSyntax { ParameterList.Parameters.Count: < 2 }
                    or MethodDeclarationSyntax { ReturnType: PredefinedTypeSyntax { Keyword.RawKind: not (int)SyntaxKind.BoolKeyword } })
                {
                    return;
                }

                if (c.ContainingSymbol is IMethodSymbol method && IsValidationCallback(method, policyErrors))
                {
                    Judge(c, FunctionBody.Of((IMethodBodyOperation)c.Operation, method), policyErrors);
                }
            },
            OperationKind.MethodBody);

        context.RegisterOperationAction(
            c =>
            {
                var function = c.Operation is ILocalFunctionOperation local ? FunctionBody.Of(local) : FunctionBody.Of((IAnonymousFunctionOperation)c.Operation);
                if (IsValidationCallback(function.Symbol, policyErrors))
                {
                    Judge(c, function, policyErrors);
                }
            },
            OperationKind.LocalFunction,
            OperationKind.AnonymousFunction);

        var handler = context.Compilation.GetTypeByMetadataName("System.Net.Http.HttpClientHandler");
        if (handler is null)
        {
            return;
        }

        // The dangerous validator only takes effect where it is installed: an assignment to a callback-typed member.
        context.RegisterOperationAction(
            c =>
            {
                var assignment = (ISimpleAssignmentOperation)c.Operation;
                if (assignment.Target.Type is not INamedTypeSymbol { TypeKind: TypeKind.Delegate }
                    || ValueFlow.Source(assignment.Value) is not IPropertyReferenceOperation { Property.Name: DangerousValidator } reference
                    || !SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType, handler))
                {
                    return;
                }

                c.ReportDiagnostic(Diagnostic.Create(
                    RuleCatalog.CertificateValidationDisabled,
                    assignment.Value.Syntax.GetLocation(),
                    "HttpClientHandler.DangerousAcceptAnyServerCertificateValidator"));
            },
            OperationKind.SimpleAssignment);
    }

    private static void Judge(OperationAnalysisContext context, FunctionBody function, INamedTypeSymbol policyErrors)
    {
        if (AcceptsAnything(function, policyErrors))
        {
            context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.CertificateValidationDisabled, function.Location, function.Description));
        }
    }

    // Runs for every method and lambda: the parameter count rules out most, then the parameter types,
    // and the return type last (with nullable annotations on, reading it creates a symbol wrapper each time).
    private static bool IsValidationCallback(IMethodSymbol method, INamedTypeSymbol policyErrors)
    {
        if (method.ReturnsVoid)
        {
            return false;
        }

        // Parameters builds a new array on every read: it is read once.
        var parameters = method.Parameters;
        if (parameters.Length < 2)
        {
            return false;
        }

        foreach (var parameter in parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, policyErrors))
            {
                return method.ReturnType.SpecialType == SpecialType.System_Boolean;
            }
        }

        return false;
    }

    /// <summary>
    /// True when every return accepts without a check (the constant true, or a null test of an argument), or when some
    /// return does and the body never reads a parameter other than to test it for null (neither the policy errors nor
    /// the certificate or chain that a pinning check would look at). A result taken from elsewhere (a configuration
    /// flag, a helper) is not judged: that is a decision, not a blanket accept.
    /// </summary>
    private static bool AcceptsAnything(FunctionBody function, INamedTypeSymbol policyErrors)
    {
        int returns = 0, accepting = 0;
        var readsParameter = false;
        foreach (var operation in function.Operations())
        {
            switch (operation)
            {
                case IReturnOperation { ReturnedValue: { } value }:
                    returns++;
                    if (value.ConstantValue is { HasValue: true, Value: true } || IsNullTest(value.WithoutConversions(), function.Symbol))
                    {
                        accepting++;
                    }

                    break;
                case IParameterReferenceOperation reference
                    when SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol, function.Symbol)
                         && (SymbolEqualityComparer.Default.Equals(reference.Parameter.Type, policyErrors) || reference.Parameter.Ordinal > 0)
                         && !IsNullTest(ParentBeyondConversions(reference), function.Symbol):
                    readsParameter = true;
                    break;
            }
        }

        return accepting > 0 && (accepting == returns || !readsParameter);
    }

    /// <summary><c>p != null</c>, <c>p == null</c>, <c>p is null</c>, <c>p is not null</c>, <c>p is { }</c> on a parameter of <paramref name="function"/>.</summary>
    private static bool IsNullTest(IOperation? operation, IMethodSymbol function)
    {
        switch (operation)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                return (IsNull(binary.RightOperand) && IsParameterOf(binary.LeftOperand, function))
                       || (IsNull(binary.LeftOperand) && IsParameterOf(binary.RightOperand, function));
            case IIsPatternOperation pattern:
                return IsParameterOf(pattern.Value, function) && pattern.Pattern switch
                {
                    IConstantPatternOperation constant => IsNull(constant.Value),
                    INegatedPatternOperation { Pattern: IConstantPatternOperation negated } => IsNull(negated.Value),
                    IRecursivePatternOperation { DeconstructionSubpatterns.Length: 0, PropertySubpatterns.Length: 0, DeclaredSymbol: null } => true,
                    _ => false,
                };
            default:
                return false;
        }
    }

    private static IOperation? ParentBeyondConversions(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    private static bool IsNull(IOperation operation) => operation.WithoutConversions().ConstantValue is { HasValue: true, Value: null };

    private static bool IsParameterOf(IOperation operation, IMethodSymbol function) =>
        operation.WithoutConversions() is IParameterReferenceOperation reference
        && SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol, function);
}
