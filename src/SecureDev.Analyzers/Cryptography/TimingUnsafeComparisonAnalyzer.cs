using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Cryptography;

/// <summary>
/// MACs, signatures, hashes, tokens and passwords compared with an early-exit comparison: <c>==</c>, <c>!=</c>,
/// <c>SequenceEqual</c> (LINQ or span), <c>string.Equals</c> and <c>Equals</c>. A compared value counts as a secret
/// when its name says so (<c>expectedMac</c>, <c>request.Signature</c>, <c>headers["X-Signature"]</c>, <c>ComputeToken(...)</c>)
/// or when it comes, through locals and encodings (Base64, hex), from a hash, HMAC or PBKDF2 API. Quiet: comparisons
/// with constants, null or empty values (a literal credential is SD3002's), lengths and other numbers, a password with
/// its confirmation, code inside Equals/GetHashCode/operators, and LINQ expression trees that a database evaluates.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TimingUnsafeComparisonAnalyzer : SecureDevAnalyzer
{
    /// <summary>Diagnostic property set when the comparison can become CryptographicOperations.FixedTimeEquals as it stands (byte arrays or spans).</summary>
    public const string FixProperty = "FixedTimeEquals";

    private static readonly ImmutableDictionary<string, string?> Fixable = ImmutableDictionary<string, string?>.Empty.Add(FixProperty, "true");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.TimingUnsafeComparison);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        context.RegisterOperationAction(
            c =>
            {
                var binary = (IBinaryOperation)c.Operation;
                if (binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
                    && binary.OperatorMethod is null or { ContainingType.SpecialType: SpecialType.System_String }
                    && IsComparable(binary.LeftOperand.WithoutConversions().Type) && IsComparable(binary.RightOperand.WithoutConversions().Type))
                {
                    Check(c, binary, binary.LeftOperand, binary.RightOperand, binary.OperatorKind == BinaryOperatorKind.Equals ? "==" : "!=", exactFormFixable: true);
                }
            },
            OperationKind.Binary);

        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                var method = invocation.TargetMethod;
                switch (method.Name)
                {
                    case "SequenceEqual" when method.IsStatic && invocation.Arguments.Length >= 2:
                        // Enumerable.SequenceEqual and MemoryExtensions.SequenceEqual, called as extensions or not; a comparer makes it something else.
                        Check(c, invocation, invocation.Arguments[0].Value, invocation.Arguments[1].Value, "SequenceEqual", exactFormFixable: invocation.Arguments.Length == 2);
                        break;
                    case "Equals" when method.ContainingType.SpecialType == SpecialType.System_String:
                        if (method.IsStatic && invocation.Arguments.Length >= 2)
                        {
                            Check(c, invocation, invocation.Arguments[0].Value, invocation.Arguments[1].Value, "string.Equals", exactFormFixable: false);
                        }
                        else if (!method.IsStatic && invocation.Instance is { } instance && invocation.Arguments.Length >= 1)
                        {
                            Check(c, invocation, instance, invocation.Arguments[0].Value, "Equals", exactFormFixable: false);
                        }

                        break;
                }
            },
            OperationKind.Invocation);
    }

    private static void Check(OperationAnalysisContext context, IOperation comparison, IOperation left, IOperation right, string how, bool exactFormFixable)
    {
        // Cheapest tests first: comparisons run everywhere, and following a local to its definition walks the method.
        if (!IsComparable(left.WithoutConversions().Type) || !IsComparable(right.WithoutConversions().Type) || IsFixedValue(left) || IsFixedValue(right))
        {
            return;
        }

        var leftValue = Unwrap(left);
        var rightValue = Unwrap(right);
        var leftName = NameOf(leftValue);
        var rightName = NameOf(rightValue);
        if ((leftName is not null && SecurityMaterialNames.IsConfirmation(leftName)) || (rightName is not null && SecurityMaterialNames.IsConfirmation(rightName)))
        {
            return;
        }

        // Code inside Equals and the like is quiet whatever it compares: that test costs one name comparison, and comes
        // before following a local to a digest, which may walk the method.
        if (IsEqualityMember(context.ContainingSymbol))
        {
            return;
        }

        var secret = Named(leftName) ?? Named(rightName) ?? DigestOrigin(leftValue, 0) ?? DigestOrigin(rightValue, 0);
        if (secret is null
            || ValueOrigin.IsConstantData(left)
            || ValueOrigin.IsConstantData(right)
            || IsInExpressionTree(comparison))
        {
            return;
        }

        var properties = exactFormFixable && IsByteSpanLike(left.WithoutConversions().Type) && IsByteSpanLike(right.WithoutConversions().Type) ? Fixable : ImmutableDictionary<string, string?>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.TimingUnsafeComparison, comparison.Syntax.GetLocation(), properties, secret, how));
    }

    private static string? Named(string? name) => name is not null && SecurityMaterialNames.Verifier(name) is not null ? $"'{name}'" : null;

    /// <summary>Follows a value back through locals and encodings to a hash, HMAC or PBKDF2 call.</summary>
    private static string? DigestOrigin(IOperation? value, int depth)
    {
        if (value is null || depth > 4)
        {
            return null;
        }

        switch (value)
        {
            case ILocalReferenceOperation local when MayHoldDigest(local.Local):
                return DigestOrigin(ValueOrigin.SingleDefinition(local) is { } definition ? Unwrap(definition) : null, depth + 1);
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (method.Name is "HashData" or "ComputeHash" or "GetHashAndReset" or "GetCurrentHash" or "Pbkdf2" or "GetBytes"
                    && (CryptographyNamespace.Contains(method.ContainingType) || method.ContainingType.Name == "KeyDerivation")
                    && !(method.Name == "GetBytes" && method.ContainingType.Name != "Rfc2898DeriveBytes"))
                {
                    var type = invocation.Instance?.Type ?? method.ContainingType;
                    var what = type.Name.StartsWith("HMAC", StringComparison.Ordinal) || type.Name == "KeyedHashAlgorithm" ? "the HMAC"
                        : method.Name is "Pbkdf2" or "GetBytes" ? "the password hash"
                        : "the hash";
                    return $"{what} from '{type.Name}.{method.Name}'";
                }

                return null;
            case IPropertyReferenceOperation { Property.Name: "Hash", Instance: { } instance } when CryptographyNamespace.Contains(instance.Type as INamedTypeSymbol)
                                                                                                    || CryptographyNamespace.Contains((instance.Type as INamedTypeSymbol)?.BaseType):
                return $"the hash from '{instance.Type!.Name}.Hash'";
            default:
                return null;
        }
    }

    /// <summary>
    /// A syntactic pre-check before the walk that finds a local's definition: a local declared with an initializer
    /// holds a digest only if that initializer calls one of the digest APIs by name; pattern and out variables never do.
    /// </summary>
    private static bool MayHoldDigest(ILocalSymbol local)
    {
        if (local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax declarator)
        {
            return false;
        }

        if (declarator.Initializer?.Value is not { } initializer)
        {
            return true;
        }

        foreach (var node in initializer.DescendantNodesAndSelf())
        {
            if (node is Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax { Identifier.ValueText: "HashData" or "ComputeHash" or "GetHashAndReset" or "GetCurrentHash" or "Pbkdf2" or "GetBytes" or "Hash" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value without conversions and encodings that keep its secrecy: Base64, hex, Encoding.GetString, case changes, AsSpan.</summary>
    private static IOperation Unwrap(IOperation operand)
    {
        var value = operand.WithoutConversions();
        for (var depth = 0; depth < 4 && value is IInvocationOperation invocation; depth++)
        {
            var next = invocation.TargetMethod.Name switch
            {
                "ToBase64String" or "ToHexString" or "ToHexStringLower" or "GetString" or "ToString" when invocation.Instance is null && invocation.Arguments.Length >= 1
                    => invocation.Arguments[0].Value,
                "ToLower" or "ToLowerInvariant" or "ToUpper" or "ToUpperInvariant" or "Trim" or "AsSpan" or "ToArray" => invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null),
                "GetString" when invocation.Arguments.Length >= 1 => invocation.Arguments[0].Value,
                _ => null,
            };
            if (next is null)
            {
                break;
            }

            value = next.WithoutConversions();
        }

        return value;
    }

    private static string? NameOf(IOperation value) => value switch
    {
        ILocalReferenceOperation local => local.Local.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        IFieldReferenceOperation field => field.Field.Name,
        IPropertyReferenceOperation { Arguments.Length: 1 } indexer when indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } => key,
        IPropertyReferenceOperation property => property.Property.Name,
        IInvocationOperation invocation => invocation.TargetMethod.Name,
        _ => null,
    };

    /// <summary>Constants, null, empty strings and arrays, default: comparing with them reveals nothing secret (constant data through locals is checked later, when a secret is in play).</summary>
    private static bool IsFixedValue(IOperation operand)
    {
        var value = operand.WithoutConversions();
        return value.ConstantValue.HasValue
               || value is IDefaultValueOperation
               || value is IFieldReferenceOperation { Field: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_String } }
               || value is IInvocationOperation { TargetMethod.Name: "Empty", TargetMethod.ContainingType.SpecialType: SpecialType.System_Array };
    }

    /// <summary>Strings and byte or char sequences: the shapes secrets are compared in.</summary>
    private static bool IsComparable(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return true;
        }

        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType.SpecialType is SpecialType.System_Byte or SpecialType.System_Char;
        }

        return type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
               && named.Name is "Span" or "ReadOnlySpan" or "Memory" or "ReadOnlyMemory" or "IEnumerable" or "List" or "ImmutableArray"
               && named.TypeArguments[0].SpecialType is SpecialType.System_Byte or SpecialType.System_Char;
    }

    /// <summary>byte[], Span&lt;byte&gt;, ReadOnlySpan&lt;byte&gt;: what FixedTimeEquals takes as it stands.</summary>
    private static bool IsByteSpanLike(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType.SpecialType == SpecialType.System_Byte,
        INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", TypeArguments.Length: 1 } span => span.TypeArguments[0].SpecialType == SpecialType.System_Byte,
        _ => false,
    };

    private static bool IsEqualityMember(ISymbol symbol) =>
        symbol is IMethodSymbol { Name: "Equals" or "GetHashCode" or "CompareTo" or "op_Equality" or "op_Inequality" };

    /// <summary>Inside a lambda converted to an expression tree (an EF query): the database compares, not this process.</summary>
    private static bool IsInExpressionTree(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is not IAnonymousFunctionOperation)
            {
                continue;
            }

            for (var conversion = current.Parent; conversion is IConversionOperation or IDelegateCreationOperation; conversion = conversion.Parent)
            {
                if (conversion.Type is INamedTypeSymbol { Name: "Expression", ContainingNamespace.Name: "Expressions" })
                {
                    return true;
                }
            }
        }

        return false;
    }
}
