using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureDev.Analyzers.Rules;
using SecureDev.CodeFixes.Common;

namespace SecureDev.CodeFixes.Serialization;

/// <summary>
/// SD6001: sets Newtonsoft.Json's TypeNameHandling to None where it is written in place: an assignment or initializer
/// (<c>|=</c> becomes <c>= None</c>) and an attribute argument. The deserializer then reads no type names, which is what
/// the declared types already describe. No fix is offered for a value through a local, constant or field, nor for the
/// formatters (replacing BinaryFormatter means choosing a new format).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TypeNameHandlingToNoneCodeFix))]
[Shared]
public sealed class TypeNameHandlingToNoneCodeFix : NodeReplacementCodeFix
{
    public const string EquivalenceKey = "SD6001.TypeNameHandlingNone";

    public TypeNameHandlingToNoneCodeFix()
        : base(RuleCatalog.UnsafeDeserialization.Id, "Set TypeNameHandling to None", EquivalenceKey)
    {
    }

    protected override (SyntaxNode Original, SyntaxNode Replacement)? Replace(SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var (original, value) = node switch
        {
            AssignmentExpressionSyntax assignment => ((SyntaxNode)assignment, assignment.Right),
            AttributeArgumentSyntax { NameEquals: not null } argument => (argument, argument.Expression),
            _ => (null!, null!),
        };
        if (value is null
            || model.GetTypeInfo(value, cancellationToken).Type is not { Name: "TypeNameHandling" } type
            || !EnumSettingReplacement.IsWrittenInPlace(value, model, "TypeNameHandling", cancellationToken))
        {
            return null;
        }

        var none = EnumSettingReplacement.Member(type, "None").WithTriviaFrom(value);
        if (original is AssignmentExpressionSyntax compound && !compound.IsKind(SyntaxKind.SimpleAssignmentExpression))
        {
            var equals = SyntaxFactory.Token(compound.OperatorToken.LeadingTrivia, SyntaxKind.EqualsToken, compound.OperatorToken.TrailingTrivia);
            return (compound, SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, compound.Left, equals, none));
        }

        return (original, original.ReplaceNode(value, none));
    }
}
