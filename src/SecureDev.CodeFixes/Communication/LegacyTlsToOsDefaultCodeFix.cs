using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using SecureDev.Analyzers.Communication;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;
using SecureDev.CodeFixes.Common;

namespace SecureDev.CodeFixes.Communication;

/// <summary>
/// SD2004: removes SSL 2/3 and TLS 1.0/1.1 from a protocol value written in place. A combination that still names a
/// modern version keeps only those (<c>Tls11 | Tls12</c> becomes <c>Tls12</c>): it narrows what was allowed and cannot
/// newly enable anything. A value that names only legacy versions becomes the operating system's default
/// (<c>SslProtocols.None</c>, <c>SecurityProtocolType.SystemDefault</c>), which is Microsoft's advice and lets TLS 1.3 in
/// where the OS supports it. No fix is offered for a value that arrives through a local, constant or field (the fix
/// belongs where it is written, which may serve other uses), nor for <c>|= legacy</c>, whose OS-default form would do nothing.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LegacyTlsToOsDefaultCodeFix))]
[Shared]
public sealed class LegacyTlsToOsDefaultCodeFix : NodeReplacementCodeFix
{
    public const string EquivalenceKey = "SD2004.RemoveLegacyTls";

    public LegacyTlsToOsDefaultCodeFix()
        : base(RuleCatalog.LegacyTlsProtocol.Id, "Remove SSL 3.0, TLS 1.0 and TLS 1.1 (use the OS default)", EquivalenceKey)
    {
    }

    protected override (SyntaxNode Original, SyntaxNode Replacement)? Replace(SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (node is not ExpressionSyntax value)
        {
            return null;
        }

        // The reported value may sit in parentheses that become pointless once it is one member.
        while (value.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            value = parenthesized;
        }

        return Replacement(value, model, cancellationToken) is { } replacement ? (value, replacement.WithTriviaFrom(value)) : null;
    }

    private static ExpressionSyntax? Replacement(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetTypeInfo(value, cancellationToken).Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } type
            || type.Name is not ("SslProtocols" or "SecurityProtocolType"))
        {
            return null;
        }

        var kept = new List<ExpressionSyntax>();
        if (!CollectModern(value, model, cancellationToken, kept))
        {
            return null;
        }

        if (kept.Count > 0)
        {
            var combined = kept[0].WithoutTrivia();
            for (var i = 1; i < kept.Count; i++)
            {
                combined = SyntaxFactory.BinaryExpression(SyntaxKind.BitwiseOrExpression, combined, kept[i].WithoutTrivia());
            }

            return combined;
        }

        if (value.Parent is AssignmentExpressionSyntax assignment && assignment.IsKind(SyntaxKind.OrAssignmentExpression))
        {
            return null;
        }

        var osDefault = type.Name == "SslProtocols" ? "None" : "SystemDefault";
        return SyntaxFactory.ParseExpression(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + osDefault)
            .WithAdditionalAnnotations(Simplifier.Annotation);
    }

    /// <summary>
    /// True when <paramref name="expression"/> is written from enum members (or a cast constant) joined by <c>|</c>;
    /// the members without legacy bits are added to <paramref name="kept"/>.
    /// </summary>
    private static bool CollectModern(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken, List<ExpressionSyntax> kept)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return CollectModern(parenthesized.Expression, model, cancellationToken, kept);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.BitwiseOrExpression):
                return CollectModern(binary.Left, model, cancellationToken, kept) && CollectModern(binary.Right, model, cancellationToken, kept);
            case CastExpressionSyntax cast when ValueFlow.AsLong(model.GetConstantValue(cast, cancellationToken).Value) is { } castBits:
                if ((castBits & LegacyTlsProtocolAnalyzer.LegacyBits) == 0)
                {
                    if (castBits != 0)
                    {
                        kept.Add(cast);
                    }

                    return true;
                }

                // Legacy and modern bits in one number cannot be split without rewriting it.
                return (castBits & ~LegacyTlsProtocolAnalyzer.LegacyBits) == 0;
            case MemberAccessExpressionSyntax or IdentifierNameSyntax:
                if (model.GetSymbolInfo(expression, cancellationToken).Symbol is not IFieldSymbol { HasConstantValue: true, ContainingType.TypeKind: TypeKind.Enum } member)
                {
                    return false;
                }

                if (ValueFlow.AsLong(member.ConstantValue) is { } bits && bits != 0 && (bits & LegacyTlsProtocolAnalyzer.LegacyBits) == 0)
                {
                    kept.Add(expression);
                }

                return true;
            default:
                return false;
        }
    }
}
