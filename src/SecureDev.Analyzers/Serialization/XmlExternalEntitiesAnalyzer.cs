using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Serialization;

/// <summary>
/// XML parsers configured to process DTDs or to fetch external resources: <c>DtdProcessing.Parse</c> (and the obsolete
/// <c>ProhibitDtd = false</c>) on XmlReaderSettings or XmlTextReader; an XmlResolver that fetches (an XmlUrlResolver,
/// <c>XmlResolver.FileSystemResolver</c>, any resolver class but the inert XmlSecureResolver) given to XmlDocument,
/// XmlReaderSettings, XmlTextReader, XmlSchemaSet or an XSLT transform; and XSLT settings that enable scripts or
/// <c>document()</c> (<c>XsltSettings.TrustedXslt</c>, <c>new XsltSettings(true, ...)</c>, <c>EnableScript = true</c>).
/// Values are followed through locals, constants and static readonly members. The .NET defaults (DTDs prohibited by
/// XmlReader.Create, no resolver on XmlDocument and XmlTextReader) are safe and stay quiet, as do a resolver from
/// elsewhere (a parameter or field: decided by the caller), null, <c>XmlResolver.ThrowingResolver</c>, and
/// <c>DtdProcessing.Parse</c> in an initializer that also caps <c>MaxCharactersFromEntities</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class XmlExternalEntitiesAnalyzer : SecureDevAnalyzer
{
    /// <summary>DtdProcessing.Parse.</summary>
    private const long Parse = 2;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.XmlExternalEntities);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var dtdProcessing = context.Compilation.GetTypeByMetadataName("System.Xml.DtdProcessing");
        var resolver = context.Compilation.GetTypeByMetadataName("System.Xml.XmlResolver");
        if (dtdProcessing is null || resolver is null)
        {
            return;
        }

        var xsltSettings = context.Compilation.GetTypeByMetadataName("System.Xml.Xsl.XsltSettings");
        SettingSinks.Register(
            context,
            type => type.SpecialType == SpecialType.System_Boolean || type.IsSameAs(dtdProcessing) || type.IsSameAs(resolver) || type.IsSameAs(xsltSettings),
            (c, sink) => Judge(c, sink, dtdProcessing, resolver),
            SettingSinkKinds.Assignment | SettingSinkKinds.Argument | SettingSinkKinds.Initializer);
    }

    private static void Judge(OperationAnalysisContext context, SettingSink sink, INamedTypeSymbol dtdProcessing, INamedTypeSymbol resolver)
    {
        var type = sink.TargetType;
        if (type?.SpecialType == SpecialType.System_Boolean)
        {
            JudgeFlag(context, sink);
        }
        else if (SymbolEqualityComparer.Default.Equals(type, dtdProcessing))
        {
            if (ValueFlow.TryGetConstant(sink.Value, out var constant) && ValueFlow.AsLong(constant) == Parse && !CapsEntityExpansion(sink))
            {
                Report(context, sink.Value, $"'{sink.Describe()} = DtdProcessing.Parse' expands DTD entities", "use DtdProcessing.Prohibit, or cap MaxCharactersFromEntities where the documents need a DTD");
            }
        }
        else if (SymbolEqualityComparer.Default.Equals(type, resolver))
        {
            // A resolver that wraps another (XmlSecureResolver, a product's allow-list resolver) decides what it lets through.
            if (sink.Target is IParameterSymbol { ContainingType: { } wrapper } && wrapper.IsOrDerivesFrom(resolver))
            {
                return;
            }

            if (FetchingResolver(ValueFlow.Source(sink.Value), resolver) is { } name)
            {
                Report(context, sink.Value, $"'{sink.Describe()}' is given {name}, which fetches external entities and documents", "leave the resolver null (the .NET default) or use XmlResolver.ThrowingResolver");
            }
        }
        else if (ValueFlow.Source(sink.Value) is IPropertyReferenceOperation { Property: { Name: "TrustedXslt", IsStatic: true } })
        {
            Report(context, sink.Value, "'XsltSettings.TrustedXslt' enables embedded scripts and document()", "use XsltSettings.Default");
        }
    }

    /// <summary>ProhibitDtd = false; EnableScript/EnableDocumentFunction = true and the XsltSettings constructor's arguments.</summary>
    private static void JudgeFlag(OperationAnalysisContext context, SettingSink sink)
    {
        var name = sink.Target.Name;
        bool unsafeValue;
        switch (name)
        {
            case "ProhibitDtd":
                unsafeValue = false;
                break;
            case "EnableScript" or "EnableDocumentFunction" or "enableScript" or "enableDocumentFunction" when sink.Target.ContainingType?.Name == "XsltSettings"
                                                                                                       || (sink.Target.ContainingSymbol as IMethodSymbol)?.ContainingType.Name == "XsltSettings":
                unsafeValue = true;
                break;
            default:
                return;
        }

        if (ValueFlow.TryGetConstant(sink.Value, out var constant) && constant is bool flag && flag == unsafeValue)
        {
            var feature = name.EndsWith("cript", StringComparison.Ordinal) ? "embedded scripts" : name == "ProhibitDtd" ? "DTD processing" : "document()";
            var advice = name == "ProhibitDtd" ? "use DtdProcessing.Prohibit" : "use XsltSettings.Default";
            Report(context, sink.Value, $"'{sink.Describe()} = {(unsafeValue ? "true" : "false")}' enables {feature}", advice);
        }
    }

    /// <summary>How a message names a resolver that fetches, or null for null, ThrowingResolver, XmlSecureResolver and values from elsewhere.</summary>
    private static string? FetchingResolver(IOperation value, INamedTypeSymbol resolver)
    {
        switch (value)
        {
            case IObjectCreationOperation { Type: { } type } when type.Name != "XmlSecureResolver" && type.IsOrDerivesFrom(resolver):
                return "a new " + type.Name;
            case IPropertyReferenceOperation { Property: { Name: "FileSystemResolver", IsStatic: true } property } when SymbolEqualityComparer.Default.Equals(property.ContainingType, resolver):
                return "XmlResolver.FileSystemResolver";
            default:
                // A static readonly member initialized with a resolver in another file: judged from its initializer.
                return ValueFlow.StaticReadonlyMember(value) is { } member && ValueFlow.InitializerSyntax(member) is { } initializer
                    ? initializer switch
                    {
                        ObjectCreationExpressionSyntax { Type: var created } when LastName(created) is { } typeName && typeName != "XmlSecureResolver" => "a new " + typeName,
                        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FileSystemResolver" } => "XmlResolver.FileSystemResolver",
                        _ => null,
                    }
                    : null;
        }
    }

    private static string? LastName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        _ => null,
    };

    /// <summary>DtdProcessing.Parse in an object initializer that also sets MaxCharactersFromEntities to a non-zero constant.</summary>
    private static bool CapsEntityExpansion(SettingSink sink)
    {
        if (sink.Operation.Parent is not IObjectOrCollectionInitializerOperation initializer)
        {
            return false;
        }

        foreach (var member in initializer.Initializers)
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "MaxCharactersFromEntities" } } cap
                && ValueFlow.TryGetConstant(cap.Value, out var limit) && ValueFlow.AsLong(limit) is > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static void Report(OperationAnalysisContext context, IOperation value, string what, string advice) =>
        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.XmlExternalEntities, value.Syntax.GetLocation(), what, advice));
}
