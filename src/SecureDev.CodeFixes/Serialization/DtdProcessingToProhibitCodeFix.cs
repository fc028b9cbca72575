using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureDev.Analyzers.Rules;

namespace SecureDev.CodeFixes.Serialization;

/// <summary>
/// SD6002: replaces <c>DtdProcessing.Parse</c> written in place with <c>DtdProcessing.Prohibit</c>, the XmlReader
/// default: a document with a DTD is then rejected instead of expanded. Not offered for a value through a local,
/// constant or field, nor for the resolver and XSLT findings (the resolver has its own fix).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DtdProcessingToProhibitCodeFix))]
[Shared]
public sealed class DtdProcessingToProhibitCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "SD6002.DtdProcessingProhibit";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.XmlExternalEntities.Id);

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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value
                || model.GetTypeInfo(value, context.CancellationToken).Type is not { Name: "DtdProcessing" } type
                || !EnumSettingReplacement.IsWrittenInPlace(value, model, "DtdProcessing", context.CancellationToken))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Prohibit DTD processing",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(value, EnumSettingReplacement.Member(type, "Prohibit").WithTriviaFrom(value)))),
                    EquivalenceKey),
                diagnostic);
        }
    }
}
