using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace SecureDev.CodeFixes.Serialization;

/// <summary>
/// Shared by the fixes that set an enum setting to its safe member (TypeNameHandling.None, DtdProcessing.Prohibit):
/// whether a value is written in place from that enum's members, and the replacement member access.
/// </summary>
internal static class EnumSettingReplacement
{
    /// <summary>
    /// True when <paramref name="value"/> is written from members of the enum <paramref name="enumName"/> (or a cast
    /// constant of it), joined by <c>|</c>. A value through a local, constant or field is not: replacing it at the use
    /// would leave the declaration unused (a warning, an error under TreatWarningsAsErrors) and may serve other uses.
    /// </summary>
    public static bool IsWrittenInPlace(ExpressionSyntax value, SemanticModel model, string enumName, CancellationToken cancellationToken)
    {
        switch (value)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return IsWrittenInPlace(parenthesized.Expression, model, enumName, cancellationToken);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.BitwiseOrExpression):
                return IsWrittenInPlace(binary.Left, model, enumName, cancellationToken) && IsWrittenInPlace(binary.Right, model, enumName, cancellationToken);
            case CastExpressionSyntax cast:
                return model.GetConstantValue(cast, cancellationToken).HasValue && model.GetTypeInfo(cast, cancellationToken).Type?.Name == enumName;
            case MemberAccessExpressionSyntax or IdentifierNameSyntax:
                return model.GetSymbolInfo(value, cancellationToken).Symbol is IFieldSymbol { HasConstantValue: true, ContainingType: { TypeKind: TypeKind.Enum } type }
                       && type.Name == enumName;
            default:
                return false;
        }
    }

    /// <summary><c>global::Namespace.Enum.Member</c>, annotated so that the simplifier writes it as the file's usings allow.</summary>
    public static ExpressionSyntax Member(ITypeSymbol enumType, string member) =>
        SyntaxFactory.ParseExpression(enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + member)
            .WithAdditionalAnnotations(Simplifier.Annotation);
}
