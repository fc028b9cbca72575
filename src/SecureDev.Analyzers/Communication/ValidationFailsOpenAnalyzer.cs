using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Communication;

/// <summary>
/// Validation routines whose exception handler turns a failed check into success. A validation routine is a
/// certificate callback (it takes <c>SslPolicyErrors</c>), or a function, or a lambda attached to a member, whose name says
/// it validates, verifies, authenticates or authorizes (<c>ValidateServerCertificate</c>, <c>VerifySignature</c>,
/// <c>IsTrusted</c>, <c>CheckLicense</c>, <c>ServerCertificateCustomValidationCallback</c>). It fails open when a catch
/// clause returns success (<c>true</c>, <c>Task.FromResult(true)</c>, a <c>Success</c>/<c>Valid</c> member, an
/// <c>Accept = true</c>), when a catch clause that swallows the exception falls through to <c>return true</c> after a
/// try block that could return failure, or when a void validator swallows the exception its own check throws.
/// Only catch clauses are visited, so the rule costs nothing in code without exception handling.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ValidationFailsOpenAnalyzer : SecureDevAnalyzer
{
    private static readonly ImmutableHashSet<string> ValidationWords = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "validate", "validates", "validation", "validator", "validating",
        "verify", "verifies", "verification", "verifier",
        "authenticate", "authentication", "authorize", "authorization");

    private static readonly ImmutableHashSet<string> PredicatePrefixes = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "is", "has", "can", "check");

    private static readonly ImmutableHashSet<string> PredicateWords = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "valid", "trusted", "authorized", "authenticated", "allowed", "permitted", "genuine", "signed",
        "signature", "certificate", "password", "token", "license", "permission", "access");

    private static readonly ImmutableHashSet<string> SuccessNames = ImmutableHashSet.Create(
        StringComparer.Ordinal, "Success", "Succeeded", "Valid", "Accept", "Accepted", "Allow", "Allowed", "Ok", "OK", "Granted", "Trusted");

    private static readonly ImmutableHashSet<string> FailureNames = ImmutableHashSet.Create(
        StringComparer.Ordinal, "Fail", "Failed", "Failure", "Invalid", "Reject", "Rejected", "Deny", "Denied", "Forbidden", "Unauthorized", "Untrusted");

    private static readonly ImmutableHashSet<string> AcceptFlags = ImmutableHashSet.Create(
        StringComparer.Ordinal, "Accept", "Accepted", "IsValid", "Valid", "IsAuthorized", "IsAuthenticated", "Allow", "Allowed", "Trusted", "IsTrusted");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.ValidationFailsOpen);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var policyErrors = context.Compilation.GetTypeByMetadataName("System.Net.Security.SslPolicyErrors");
        context.RegisterOperationAction(c => Analyze(c, (ICatchClauseOperation)c.Operation, policyErrors), OperationKind.CatchClause);
    }

    private static void Analyze(OperationAnalysisContext context, ICatchClauseOperation catchClause, INamedTypeSymbol? policyErrors)
    {
        if (catchClause.Parent is not ITryOperation tryOperation
            || EnclosingFunction.Find(catchClause, context.ContainingSymbol, out var functionOperation) is not { } function
            || !IsValidationRoutine(function, functionOperation, policyErrors))
        {
            return;
        }

        foreach (var operation in FunctionBody.OwnOperations(catchClause.Handler))
        {
            var success = operation switch
            {
                IReturnOperation { ReturnedValue: { } value } => IsOutcome(value, SuccessNames, true),
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation or IFieldReferenceOperation } assignment =>
                    AcceptFlags.Contains(((IMemberReferenceOperation)assignment.Target).Member.Name) && assignment.Value.ConstantValue is { HasValue: true, Value: true },
                _ => false,
            };
            if (success)
            {
                Report(context, operation.Syntax.GetLocation(), function, functionOperation);
                return;
            }
        }

        if (!CompletesNormally(catchClause.Handler) || tryOperation.Parent is not IBlockOperation block)
        {
            return;
        }

        var index = block.Operations.IndexOf(tryOperation);
        var next = index + 1 < block.Operations.Length ? block.Operations[index + 1] : null;
        var failsOpen = next is IReturnOperation { ReturnedValue: { } returned }
            ? IsOutcome(returned, SuccessNames, true) && FunctionBody.OwnOperations(tryOperation.Body).Any(o => o is IReturnOperation { ReturnedValue: { } r } && IsOutcome(r, FailureNames, false))
            : function.ReturnsVoid && next is null && IsFunctionBody(block, functionOperation) && SwallowsOwnThrow(tryOperation.Body, catchClause.ExceptionType);
        if (failsOpen && catchClause.Syntax is CatchClauseSyntax syntax)
        {
            var end = syntax.Declaration?.Span.End ?? syntax.CatchKeyword.Span.End;
            Report(context, Location.Create(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(syntax.CatchKeyword.SpanStart, end)), function, functionOperation);
        }
    }

    private static void Report(OperationAnalysisContext context, Location location, IMethodSymbol function, IOperation? functionOperation)
    {
        var name = function.MethodKind switch
        {
            MethodKind.LocalFunction => $"Local function '{function.Name}'",
            MethodKind.AnonymousFunction => functionOperation?.Syntax is AnonymousMethodExpressionSyntax ? "The anonymous method" : "The lambda",
            _ => $"Method '{function.Name}'",
        };
        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.ValidationFailsOpen, location, name));
    }

    private static bool IsValidationRoutine(IMethodSymbol function, IOperation? functionOperation, INamedTypeSymbol? policyErrors)
    {
        if (policyErrors is not null)
        {
            foreach (var parameter in function.Parameters)
            {
                if (SymbolEqualityComparer.Default.Equals(parameter.Type, policyErrors))
                {
                    return true;
                }
            }
        }

        var name = function.MethodKind == MethodKind.AnonymousFunction ? AttachedName(functionOperation) : function.Name;
        return name is not null && IsValidationName(name);
    }

    /// <summary>The property, parameter or variable a lambda is attached to: <c>ServerCertificateCustomValidationCallback = (...) =&gt; ...</c>.</summary>
    private static string? AttachedName(IOperation? lambda)
    {
        var parent = lambda?.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IAssignmentOperation { Target: IMemberReferenceOperation member } => member.Member.Name,
            IAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local.Name,
            IArgumentOperation { Parameter: { } parameter } => parameter.Name,
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol.Name,
            IEventAssignmentOperation { EventReference: IEventReferenceOperation reference } => reference.Event.Name,
            _ => null,
        };
    }

    private static bool IsValidationName(string name)
    {
        var words = IdentifierWords.Split(name);
        if (words.Count == 0)
        {
            return false;
        }

        foreach (var word in words)
        {
            if (ValidationWords.Contains(word))
            {
                return true;
            }
        }

        if (PredicatePrefixes.Contains(words[0]))
        {
            for (var i = 1; i < words.Count; i++)
            {
                if (PredicateWords.Contains(words[i]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True for <c>true</c> (or <c>false</c>, when <paramref name="constant"/> is false), <c>Task.FromResult(...)</c> of it,
    /// and a member or factory named like the outcome (<c>ValidationResult.Success</c>, <c>AuthenticateResult.Fail(...)</c>).
    /// </summary>
    private static bool IsOutcome(IOperation value, ImmutableHashSet<string> names, bool constant)
    {
        value = value.WithoutConversions();
        if (value.ConstantValue is { HasValue: true, Value: bool flag })
        {
            return flag == constant;
        }

        switch (value)
        {
            case IInvocationOperation { TargetMethod.Name: "FromResult", Arguments.Length: 1 } fromResult:
                return IsOutcome(fromResult.Arguments[0].Value, names, constant);
            case IInvocationOperation { TargetMethod.IsStatic: true } factory:
                return names.Contains(factory.TargetMethod.Name);
            case IMemberReferenceOperation { Instance: null } member:
                return names.Contains(member.Member.Name);
            default:
                return false;
        }
    }

    /// <summary>True when the try block throws an exception the catch clause catches (its type or a subclass, or any for catch-all).</summary>
    private static bool SwallowsOwnThrow(IBlockOperation body, ITypeSymbol caught)
    {
        var catchesAll = caught.SpecialType == SpecialType.System_Object || caught.ToDisplayString() == "System.Exception";
        foreach (var operation in FunctionBody.OwnOperations(body))
        {
            if (operation is IThrowOperation { Exception: { } exception })
            {
                if (catchesAll)
                {
                    return true;
                }

                for (var type = exception.WithoutConversions().Type; type is not null; type = type.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(type, caught))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool CompletesNormally(IBlockOperation handler)
    {
        if (handler.Operations.Length == 0)
        {
            return true;
        }

        var last = handler.Operations[handler.Operations.Length - 1];
        return last is not (IReturnOperation or IThrowOperation or IBranchOperation)
               && last is not IExpressionStatementOperation { Operation: IThrowOperation };
    }

    private static bool IsFunctionBody(IBlockOperation block, IOperation? functionOperation) =>
        functionOperation is null
            ? block.Parent is IMethodBodyOperation or IConstructorBodyOperation || block.Parent is null
            : block.Parent == functionOperation;
}
