using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using SecureDev.Analyzers.Rules;

namespace SecureDev.CodeFixes.Cryptography;

/// <summary>
/// SD1001: replaces MD5 or SHA-1 with SHA-256 (HMAC-MD5/HMAC-SHA1 with HMAC-SHA256): the static APIs
/// (<c>MD5.Create()</c>, <c>SHA1.HashData(x)</c>), constructors (<c>new SHA1Managed()</c>, <c>new HMACSHA1(key)</c>) and
/// <c>HashAlgorithmName.SHA1</c>. When the result is stored in a local or field declared with the weak type, that type
/// changes too; where the weak type is required elsewhere (a parameter, a return type) no fix is offered, because the
/// result would not compile.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeakHashToSha256CodeFix))]
[Shared]
public sealed class WeakHashToSha256CodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "SD1001.UseSha256";

    private const string Namespace = "System.Security.Cryptography.";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.WeakHashAlgorithm.Id);

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
            if (Plan(node, model, context.CancellationToken) is { } plan)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use SHA-256",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(plan.Apply(root))),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static Replacement? Plan(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var (weak, strong) = node switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => (access.Expression, StrongTypeFor(model.GetTypeInfo(access.Expression, cancellationToken).Type)),
            BaseObjectCreationExpressionSyntax creation => (creation, StrongTypeFor(model.GetTypeInfo(creation, cancellationToken).Type)),
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "MD5" or "SHA1" } algorithmName => (algorithmName.Name, "SHA256"),
            _ => (null, null),
        };
        if (weak is null || strong is null)
        {
            return null;
        }

        SyntaxNode replacement = (node, weak) switch
        {
            (MemberAccessExpressionSyntax, _) => SyntaxFactory.IdentifierName(strong),
            (InvocationExpressionSyntax, _) => SyntaxFactory.ParseExpression(Namespace + strong),
            (BaseObjectCreationExpressionSyntax creation, _) when strong == "HMACSHA256" =>
                SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName(Namespace + strong).WithAdditionalAnnotations(Simplifier.Annotation))
                    .WithArgumentList(creation.ArgumentList ?? SyntaxFactory.ArgumentList()),
            _ => SyntaxFactory.ParseExpression(Namespace + strong + ".Create()"),
        };

        // Stored in a declaration: a declared weak type changes with the value (var and base types need nothing).
        // Anywhere else that requires the weak type (a return, a parameter) the fix would not compile.
        TypeSyntax? declaredType = null;
        if (node is ExpressionSyntax { Parent: EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } })
        {
            if (!declaration.Type.IsVar && StrongTypeFor(model.GetTypeInfo(declaration.Type, cancellationToken).Type) is not null)
            {
                declaredType = declaration.Type;
            }
        }
        else if (node is ExpressionSyntax value && StrongTypeFor(model.GetTypeInfo(value, cancellationToken).ConvertedType) is not null)
        {
            return null;
        }

        return new Replacement(weak, replacement.WithTriviaFrom(weak).WithAdditionalAnnotations(Simplifier.Annotation), declaredType, strong);
    }

    /// <summary>The SHA-256 counterpart of a weak hash type, or null when the type is not one.</summary>
    private static string? StrongTypeFor(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.ContainingNamespace?.ToDisplayString() != "System.Security.Cryptography")
            {
                continue;
            }

            switch (current.Name)
            {
                case "MD5" or "SHA1" or "RIPEMD160":
                    return "SHA256";
                case "HMACMD5" or "HMACSHA1" or "HMACRIPEMD160":
                    return "HMACSHA256";
            }
        }

        return null;
    }

    private sealed class Replacement
    {
        private readonly SyntaxNode _weak;
        private readonly SyntaxNode _strong;
        private readonly TypeSyntax? _declaredType;
        private readonly string _strongType;

        public Replacement(SyntaxNode weak, SyntaxNode strong, TypeSyntax? declaredType, string strongType)
        {
            _weak = weak;
            _strong = strong;
            _declaredType = declaredType;
            _strongType = strongType;
        }

        public SyntaxNode Apply(SyntaxNode root)
        {
            if (_declaredType is null)
            {
                return root.ReplaceNode(_weak, _strong);
            }

            var newType = SyntaxFactory.ParseTypeName(Namespace + _strongType).WithTriviaFrom(_declaredType).WithAdditionalAnnotations(Simplifier.Annotation);
            return root.ReplaceNodes(new[] { _weak, _declaredType }, (original, _) => original == _weak ? _strong : newType);
        }
    }
}
