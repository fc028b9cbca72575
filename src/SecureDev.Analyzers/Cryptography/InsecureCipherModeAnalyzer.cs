using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Cryptography;

/// <summary>
/// SD1003: ECB, chosen by value (<c>CipherMode.ECB</c>, written in place or through a local, constant or static readonly
/// field) wherever a <see cref="System.Security.Cryptography.CipherMode"/> is stored, passed or returned, or by the
/// one-shot APIs (EncryptEcb, DecryptEcb) called or taken as a method group.
/// SD1004, a note: AES in CBC or CFB mode (explicit Mode, the one-shot EncryptCbc/EncryptCfb APIs, or CreateEncryptor on
/// an instance left in its default CBC mode) in a method that computes no MAC, where the platform offers AES-GCM.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InsecureCipherModeAnalyzer : SecureDevAnalyzer
{
    // System.Security.Cryptography.CipherMode values.
    private const int Cbc = 1;
    private const int Ecb = 2;
    private const int Cfb = 4;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        Supported(RuleCatalog.EcbCipherMode, RuleCatalog.UnauthenticatedCipherMode);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var compilation = context.Compilation;
        var cipherMode = compilation.GetTypeByMetadataName("System.Security.Cryptography.CipherMode");
        var symmetric = compilation.GetTypeByMetadataName("System.Security.Cryptography.SymmetricAlgorithm");
        if (cipherMode is null || symmetric is null)
        {
            return;
        }

        // The CBC note is only fair where an authenticated mode is a drop-in: AesGcm exists (.NET Core 3.0 and later).
        var aes = compilation.GetTypeByMetadataName("System.Security.Cryptography.AesGcm") is null
            ? null
            : TypeSet.Resolve(compilation, "System.Security.Cryptography.Aes", "System.Security.Cryptography.Rijndael");
        var macTypes = TypeSet.Resolve(compilation, "System.Security.Cryptography.KeyedHashAlgorithm");

        context.RegisterOperationAction(
            c =>
            {
                var assignment = (ISimpleAssignmentOperation)c.Operation;
                if (!assignment.Target.Type.IsSameAs(cipherMode)
                    || !TryGetMode(assignment.Value, out var mode))
                {
                    return;
                }

                if (mode == Ecb)
                {
                    ReportEcb(c, assignment.Value, Describe(assignment.Target));
                }
                else if (mode is Cbc or Cfb
                         && aes is not null
                         && assignment.Target is IPropertyReferenceOperation { Property.Name: "Mode", Instance: { } instance }
                         && aes.Contains(instance.Type, out _)
                         && !ComputesMac(assignment, macTypes))
                {
                    ReportNote(c, assignment.Value, Describe(assignment.Target), mode);
                }
            },
            OperationKind.SimpleAssignment);

        context.RegisterOperationAction(
            c =>
            {
                // Runs for every argument. C# converts an argument to its parameter's type as part of the value, so the
                // value's type (already on the operation) rules out nearly every argument before the parameter's type is
                // read (each read can create a symbol wrapper).
                var argument = (IArgumentOperation)c.Operation;
                if (argument.ArgumentKind != ArgumentKind.DefaultValue
                    && argument.Value.Type.IsSameAs(cipherMode)
                    && argument.Parameter is { } parameter
                    && parameter.Type.IsSameAs(cipherMode)
                    && TryGetMode(argument.Value, out var mode)
                    && mode == Ecb)
                {
                    ReportEcb(c, argument.Value, $"argument '{parameter.Name}' of '{parameter.ContainingSymbol.Name}'");
                }
            },
            OperationKind.Argument);

        // Defaults of settable state: a property or instance field initialized to ECB. Constants and static readonly
        // fields are followed to where they are used instead, so they are reported once, there.
        context.RegisterOperationAction(
            c =>
            {
                var initializer = (ISymbolInitializerOperation)c.Operation;
                var member = initializer switch
                {
                    IFieldInitializerOperation field when field.InitializedFields.Length == 1 => (ISymbol)field.InitializedFields[0],
                    IPropertyInitializerOperation property when property.InitializedProperties.Length == 1 => property.InitializedProperties[0],
                    _ => null,
                };
                var type = member switch
                {
                    IFieldSymbol { IsConst: false } field when !(field.IsStatic && field.IsReadOnly) => field.Type,
                    IPropertySymbol property => property.Type,
                    _ => null,
                };
                if (type.IsSameAs(cipherMode) && TryGetMode(initializer.Value, out var mode) && mode == Ecb)
                {
                    ReportEcb(c, initializer.Value, $"'{member!.Name}'");
                }
            },
            OperationKind.FieldInitializer,
            OperationKind.PropertyInitializer);

        context.RegisterOperationAction(
            c =>
            {
                var returned = ((IReturnOperation)c.Operation).ReturnedValue;
                if (returned is not null
                    && returned.Type.IsSameAs(cipherMode)
                    && EnclosingFunction(returned, c.ContainingSymbol) is { } method
                    && method.ReturnType.IsSameAs(cipherMode)
                    && TryGetMode(returned, out var mode)
                    && mode == Ecb)
                {
                    ReportEcb(c, returned, method.MethodKind == MethodKind.AnonymousFunction ? "the lambda's result" : $"'{(method.AssociatedSymbol ?? method).Name}'");
                }
            },
            OperationKind.Return);

        context.RegisterOperationAction(
            c =>
            {
                // Runs for every call: only the one-shot APIs and CreateEncryptor/CreateDecryptor can be reported, so their
                // names rule out nearly every call before the receiver's base types are walked.
                var invocation = (IInvocationOperation)c.Operation;
                var method = invocation.TargetMethod;
                var oneShotMode = OneShotMode(method.Name);
                if ((oneShotMode == 0 && method.Name is not ("CreateEncryptor" or "CreateDecryptor"))
                    || method.IsStatic
                    || !method.ContainingType.IsOrDerivesFrom(symmetric))
                {
                    return;
                }

                if (oneShotMode == Ecb)
                {
                    ReportEcb(c, invocation, Describe(invocation.Instance, method));
                }
                else if (aes is null || invocation.Instance is not { } instance || !aes.Contains(instance.Type, out _))
                {
                    return;
                }
                else if (oneShotMode is Cbc or Cfb)
                {
                    if (!ComputesMac(invocation, macTypes))
                    {
                        ReportNote(c, invocation, Describe(instance, method), oneShotMode);
                    }
                }
                else if (method.Name is "CreateEncryptor" or "CreateDecryptor" && LeftInDefaultMode(instance) && !ComputesMac(invocation, macTypes))
                {
                    ReportNote(c, invocation, Describe(instance, method), Cbc);
                }
            },
            OperationKind.Invocation);

        context.RegisterOperationAction(
            c =>
            {
                var reference = (IMethodReferenceOperation)c.Operation;
                if (!reference.Method.IsStatic && OneShotMode(reference.Method.Name) == Ecb && reference.Method.ContainingType.IsOrDerivesFrom(symmetric))
                {
                    ReportEcb(c, reference, Describe(reference.Instance, reference.Method));
                }
            },
            OperationKind.MethodReference);
    }

    private static bool TryGetMode(IOperation value, out int mode)
    {
        mode = 0;
        if (ValueFlow.TryGetConstant(value, out var constant) && constant is int number)
        {
            mode = number;
            return true;
        }

        return false;
    }

    private static int OneShotMode(string name) => name switch
    {
        "EncryptEcb" or "DecryptEcb" or "TryEncryptEcb" or "TryDecryptEcb" => Ecb,
        "EncryptCbc" or "DecryptCbc" or "TryEncryptCbc" or "TryDecryptCbc" => Cbc,
        "EncryptCfb" or "DecryptCfb" or "TryEncryptCfb" or "TryDecryptCfb" => Cfb,
        _ => 0,
    };

    /// <summary>
    /// True for a local created in this method whose Mode is never set: it encrypts in the default mode, CBC. An
    /// instance from elsewhere (a field, a parameter) may have been configured there, so it is left alone.
    /// </summary>
    private static bool LeftInDefaultMode(IOperation instance)
    {
        if (instance.WithoutConversions() is not ILocalReferenceOperation local
            || ValueOrigin.SingleDefinition(local)?.WithoutConversions() is not (IInvocationOperation or IObjectCreationOperation))
        {
            return false;
        }

        foreach (var operation in instance.Root().Descendants())
        {
            if (operation is IPropertyReferenceOperation { Property.Name: "Mode", Instance: ILocalReferenceOperation target }
                && SymbolEqualityComparer.Default.Equals(target.Local, local.Local))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Encrypt-then-MAC: the method that encrypts also computes an HMAC (a KeyedHashAlgorithm, its one-shot HashData, IncrementalHash.CreateHMAC).</summary>
    private static bool ComputesMac(IOperation operation, TypeSet macTypes)
    {
        foreach (var descendant in operation.Root().Descendants())
        {
            switch (descendant)
            {
                case IObjectCreationOperation creation when macTypes.Contains(creation.Type, out _):
                    return true;
                case IInvocationOperation invocation when macTypes.Contains(invocation.TargetMethod.ContainingType, out _)
                                                          || invocation.TargetMethod.Name == "CreateHMAC":
                    return true;
            }
        }

        return false;
    }

    private static string Describe(IOperation target) => target switch
    {
        IPropertyReferenceOperation property => Describe(property.Instance, property.Property),
        IFieldReferenceOperation field => $"'{field.Field.Name}'",
        ILocalReferenceOperation local => $"'{local.Local.Name}'",
        _ => "this assignment",
    };

    /// <summary>"'Aes.EncryptEcb'": the member on the type of the instance it is used on.</summary>
    private static string Describe(IOperation? instance, ISymbol member) => $"'{(instance?.Type ?? member.ContainingType).Name}.{member.Name}'";

    /// <summary>The function a return belongs to: the innermost lambda or local function around it, else the member.</summary>
    private static IMethodSymbol? EnclosingFunction(IOperation operation, ISymbol containingSymbol)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    return lambda.Symbol;
                case ILocalFunctionOperation local:
                    return local.Symbol;
            }
        }

        return containingSymbol as IMethodSymbol;
    }

    private static void ReportEcb(OperationAnalysisContext context, IOperation operation, string what) =>
        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.EcbCipherMode, operation.Syntax.GetLocation(), what));

    private static void ReportNote(OperationAnalysisContext context, IOperation operation, string what, int mode) =>
        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.UnauthenticatedCipherMode, operation.Syntax.GetLocation(), what, mode == Cfb ? "CFB" : "CBC"));
}
