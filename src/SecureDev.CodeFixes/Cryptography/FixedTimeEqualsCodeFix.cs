using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Rules;

namespace SecureDev.CodeFixes.Cryptography;

/// <summary>
/// SD1009: turns <c>a == b</c>, <c>a != b</c> and <c>a.SequenceEqual(b)</c> on byte arrays and byte spans into
/// <c>CryptographicOperations.FixedTimeEquals(a, b)</c> (negated for <c>!=</c>). The analyzer marks the comparisons
/// where that is exact: both sides are byte[], Span&lt;byte&gt; or ReadOnlySpan&lt;byte&gt; and no comparer is given.
/// Strings are not rewritten: turning text into bytes needs an encoding decision and changes how null compares.
/// <c>==</c> on arrays compared references; the fixed code compares contents, which is what such code meant.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FixedTimeEqualsCodeFix))]
[Shared]
public sealed class FixedTimeEqualsCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "SD1009.FixedTimeEquals";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.TimingUnsafeComparison.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model?.Compilation.GetTypeByMetadataName("System.Security.Cryptography.CryptographicOperations") is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(TimingUnsafeComparisonAnalyzer.FixProperty))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (Rewrite(node, model, context.CancellationToken) is { } replacement)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use CryptographicOperations.FixedTimeEquals",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node, replacement.WithTriviaFrom(node)))),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static ExpressionSyntax? Rewrite(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression):
                return FixedTimeEquals(binary.Left, binary.Right);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.NotEqualsExpression):
                return SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, FixedTimeEquals(binary.Left, binary.Right));
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments: { Count: 1 } one }
                when model.GetSymbolInfo(node, cancellationToken).Symbol is IMethodSymbol { ReducedFrom: not null }:
                return FixedTimeEquals(access.Expression, one[0].Expression);
            case InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 2 } two } when two.All(a => a.NameColon is null):
                return FixedTimeEquals(two[0].Expression, two[1].Expression);
            default:
                return null;
        }
    }

    private static InvocationExpressionSyntax FixedTimeEquals(ExpressionSyntax left, ExpressionSyntax right) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.ParseExpression("System.Security.Cryptography.CryptographicOperations.FixedTimeEquals").WithAdditionalAnnotations(Simplifier.Annotation),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
            {
                SyntaxFactory.Argument(left.WithoutTrivia()),
                SyntaxFactory.Argument(right.WithoutTrivia()),
            })));
}
