using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Rules;
using SecureDev.CodeFixes.Common;

namespace SecureDev.CodeFixes.Cryptography;

/// <summary>
/// SD1005: sets a short RSA key to 3072 bits, where the size is an integer literal at the finding (<c>RSA.Create(1024)</c>,
/// <c>new RSACng(keySize: 1024)</c>, <c>rsa.KeySize = 1024</c>) or missing from <c>new RSACryptoServiceProvider()</c>.
/// A size held by a constant or field is not changed here (other code may share it), and DSA, short curves and the
/// ignored KeySize of RSACryptoServiceProvider need a decision a fix cannot make: no fix is offered for them.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RsaKeySizeTo3072CodeFix))]
[Shared]
public sealed class RsaKeySizeTo3072CodeFix : NodeReplacementCodeFix
{
    public const string EquivalenceKey = "SD1005.RsaKeySize3072";

    private const int KeySize = 3072;

    public RsaKeySizeTo3072CodeFix()
        : base(RuleCatalog.ShortAsymmetricKey.Id, "Use a 3072-bit RSA key", EquivalenceKey)
    {
    }

    protected override SyntaxNode? Rewrite(SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        (diagnostic.Properties.TryGetValue(ShortAsymmetricKeyAnalyzer.FixProperty, out var kind) ? kind : null, node) switch
        {
            (ShortAsymmetricKeyAnalyzer.ReplaceLiteral, LiteralExpressionSyntax literal) when literal.IsKind(SyntaxKind.NumericLiteralExpression) =>
                SizeLiteral().WithTriviaFrom(literal),
            (ShortAsymmetricKeyAnalyzer.AddArgument, ObjectCreationExpressionSyntax creation) when creation.ArgumentList is null or { Arguments.Count: 0 } =>
                creation.WithArgumentList(SizeArguments(creation.ArgumentList)),
            (ShortAsymmetricKeyAnalyzer.AddArgument, ImplicitObjectCreationExpressionSyntax creation) when creation.ArgumentList.Arguments.Count == 0 =>
                creation.WithArgumentList(SizeArguments(creation.ArgumentList)),
            _ => null,
        };

    private static LiteralExpressionSyntax SizeLiteral() =>
        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(KeySize));

    private static ArgumentListSyntax SizeArguments(ArgumentListSyntax? existing) =>
        (existing ?? SyntaxFactory.ArgumentList()).WithArguments(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SizeLiteral())));
}
