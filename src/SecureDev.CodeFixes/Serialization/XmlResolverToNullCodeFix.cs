using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureDev.Analyzers.Rules;

namespace SecureDev.CodeFixes.Serialization;

/// <summary>
/// SD6002: sets an XmlResolver property to <c>null</c>, the .NET default, where a fetching resolver was assigned (also
/// in an object initializer): external entities and documents are then not fetched. Offered only for assignments to a
/// property that accepts null (the System.Xml properties do); not for arguments, where <c>null</c> could make the call
/// ambiguous, nor where the property is declared non-nullable.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(XmlResolverToNullCodeFix))]
[Shared]
public sealed class XmlResolverToNullCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "SD6002.XmlResolverNull";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.XmlExternalEntities.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value
                || value.Parent is not AssignmentExpressionSyntax assignment
                || assignment.Right != value
                || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                || model.GetSymbolInfo(assignment.Left, context.CancellationToken).Symbol is not IPropertySymbol { Type: { } type } property
                || !IsResolverType(type)
                || property.Type.NullableAnnotation == NullableAnnotation.NotAnnotated)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Set the XmlResolver to null",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(
                        value,
                        SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression).WithTriviaFrom(value)))),
                    EquivalenceKey),
                diagnostic);
        }
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
