using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Authentication;

/// <summary>
/// Literal secrets handed to the code that authenticates with them: an argument for a parameter named like a secret
/// (NetworkCredential's password, UserIdentity's password, WithCredentials' password, a user method's apiKey), an
/// assignment or initializer of a property or field named like one, and connection strings whose Password/Pwd is a
/// literal. Constants, fields and properties named like a secret and declared with a literal one are reported where
/// they are declared (including defaults such as <c>string Password { get; set; } = "admin"</c>), and not again where
/// they are used. Values that arrive from configuration, the environment or a parameter are not literals and stay
/// quiet, as do empty strings, placeholders and values that only spell the member's own name (<c>Password = "password"</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedCredentialAnalyzer : SecureDevAnalyzer
{
    private const string PassedTo = "passed to";
    private const string StoredIn = "stored in";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.HardcodedCredential);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        context.RegisterOperationAction(
            c =>
            {
                var argument = (IArgumentOperation)c.Operation;
                if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    return;
                }

                // The parameter's method is read only for the message, when there is a finding.
                Check(c, argument.Value, parameter.Name, parameter);
            },
            OperationKind.Argument);

        context.RegisterOperationAction(
            c =>
            {
                var assignment = (ISimpleAssignmentOperation)c.Operation;
                var member = assignment.Target switch
                {
                    IPropertyReferenceOperation property => (ISymbol)property.Property,
                    IFieldReferenceOperation field => field.Field,
                    _ => null,
                };
                if (member is not null)
                {
                    Check(c, assignment.Value, member.Name, member);
                }
            },
            OperationKind.SimpleAssignment);

        context.RegisterOperationAction(
            c =>
            {
                var initializer = (ISymbolInitializerOperation)c.Operation;
                var member = initializer switch
                {
                    IFieldInitializerOperation { InitializedFields.Length: 1 } field => (ISymbol)field.InitializedFields[0],
                    IPropertyInitializerOperation { InitializedProperties.Length: 1 } property => property.InitializedProperties[0],
                    _ => null,
                };
                if (member is not null && SecretDeclarations.HardcodedKind(member, initializer.Value) is { } kind)
                {
                    c.ReportDiagnostic(Diagnostic.Create(RuleCatalog.HardcodedCredential, initializer.Value.Syntax.GetLocation(), kind, StoredIn, member.Name));
                }
            },
            OperationKind.FieldInitializer,
            OperationKind.PropertyInitializer);

        // target: the parameter, property or field the value is handed to.
        void Check(OperationAnalysisContext c, IOperation value, string name, ISymbol target)
        {
            if (string.Equals(name, "connectionString", StringComparison.OrdinalIgnoreCase))
            {
                if (value.TryGetConstantString(out var connectionString) && ConnectionStrings.HasLiteralPassword(connectionString))
                {
                    c.ReportDiagnostic(Diagnostic.Create(RuleCatalog.HardcodedCredential, value.Syntax.GetLocation(), "password in a connection string", PassedTo, Describe(Receiver(target))));
                }

                return;
            }

            // Runs for every argument and assignment: the name's fragment test rules out nearly all of them, the shape
            // of the value most of the rest, before the name is split into words. A local may hold a literal, but
            // finding its definition walks the method: only after the name says secret.
            if (SecretNames.MayNameSecret(name)
                && MayBeLiteral(value)
                && SecretNames.SecretKind(name) is { } kind
                && LiteralSecret.IsLiteralSecret(value)
                && !SecretDeclarations.IsReportedAtDeclaration(value))
            {
                c.ReportDiagnostic(Diagnostic.Create(RuleCatalog.HardcodedCredential, value.Syntax.GetLocation(), kind, PassedTo, Describe(Receiver(target))));
            }
        }
    }

    /// <summary>The shapes <see cref="LiteralSecret"/> can accept, judged without following anything: a constant, a local or field, constant data.</summary>
    private static bool MayBeLiteral(IOperation value)
    {
        var operation = value.WithoutConversions();
        return operation.ConstantValue.HasValue
            ? operation.ConstantValue.Value is string text && SecretNames.IsLiteralSecret(text)
            : operation is ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or IArrayCreationOperation
                or IInvocationOperation or IUtf8StringOperation
              || NewerOperationKinds.IsCollectionExpression(operation);
    }

    /// <summary>What a message names as the receiver of the value: a parameter's method, else the property or field itself.</summary>
    private static ISymbol Receiver(ISymbol target) => target is IParameterSymbol parameter ? parameter.ContainingSymbol : target;

    /// <summary>"NetworkCredential" for a constructor, "Type.Member" otherwise.</summary>
    private static string Describe(ISymbol receiver) => receiver is IMethodSymbol { MethodKind: MethodKind.Constructor }
        ? receiver.ContainingType.Name
        : receiver.ContainingType?.Name + "." + receiver.Name;
}
