using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureDev.Analyzers.Rules;
using SecureDev.CodeFixes.Common;

namespace SecureDev.CodeFixes.Serialization;

/// <summary>
/// SD6002: sets an XmlResolver property to <c>null</c>, the .NET default, where a fetching resolver was assigned (also
/// in an object initializer): external entities and documents are then not fetched. Offered only for assignments to a
/// property that accepts null (the System.Xml properties do); not for arguments, where <c>null</c> could make the call
/// ambiguous, nor where the property is declared non-nullable.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(XmlResolverToNullCodeFix))]
[Shared]
public sealed class XmlResolverToNullCodeFix : NodeReplacementCodeFix
{
    public const string EquivalenceKey = "SD6002.XmlResolverNull";

    public XmlResolverToNullCodeFix()
        : base(RuleCatalog.XmlExternalEntities.Id, "Set the XmlResolver to null", EquivalenceKey)
    {
    }

    protected override (SyntaxNode Original, SyntaxNode Replacement)? Replace(SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (node is not ExpressionSyntax value
            || value.Parent is not AssignmentExpressionSyntax assignment
            || assignment.Right != value
            || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
            || model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is not IPropertySymbol { Type: { } type }
            || !IsResolverType(type)
            || type.NullableAnnotation == NullableAnnotation.NotAnnotated)
        {
            return null;
        }

        return (value, SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression).WithTriviaFrom(value));
    }

    private static bool IsResolverType(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "XmlResolver" && current.ContainingNamespace?.ToDisplayString() == "System.Xml")
            {
                return true;
            }
        }

        return false;
    }
}
