using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureDev.Analyzers.Common;

/// <summary>
/// The value of a <c>static readonly</c> field whose initializer is a constant: a literal (<c>1024</c>, <c>"MD5"</c>),
/// a negated number, or a member of the field's enum type (<c>CipherMode.ECB</c>). Such fields are constants in all
/// but name, and code reaches for them where a <c>const</c> is not allowed. The initializer may be in another file,
/// so it is read from syntax and resolved against the field's own type, without a semantic model.
/// </summary>
internal static class StaticReadonlyConstant
{
    public static bool TryGetValue(IFieldSymbol field, out object? value)
    {
        value = null;
        if (!field.IsStatic || !field.IsReadOnly || field.IsConst)
        {
            return false;
        }

        var references = field.DeclaringSyntaxReferences;
        if (references.Length != 1 || references[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initializer })
        {
            return false;
        }

        return TryEvaluate(initializer, field.Type, out value);
    }

    private static bool TryEvaluate(ExpressionSyntax expression, ITypeSymbol type, out object? value)
    {
        value = null;
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return TryEvaluate(parenthesized.Expression, type, out value);
            case LiteralExpressionSyntax literal when !literal.IsKind(SyntaxKind.NullLiteralExpression) && !literal.IsKind(SyntaxKind.DefaultLiteralExpression):
                value = literal.Token.Value;
                return value is not null;
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax { Token.Value: int number } }:
                value = -number;
                return true;
            case MemberAccessExpressionSyntax access when type.TypeKind == TypeKind.Enum:
                foreach (var member in type.GetMembers(access.Name.Identifier.ValueText))
                {
                    if (member is IFieldSymbol { HasConstantValue: true } constant)
                    {
                        value = constant.ConstantValue;
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
