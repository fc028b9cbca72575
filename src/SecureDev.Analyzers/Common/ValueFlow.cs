using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecureDev.Analyzers.Common;

/// <summary>
/// Where a value handed to an API was decided: through locals given one value (<see cref="ValueOrigin.SingleDefinition"/>),
/// and through <c>static readonly</c> fields and get-only static properties whose initializer is a literal, a negated
/// number, an enum member or a combination of enum members (judged from syntax, since the initializer may be in another file).
/// Rules that judge a setting where it is used (a protocol, a URL, a bind address) use it so that a value moved into a
/// named member is still seen, and a value read at run time (configuration, a parameter, a call) is not guessed at.
/// </summary>
internal static class ValueFlow
{
    private const int MaxDepth = 8;

    /// <summary>
    /// The constant <paramref name="value"/> always has: a compile-time constant, a local given one, or a static
    /// readonly member initialized with one. Enum values come back as their underlying integral value, as Roslyn gives them.
    /// </summary>
    public static bool TryGetConstant(IOperation? value, out object? constant)
    {
        constant = null;
        for (var depth = 0; value is not null && depth < MaxDepth; depth++)
        {
            value = value.WithoutConversions();
            if (value.ConstantValue.HasValue)
            {
                constant = value.ConstantValue.Value;
                return true;
            }

            switch (value)
            {
                case ILocalReferenceOperation local:
                    value = ValueOrigin.SingleDefinition(local);
                    break;
                case IFieldReferenceOperation or IPropertyReferenceOperation:
                    var member = StaticReadonlyMember(value);
                    return member is not null && InitializerSyntax(member) is { } initializer && TryEvaluate(initializer, MemberType(member), 0, out constant);
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The operation that produced <paramref name="value"/>: conversions and parentheses removed, and locals given one
    /// value replaced by that value. A static readonly member or anything else read at run time comes back as it is.
    /// </summary>
    public static IOperation Source(IOperation value)
    {
        value = value.WithoutConversions();
        for (var depth = 0; depth < MaxDepth && value is ILocalReferenceOperation local && ValueOrigin.SingleDefinition(local) is { } definition; depth++)
        {
            value = definition.WithoutConversions();
        }

        return value;
    }

    /// <summary>The field or property when <paramref name="reference"/> reads a static readonly field or a get-only static property.</summary>
    public static ISymbol? StaticReadonlyMember(IOperation reference) => reference switch
    {
        IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field } => field,
        IPropertyReferenceOperation { Property: { IsStatic: true, SetMethod: null, Parameters.Length: 0 } property } => property,
        _ => null,
    };

    /// <summary>The initializer written for a field or property (<c>= value</c> or <c>=&gt; value</c>), or null.</summary>
    public static ExpressionSyntax? InitializerSyntax(ISymbol member)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var initializer = reference.GetSyntax() switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                _ => null,
            };
            if (initializer is not null)
            {
                return initializer;
            }
        }

        return null;
    }

    private static ITypeSymbol? MemberType(ISymbol member) => member switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };

    /// <summary>Literals, string concatenation of literals, and enum members combined with | &amp; ^ ~, read from syntax.</summary>
    private static bool TryEvaluate(ExpressionSyntax expression, ITypeSymbol? type, int depth, out object? value)
    {
        value = null;
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (expression)
        {
            case LiteralExpressionSyntax literal when !literal.IsKind(SyntaxKind.DefaultLiteralExpression):
                value = literal.Token.Value;
                return true;
            case ParenthesizedExpressionSyntax parenthesized:
                return TryEvaluate(parenthesized.Expression, type, depth + 1, out value);
            case CastExpressionSyntax cast:
                return TryEvaluate(cast.Expression, type, depth + 1, out value);
            case MemberAccessExpressionSyntax access when type is INamedTypeSymbol { TypeKind: TypeKind.Enum }:
                return TryGetEnumMember(type, access.Name.Identifier.ValueText, out value);
            case IdentifierNameSyntax identifier when type is INamedTypeSymbol { TypeKind: TypeKind.Enum }:
                return TryGetEnumMember(type, identifier.Identifier.ValueText, out value);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax { Token.Value: int number } }:
                value = -number;
                return true;
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.BitwiseNotExpression):
                if (TryEvaluate(unary.Operand, type, depth + 1, out var operand) && AsLong(operand) is { } bits)
                {
                    value = ~bits;
                    return true;
                }

                return false;
            case BinaryExpressionSyntax binary:
                if (!TryEvaluate(binary.Left, type, depth + 1, out var left) || !TryEvaluate(binary.Right, type, depth + 1, out var right))
                {
                    return false;
                }

                if (binary.IsKind(SyntaxKind.AddExpression) && left is string && right is string)
                {
                    value = (string)left + (string)right;
                    return true;
                }

                if (AsLong(left) is not { } l || AsLong(right) is not { } r)
                {
                    return false;
                }

                value = binary.Kind() switch
                {
                    SyntaxKind.BitwiseOrExpression => l | r,
                    SyntaxKind.BitwiseAndExpression => l & r,
                    SyntaxKind.ExclusiveOrExpression => l ^ r,
                    _ => null,
                };
                return value is not null;
            default:
                return false;
        }
    }

    private static bool TryGetEnumMember(ITypeSymbol enumType, string name, out object? value)
    {
        foreach (var member in enumType.GetMembers(name))
        {
            if (member is IFieldSymbol { HasConstantValue: true } field)
            {
                value = field.ConstantValue;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>An integral constant (an enum's underlying value) as a long, or null.</summary>
    public static long? AsLong(object? value) => value switch
    {
        int i => i,
        long l => l,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        ushort us => us,
        uint ui => ui,
        ulong ul => unchecked((long)ul),
        _ => null,
    };
}
