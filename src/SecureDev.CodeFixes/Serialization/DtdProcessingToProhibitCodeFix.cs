using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureDev.Analyzers.Rules;
using SecureDev.CodeFixes.Common;

namespace SecureDev.CodeFixes.Serialization;

/// <summary>
/// SD6002: replaces <c>DtdProcessing.Parse</c> written in place with <c>DtdProcessing.Prohibit</c>, the XmlReader
/// default: a document with a DTD is then rejected instead of expanded. Not offered for a value through a local,
/// constant or field, nor for the resolver and XSLT findings (the resolver has its own fix).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DtdProcessingToProhibitCodeFix))]
[Shared]
public sealed class DtdProcessingToProhibitCodeFix : NodeReplacementCodeFix
{
    public const string EquivalenceKey = "SD6002.DtdProcessingProhibit";

    public DtdProcessingToProhibitCodeFix()
        : base(RuleCatalog.XmlExternalEntities.Id, "Prohibit DTD processing", EquivalenceKey)
    {
    }

    protected override (SyntaxNode Original, SyntaxNode Replacement)? Replace(SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (node is not ExpressionSyntax value
            || model.GetTypeInfo(value, cancellationToken).Type is not { Name: "DtdProcessing" } type
            || !EnumSettingReplacement.IsWrittenInPlace(value, model, "DtdProcessing", cancellationToken))
        {
            return null;
        }

        return (value, EnumSettingReplacement.Member(type, "Prohibit").WithTriviaFrom(value));
    }
}
