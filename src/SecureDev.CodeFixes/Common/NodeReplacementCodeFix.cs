using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SecureDev.CodeFixes.Common;

/// <summary>
/// A fix that replaces the node a diagnostic points at with one new node, or offers nothing when
/// <see cref="Rewrite"/> returns null (the rewritten code would not compile or not be equivalent). Fix-all is the
/// batch fixer: the replacements of one document do not overlap, because each diagnostic has its own node.
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
            if (Rewrite(node, model, diagnostic, context.CancellationToken) is { } replacement)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(_title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node, replacement))), _equivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The node to put in place of <paramref name="node"/>, or null when no safe rewrite exists.</summary>
    protected abstract SyntaxNode? Rewrite(SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken);
}
