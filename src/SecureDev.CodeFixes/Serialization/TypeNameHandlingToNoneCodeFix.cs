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
/// SD6001: sets Newtonsoft.Json's TypeNameHandling to None where it is written in place: an assignment or initializer
/// (<c>|=</c> becomes <c>= None</c>) and an attribute argument. The deserializer then reads no type names, which is what
/// the declared types already describe. No fix is offered for a value through a local, constant or field, nor for the
/// formatters (replacing BinaryFormatter means choosing a new format).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TypeNameHandlingToNoneCodeFix))]
[Shared]
public sealed class TypeNameHandlingToNoneCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "SD6001.TypeNameHandlingNone";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.UnsafeDeserialization.Id);

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
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var (original, value) = node switch
            {
                AssignmentExpressionSyntax assignment => ((SyntaxNode)assignment, assignment.Right),
                AttributeArgumentSyntax { NameEquals: not null } argument => (argument, argument.Expression),
                _ => (null!, null!),
            };
            if (value is null
                || model.GetTypeInfo(value, context.CancellationToken).Type is not { Name: "TypeNameHandling" } type
                || !EnumSettingReplacement.IsWrittenInPlace(value, model, "TypeNameHandling", context.CancellationToken))
            {
                continue;
            }

            var none = EnumSettingReplacement.Member(type, "None").WithTriviaFrom(value);
            SyntaxNode replacement = original is AssignmentExpressionSyntax compound && !compound.IsKind(SyntaxKind.SimpleAssignmentExpression)
                ? SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    compound.Left,
                    SyntaxFactory.Token(compound.OperatorToken.LeadingTrivia, SyntaxKind.EqualsToken, compound.OperatorToken.TrailingTrivia),
                    none)
                : original.ReplaceNode(value, none);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Set TypeNameHandling to None",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(original, replacement))),
                    EquivalenceKey),
                diagnostic);
        }
    }
}
