using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Serialization;

/// <summary>
/// Deserializers that take the types to build from the payload: creating BinaryFormatter, SoapFormatter,
/// NetDataContractSerializer, LosFormatter or ObjectStateFormatter, a JavaScriptSerializer with a type resolver, and
/// Newtonsoft.Json's TypeNameHandling set to anything but None: by assignment, object initializer (also in a lambda
/// such as <c>JsonConvert.DefaultSettings</c>), <c>|=</c>, or attribute (JsonProperty, JsonObject, JsonArray,
/// JsonDictionary; ItemTypeNameHandling too), with the value written in place or arriving through a local, a constant
/// or a static readonly member. A TypeNameHandling that is not known at compile time (read from configuration) is a
/// decision made elsewhere and stays quiet, and so do settings whose <c>SerializationBinder</c> is set in the same
/// initializer or function to a binder of the product's own (an allow-list of types is Newtonsoft's documented mitigation).
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
        // The formatters are sealed: an exact type match is enough, and cheap on every object creation.
        var formatters = TypeSet.Resolve(context.Compilation, TypeNamingFormatters);
        var javaScriptSerializer = context.Compilation.GetTypeByMetadataName("System.Web.Script.Serialization.JavaScriptSerializer");
        if (!formatters.IsEmpty || javaScriptSerializer is not null)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var creation = (IObjectCreationOperation)c.Operation;
                    if (formatters.ContainsExactly(creation.Type))
                    {
                        Report(c.ReportDiagnostic, creation.Syntax, creation.Type!.Name);
                    }
                    else if (javaScriptSerializer is not null
                             && SymbolEqualityComparer.Default.Equals(creation.Type, javaScriptSerializer)
                             && creation.Arguments.Any(a => a.Value.WithoutConversions() is not ILiteralOperation { ConstantValue.Value: null }))
                    {
                        Report(c.ReportDiagnostic, creation.Syntax, "JavaScriptSerializer with a type resolver");
                    }
                },
                OperationKind.ObjectCreation);
        }

        var typeNameHandling = context.Compilation.GetTypeByMetadataName("Newtonsoft.Json.TypeNameHandling");
        if (typeNameHandling is null)
        {
            return;
        }

        // Compilers from Roslyn 4.6 on (VS 17.6) hand attribute arguments to operation actions; older ones need a
        // syntax pass over attribute arguments, which walks every node of every tree, so it is registered only there.
        var attributesAreOperations = Enum.IsDefined(typeof(OperationKind), "Attribute");
        context.RegisterOperationAction(
            c =>
            {
                var assignment = (IAssignmentOperation)c.Operation;

                // On compilers that analyze attributes as operations, their named arguments arrive here too.
                if ((!attributesAreOperations && assignment.Syntax is AttributeArgumentSyntax)
                    || !assignment.Target.Type.IsSameAs(typeNameHandling)
                    || assignment is ICompoundAssignmentOperation { OperatorKind: not BinaryOperatorKind.Or }
                    || assignment.Target is ILocalReferenceOperation or IParameterReferenceOperation)
                {
                    return;
                }

                if (ValueFlow.TryGetConstant(assignment.Value, out var constant)
                    && UnsafeValue(constant, typeNameHandling) is { } name
                    && !HasOwnBinder(assignment))
                {
                    var prefix = assignment.Syntax is AttributeArgumentSyntax && assignment.Target is IMemberReferenceOperation member ? member.Member.Name + " = " : "";
                    Report(c.ReportDiagnostic, assignment.Syntax, prefix + "TypeNameHandling." + name);
                }
            },
            OperationKind.SimpleAssignment,
            OperationKind.CompoundAssignment);

        if (attributesAreOperations)
        {
            return;
        }

        // Attributes are rare: a syntax check of the argument name comes before any binding.
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var argument = (AttributeArgumentSyntax)c.Node;
                if (argument.NameEquals?.Name.Identifier.ValueText is not ("TypeNameHandling" or "ItemTypeNameHandling")
                    || !SymbolEqualityComparer.Default.Equals(c.SemanticModel.GetTypeInfo(argument.Expression, c.CancellationToken).Type, typeNameHandling))
                {
                    return;
                }

                var constant = c.SemanticModel.GetConstantValue(argument.Expression, c.CancellationToken);
                if (constant.HasValue && UnsafeValue(constant.Value, typeNameHandling) is { } name)
                {
                    Report(c.ReportDiagnostic, argument, argument.NameEquals.Name.Identifier.ValueText + " = TypeNameHandling." + name);
                }
            },
            SyntaxKind.AttributeArgument);
    }

    /// <summary>The enum member's name when the constant is a TypeNameHandling other than None (0).</summary>
    private static string? UnsafeValue(object? constant, INamedTypeSymbol typeNameHandling) =>
        ValueFlow.AsLong(constant) is { } value && value != 0 ? NameOf(value, typeNameHandling) : null;

    private static string NameOf(long value, INamedTypeSymbol enumType)
    {
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && ValueFlow.AsLong(field.ConstantValue) == value)
            {
                return member.Name;
            }
        }

        return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// True when the settings or serializer whose TypeNameHandling is assigned also gets a SerializationBinder (or the
    /// older Binder) of the product's own: in the same object initializer, or assigned on the same variable, field or
    /// property in the same function. Newtonsoft's DefaultSerializationBinder allows every type and does not count.
    /// </summary>
    private static bool HasOwnBinder(IAssignmentOperation assignment)
    {
        if (assignment.Target is not IMemberReferenceOperation target)
        {
            return false;
        }

        IEnumerable<IOperation> candidates;
        if (assignment.Parent is IObjectOrCollectionInitializerOperation initializer)
        {
            candidates = initializer.Initializers;
        }
        else
        {
            var root = assignment.Root();

            candidates = root.Descendants();
        }

        foreach (var candidate in candidates)
        {
            if (candidate is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "SerializationBinder" or "Binder" } binder } binderAssignment
                && SameReceiver(binder.Instance, target.Instance)
                && ValueFlow.Source(binderAssignment.Value) is var value
                && value.ConstantValue is not { HasValue: true, Value: null }
                && value.Type?.Name != "DefaultSerializationBinder")
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameReceiver(IOperation? left, IOperation? right) => (left, right) switch
    {
        (IInstanceReferenceOperation, IInstanceReferenceOperation) => true,
        (ILocalReferenceOperation a, ILocalReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Local, b.Local),
        (IParameterReferenceOperation a, IParameterReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Parameter, b.Parameter),
        (IMemberReferenceOperation a, IMemberReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Member, b.Member) && SameReceiver(a.Instance, b.Instance),
        (null, null) => true,
        _ => false,
    };

    private static void Report(Action<Diagnostic> report, SyntaxNode syntax, string what) =>
        report(Diagnostic.Create(RuleCatalog.UnsafeDeserialization, syntax.GetLocation(), what));
}
