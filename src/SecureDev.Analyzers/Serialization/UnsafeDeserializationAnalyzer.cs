using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Serialization;

/// <summary>
/// Deserializers that take the types to build from the payload: creating BinaryFormatter, SoapFormatter,
/// NetDataContractSerializer, LosFormatter or ObjectStateFormatter, a JavaScriptSerializer with a type resolver, and
/// Newtonsoft.Json's TypeNameHandling set to anything but None, by assignment, object initializer or attribute
/// (JsonProperty, JsonObject, JsonArray ItemTypeNameHandling). A TypeNameHandling that is not a constant (read from
/// configuration) is a decision made elsewhere and stays quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsafeDeserializationAnalyzer : SecureDevAnalyzer
{
    private static readonly string[] TypeNamingFormatters =
    {
        "System.Runtime.Serialization.Formatters.Binary.BinaryFormatter",
        "System.Runtime.Serialization.Formatters.Soap.SoapFormatter",
        "System.Runtime.Serialization.NetDataContractSerializer",
        "System.Web.UI.LosFormatter",
        "System.Web.UI.ObjectStateFormatter",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.UnsafeDeserialization);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var formatters = TypeSet.Resolve(context.Compilation, TypeNamingFormatters);
        var javaScriptSerializer = context.Compilation.GetTypeByMetadataName("System.Web.Script.Serialization.JavaScriptSerializer");
        if (!formatters.IsEmpty || javaScriptSerializer is not null)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var creation = (IObjectCreationOperation)c.Operation;
                    if (formatters.Contains(creation.Type, out var formatter))
                    {
                        Report(c, creation.Syntax, formatter.Name);
                    }
                    else if (javaScriptSerializer is not null
                             && SymbolEqualityComparer.Default.Equals(creation.Type, javaScriptSerializer)
                             && creation.Arguments.Any(a => a.Value.WithoutConversions() is not ILiteralOperation { ConstantValue.Value: null }))
                    {
                        Report(c, creation.Syntax, "JavaScriptSerializer with a type resolver");
                    }
                },
                OperationKind.ObjectCreation);
        }

        var typeNameHandling = context.Compilation.GetTypeByMetadataName("Newtonsoft.Json.TypeNameHandling");
        if (typeNameHandling is null)
        {
            return;
        }

        context.RegisterOperationAction(
            c =>
            {
                var assignment = (ISimpleAssignmentOperation)c.Operation;

                // Attribute arguments are operations only on newer compilers; the symbol action below covers them on all.
                if (assignment.Syntax is not AttributeArgumentSyntax
                    && SymbolEqualityComparer.Default.Equals(assignment.Target.Type, typeNameHandling)
                    && UnsafeValue(assignment.Value.ConstantValue, typeNameHandling) is { } name)
                {
                    Report(c, assignment.Syntax, "TypeNameHandling." + name);
                }
            },
            OperationKind.SimpleAssignment);

        context.RegisterSymbolAction(
            c =>
            {
                foreach (var attribute in c.Symbol.GetAttributes())
                {
                    foreach (var argument in attribute.NamedArguments)
                    {
                        if (SymbolEqualityComparer.Default.Equals(argument.Value.Type, typeNameHandling)
                            && UnsafeValue(argument.Value.Value, typeNameHandling) is { } name
                            && attribute.ApplicationSyntaxReference is { } syntax)
                        {
                            Report(c.ReportDiagnostic, syntax.GetSyntax(c.CancellationToken), argument.Key + " = TypeNameHandling." + name);
                        }
                    }
                }
            },
            SymbolKind.NamedType,
            SymbolKind.Property,
            SymbolKind.Field);
    }

    /// <summary>The enum member's name when the constant is a TypeNameHandling other than None (0).</summary>
    private static string? UnsafeValue(object? constant, INamedTypeSymbol typeNameHandling) => constant switch
    {
        Optional<object?> { HasValue: true, Value: int value } when value != 0 => NameOf(value, typeNameHandling),
        int value when value != 0 => NameOf(value, typeNameHandling),
        _ => null,
    };

    private static string NameOf(int value, INamedTypeSymbol enumType)
    {
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: int constant } && constant == value)
            {
                return member.Name;
            }
        }

        return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Report(OperationAnalysisContext context, SyntaxNode syntax, string what) =>
        Report(context.ReportDiagnostic, syntax, what);

    private static void Report(Action<Diagnostic> report, SyntaxNode syntax, string what) =>
        report(Diagnostic.Create(RuleCatalog.UnsafeDeserialization, syntax.GetLocation(), what));
}
