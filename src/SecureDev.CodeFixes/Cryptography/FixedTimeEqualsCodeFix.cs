using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Rules;
using SecureDev.CodeFixes.Common;

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
public sealed class FixedTimeEqualsCodeFix : NodeReplacementCodeFix
{
    public const string EquivalenceKey = "SD1009.FixedTimeEquals";

    public FixedTimeEqualsCodeFix()
        : base(RuleCatalog.TimingUnsafeComparison.Id, "Use CryptographicOperations.FixedTimeEquals", EquivalenceKey)
    {
    }

    protected override SyntaxNode? Rewrite(SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        diagnostic.Properties.ContainsKey(TimingUnsafeComparisonAnalyzer.FixProperty)
        && model.Compilation.GetTypeByMetadataName("System.Security.Cryptography.CryptographicOperations") is not null
        && Comparison(node, model, cancellationToken) is { } replacement
            ? replacement.WithTriviaFrom(node)
            : null;

    private static ExpressionSyntax? Comparison(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
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
