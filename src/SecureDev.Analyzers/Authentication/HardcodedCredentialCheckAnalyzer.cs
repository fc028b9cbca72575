using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Authentication;

/// <summary>
/// A value named like a secret (password, PIN hash, api key, client secret) compared with a literal one: <c>==</c>,
/// <c>!=</c>, <c>Equals</c>, <c>string.Equals</c>, <c>SequenceEqual</c>, <c>FixedTimeEquals</c>, <c>is "..."</c>, and
/// <c>switch</c> statements and expressions over it. The literal may be written in place or held by a local, constant
/// or static readonly field, also as bytes (<c>Encoding.UTF8.GetBytes("...")</c>). Comparisons with null, empty strings
/// and placeholders, and comparisons of values that are not named like a secret (a user name, a mode), stay quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedCredentialCheckAnalyzer : SecureDevAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.HardcodedCredentialCheck);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        context.RegisterOperationAction(
            c =>
            {
                var binary = (IBinaryOperation)c.Operation;
                if (binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
                    && binary.LeftOperand.Type?.SpecialType == SpecialType.System_String)
                {
                    Check(c, binary, binary.LeftOperand, binary.RightOperand);
                }
            },
            OperationKind.Binary);

        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                var method = invocation.TargetMethod;
                if (method.Name is not ("Equals" or "SequenceEqual" or "FixedTimeEquals"))
                {
                    return;
                }

                if (invocation.Instance is { } instance && invocation.Arguments.Length >= 1)
                {
                    Check(c, invocation, instance, invocation.Arguments[0].Value);
                }
                else if (invocation.Instance is null && invocation.Arguments.Length >= 2)
                {
                    Check(c, invocation, invocation.Arguments[0].Value, invocation.Arguments[1].Value);
                }
            },
            OperationKind.Invocation);

        // password is "admin" / password is "admin" or "root"
        context.RegisterOperationAction(
            c =>
            {
                var pattern = (IIsPatternOperation)c.Operation;
                if (SecretName(pattern.Value) is { } name && LiteralInPattern(pattern.Pattern) is not null)
                {
                    Report(c, pattern, name);
                }
            },
            OperationKind.IsPattern);

        // switch (password) { case "admin": ... } and password switch { "admin" => ..., _ => ... }
        context.RegisterOperationAction(
            c =>
            {
                var operation = c.Operation;
                var value = operation switch
                {
                    ISwitchOperation statement => statement.Value,
                    ISwitchExpressionOperation expression => expression.Value,
                    _ => null,
                };
                if (value?.Type?.SpecialType != SpecialType.System_String || SecretName(value) is not { } name)
                {
                    return;
                }

                if (operation is ISwitchOperation switchStatement)
                {
                    foreach (var section in switchStatement.Cases)
                    {
                        foreach (var clause in section.Clauses)
                        {
                            if (ClauseValue(clause) is { } literal && IsLiteralSecret(literal))
                            {
                                Report(c, operation, name);
                                return;
                            }
                        }
                    }
                }
                else if (operation is ISwitchExpressionOperation switchExpression)
                {
                    foreach (var arm in switchExpression.Arms)
                    {
                        if (LiteralInPattern(arm.Pattern) is not null)
                        {
                            Report(c, operation, name);
                            return;
                        }
                    }
                }
            },
            OperationKind.Switch,
            OperationKind.SwitchExpression);
    }

    private static void Check(OperationAnalysisContext context, IOperation comparison, IOperation left, IOperation right)
    {
        // The name test comes first: following a local to its definition walks the method.
        if (SecretName(left) is { } name && IsLiteralSecret(right))
        {
            Report(context, comparison, name);
        }
        else if (SecretName(right) is { } other && IsLiteralSecret(left))
        {
            Report(context, comparison, other);
        }
    }

    /// <summary>
    /// A literal secret that is not already reported where it is declared: <c>password == DefaultPassword</c> is SD3001's
    /// finding at the constant (the check itself, often one that forces a change of the default, is then fine).
    /// </summary>
    private static bool IsLiteralSecret(IOperation value) =>
        LiteralSecret.IsLiteralSecret(value) && !SecretDeclarations.IsReportedAtDeclaration(value);

    private static void Report(OperationAnalysisContext context, IOperation comparison, (string Name, string Kind) secret) =>
        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.HardcodedCredentialCheck, comparison.Syntax.GetLocation(), secret.Name, secret.Kind));

    /// <summary>The name and kind of secret the compared value is, looking through Trim/ToLower/GetBytes and conversions.</summary>
    private static (string Name, string Kind)? SecretName(IOperation operand)
    {
        var operation = operand.WithoutConversions();
        for (var depth = 0; depth < 4 && operation is IInvocationOperation invocation; depth++)
        {
            var next = invocation.TargetMethod.Name switch
            {
                "Trim" or "ToLower" or "ToLowerInvariant" or "ToUpper" or "ToUpperInvariant" or "AsSpan" or "ToCharArray" => invocation.Instance,
                "GetBytes" when invocation.Arguments.Length == 1 => invocation.Arguments[0].Value,
                _ => null,
            };
            if (next is null)
            {
                break;
            }

            operation = next.WithoutConversions();
        }

        var name = operation switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            _ => null,
        };
        return name is not null && SecretNames.SecretKind(name) is { } kind ? (name, kind) : null;
    }

    private static IOperation? LiteralInPattern(IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation constant when IsLiteralSecret(constant.Value) => constant.Value,
        IBinaryPatternOperation binary => LiteralInPattern(binary.LeftPattern) ?? LiteralInPattern(binary.RightPattern),
        _ => null,
    };

    private static IOperation? ClauseValue(ICaseClauseOperation clause) => clause switch
    {
        ISingleValueCaseClauseOperation single => single.Value,
        IPatternCaseClauseOperation { Pattern: { } pattern } => LiteralInPattern(pattern),
        _ => null,
    };
}
