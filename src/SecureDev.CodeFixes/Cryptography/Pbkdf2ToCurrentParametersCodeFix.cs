using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Rules;
using SecureDev.CodeFixes.Common;

namespace SecureDev.CodeFixes.Cryptography;

/// <summary>
/// SD1007: brings PBKDF2 to current parameters, SHA-256 with 600,000 iterations (OWASP 2023). The Rfc2898DeriveBytes
/// constructors get the iteration count and hash they were missing (also leaving the obsolete SHA-1 overloads),
/// Rfc2898DeriveBytes.Pbkdf2 and KeyDerivation.Pbkdf2 get SHA-256 for SHA-1 and 600,000 for a smaller literal count,
/// and a literal IterationCount becomes 600,000. Where the weak part is held by a constant, field or local, the fix
/// would have to change code other callers may share, so it is not offered. Changing the parameters changes the
/// derived bytes: stored password hashes must be re-derived at the next login, and derived keys re-made.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Pbkdf2ToCurrentParametersCodeFix))]
[Shared]
public sealed class Pbkdf2ToCurrentParametersCodeFix : NodeReplacementCodeFix
{
    public const string EquivalenceKey = "SD1007.CurrentPbkdf2Parameters";

    public Pbkdf2ToCurrentParametersCodeFix()
        : base(RuleCatalog.WeakKeyDerivation.Id, "Use SHA-256 with 600,000 iterations", EquivalenceKey)
    {
    }

    protected override SyntaxNode? Rewrite(SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        Plan(node, model, cancellationToken);

    private static SyntaxNode? Plan(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        // rfc.IterationCount = 1000 / options.IterationCount = 10_000
        if (node is LiteralExpressionSyntax literal)
        {
            return literal.IsKind(SyntaxKind.NumericLiteralExpression)
                   && literal.Parent is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IterationCount" } or IdentifierNameSyntax { Identifier.ValueText: "IterationCount" } }
                ? Iterations().WithTriviaFrom(literal)
                : null;
        }

        var (arguments, argumentList) = model.GetOperation(node, cancellationToken) switch
        {
            IObjectCreationOperation creation when node is BaseObjectCreationExpressionSyntax { ArgumentList: { } list } => (creation.Arguments, list),
            IInvocationOperation invocation when node is InvocationExpressionSyntax { ArgumentList: { } list } => (invocation.Arguments, list),
            _ => (ImmutableArray<IArgumentOperation>.Empty, null),
        };
        if (argumentList is null || arguments.IsEmpty)
        {
            return null;
        }

        var hash = Passed(arguments, "hashAlgorithm") ?? Passed(arguments, "prf");
        var count = Passed(arguments, "iterations") ?? Passed(arguments, "iterationCount");
        var isConstructor = node is BaseObjectCreationExpressionSyntax;
        if (!isConstructor && (hash is null || count is null))
        {
            return null;
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();

        // The hash: a constructor without one gets SHA-256; SHA-1 written in place becomes SHA-256; SHA-1 held
        // elsewhere (a local, a field) cannot be changed here.
        var hashChanges = hash is null;
        if (hash is not null && IsWeakHash(hash.Value, model))
        {
            var expression = ((ArgumentSyntax)hash.Syntax).Expression;
            if (SecureMember(hash.Value) is not { } replacement)
            {
                return null;
            }

            replacements[expression] = replacement.WithTriviaFrom(expression);
            hashChanges = true;
        }

        // The count: a literal below the floor, or below 600,000 where the hash changes to SHA-256, becomes 600,000;
        // a weak count held elsewhere cannot be changed here.
        if (count is not null
            && ValueFlow.TryGetConstant(count.Value, out var constant) && constant is int iterations
            && (iterations < WeakKeyDerivationAnalyzer.MinimumIterations || (hashChanges && iterations < WeakKeyDerivationAnalyzer.RecommendedIterations)))
        {
            var expression = ((ArgumentSyntax)count.Syntax).Expression;
            if (expression is LiteralExpressionSyntax)
            {
                replacements[expression] = Iterations().WithTriviaFrom(expression);
            }
            else if (iterations < WeakKeyDerivationAnalyzer.MinimumIterations)
            {
                return null;
            }
        }

        // Constructor overloads without an iteration count or hash: add what is missing, in parameter order.
        var added = new List<ArgumentSyntax>();
        var named = argumentList.Arguments.Any(a => a.NameColon is not null);
        if (isConstructor && count is null)
        {
            added.Add(Argument("iterations", Iterations(), named));
        }

        if (isConstructor && hash is null)
        {
            added.Add(Argument("hashAlgorithm", Sha256(), named));
        }

        if (replacements.Count == 0 && added.Count == 0)
        {
            return null;
        }

        var newList = argumentList.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
        newList = newList.WithArguments(newList.Arguments.AddRange(added));
        return node.ReplaceNode(argumentList, newList);
    }

    /// <summary>The argument given for <paramref name="parameter"/>, or null when the call leaves it to a default.</summary>
    private static IArgumentOperation? Passed(ImmutableArray<IArgumentOperation> arguments, string parameter) =>
        arguments.FirstOrDefault(a => a.Parameter?.Name == parameter && a.ArgumentKind != ArgumentKind.DefaultValue && a.Syntax is ArgumentSyntax);

    private static bool IsWeakHash(IOperation value, SemanticModel model)
    {
        var stripped = value.WithoutConversions();
        if (stripped.Type?.Name == "KeyDerivationPrf")
        {
            return ValueFlow.TryGetConstant(stripped, out var prf) && prf is int number && number == 0;
        }

        return WeakKeyDerivationAnalyzer.WeakHashName(stripped, model.Compilation.GetTypeByMetadataName("System.Security.Cryptography.HashAlgorithmName")) is not null;
    }

    /// <summary>HashAlgorithmName.SHA1 or KeyDerivationPrf.HMACSHA1 written in place: its SHA-256 sibling; null for anything else.</summary>
    private static ExpressionSyntax? SecureMember(IOperation value) => value.WithoutConversions() switch
    {
        IPropertyReferenceOperation { Property.IsStatic: true } when value.WithoutConversions().Syntax is MemberAccessExpressionSyntax => Sha256(),
        IFieldReferenceOperation { Field.HasConstantValue: true } when value.WithoutConversions().Syntax is MemberAccessExpressionSyntax => KeyDerivationPrfSha256(),
        _ => null,
    };

    private static ArgumentSyntax Argument(string name, ExpressionSyntax value, bool named) => named
        ? SyntaxFactory.Argument(SyntaxFactory.NameColon(name), default, value)
        : SyntaxFactory.Argument(value);

    private static ExpressionSyntax Iterations() =>
        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal("600_000", WeakKeyDerivationAnalyzer.RecommendedIterations));

    private static ExpressionSyntax Sha256() =>
        SyntaxFactory.ParseExpression("System.Security.Cryptography.HashAlgorithmName.SHA256").WithAdditionalAnnotations(Simplifier.Annotation);

    private static ExpressionSyntax KeyDerivationPrfSha256() =>
        SyntaxFactory.ParseExpression("Microsoft.AspNetCore.Cryptography.KeyDerivation.KeyDerivationPrf.HMACSHA256").WithAdditionalAnnotations(Simplifier.Annotation);
}
