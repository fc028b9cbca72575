using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Rules;

namespace SecureDev.CodeFixes.Cryptography;

/// <summary>
/// SD1005: sets a short RSA key to 3072 bits, where the size is an integer literal at the finding (<c>RSA.Create(1024)</c>,
/// <c>new RSACng(keySize: 1024)</c>, <c>rsa.KeySize = 1024</c>) or missing from <c>new RSACryptoServiceProvider()</c>.
/// A size held by a constant or field is not changed here (other code may share it), and DSA, short curves and the
/// ignored KeySize of RSACryptoServiceProvider need a decision a fix cannot make: no fix is offered for them.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RsaKeySizeTo3072CodeFix))]
[Shared]
public sealed class RsaKeySizeTo3072CodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "SD1005.RsaKeySize3072";

    private const int KeySize = 3072;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.ShortAsymmetricKey.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ShortAsymmetricKeyAnalyzer.FixProperty, out var kind))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            SyntaxNode? replacement = (kind, node) switch
            {
                (ShortAsymmetricKeyAnalyzer.ReplaceLiteral, LiteralExpressionSyntax literal) when literal.IsKind(SyntaxKind.NumericLiteralExpression) =>
                    SizeLiteral().WithTriviaFrom(literal),
                (ShortAsymmetricKeyAnalyzer.AddArgument, ObjectCreationExpressionSyntax creation) when creation.ArgumentList is null or { Arguments.Count: 0 } =>
                    creation.WithArgumentList(SizeArguments(creation.ArgumentList)),
                (ShortAsymmetricKeyAnalyzer.AddArgument, ImplicitObjectCreationExpressionSyntax creation) when creation.ArgumentList.Arguments.Count == 0 =>
                    creation.WithArgumentList(SizeArguments(creation.ArgumentList)),
                _ => null,
            };
            if (replacement is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use a 3072-bit RSA key",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node, replacement))),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static LiteralExpressionSyntax SizeLiteral() =>
        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(KeySize));

    private static ArgumentListSyntax SizeArguments(ArgumentListSyntax? existing) =>
        (existing ?? SyntaxFactory.ArgumentList()).WithArguments(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SizeLiteral())));
}
