using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SecureDev.CodeFixes.Common;

/// <summary>
/// The shape most SecureDev fixes share: find the reported node, decide from syntax and semantics whether a safe
/// replacement exists (no fix otherwise), and replace one node: the reported one (override <see cref="Rewrite"/>) or one
/// near it (override <see cref="Replace"/>). Fix-all is the batch fixer, which merges the independent replacements of a
/// document.
/// </summary>
public abstract class NodeReplacementCodeFix : CodeFixProvider
{
    private readonly string _title;
    private readonly string _equivalenceKey;

    protected NodeReplacementCodeFix(string diagnosticId, string title, string equivalenceKey)
    {
        FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
        _title = title;
        _equivalenceKey = equivalenceKey;
    }

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
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
            if (Replace(node, model, diagnostic, context.CancellationToken) is ({ } original, { } replacement))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(_title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(original, replacement))), _equivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The node to replace and its replacement for the reported <paramref name="node"/>, or null when no safe fix exists.</summary>
    protected virtual (SyntaxNode Original, SyntaxNode Replacement)? Replace(SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        Rewrite(node, model, diagnostic, cancellationToken) is { } replacement ? (node, replacement) : null;

    /// <summary>The replacement of the reported <paramref name="node"/> itself, or null when no safe fix exists.</summary>
    protected virtual SyntaxNode? Rewrite(SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) => null;
}
