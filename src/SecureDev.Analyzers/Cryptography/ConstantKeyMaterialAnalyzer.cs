using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Authentication;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Cryptography;

/// <summary>
/// Keys, IVs, nonces, HKDF input keys, PBKDF2 salts and private keys given to System.Security.Cryptography that are
/// written in the source: literals, arrays of constants, <c>"..."u8</c>, <c>Encoding.*.GetBytes("...")</c>,
/// <c>Convert.FromBase64String("...")</c>, directly or through a local, constant or static readonly field (see
/// <see cref="ValueOrigin"/>); and all-zero buffers (<c>new byte[16]</c>) that nothing fills before they are used.
/// The sinks are recognised by the parameter they are passed for (key, rgbKey, iv, rgbIV, nonce, ikm, prk) on any
/// constructor or method of the namespace, and by the Key and IV properties, so AesGcm, AesCcm, ChaCha20Poly1305,
/// HMAC*, IncrementalHash, HKDF, SP800108HmacCounterKdf and the symmetric algorithms are covered alike.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstantKeyMaterialAnalyzer : SecureDevAnalyzer
{
    private const string WrittenInSource = "written in the source";
    private const string AllZeros = "all zeros";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.ConstantKeyMaterial);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var material = TypeSet.Resolve(context.Compilation, "System.Security.Cryptography.SymmetricAlgorithm", "System.Security.Cryptography.KeyedHashAlgorithm");
        if (material.IsEmpty)
        {
            return;
        }

        context.RegisterOperationAction(
            c =>
            {
                var (method, arguments) = c.Operation switch
                {
                    IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                    IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
                    _ => (null, ImmutableArray<IArgumentOperation>.Empty),
                };
                if (method is null || arguments.IsEmpty)
                {
                    return;
                }

                // Runs for every call and creation: the parameter names (which other rules read too) rule out nearly all,
                // and the method's type and namespace, which no other rule reads for every call, are read only then.
                bool? inCryptography = null;
                foreach (var argument in arguments)
                {
                    if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue && Kind(parameter, method) is { } kind)
                    {
                        inCryptography ??= CryptographyNamespace.Contains(method.ContainingType);
                        if (inCryptography == false)
                        {
                            return;
                        }

                        Check(c, argument.Value, kind, method);
                    }
                }
            },
            OperationKind.Invocation,
            OperationKind.ObjectCreation);

        context.RegisterOperationAction(
            c =>
            {
                var assignment = (ISimpleAssignmentOperation)c.Operation;
                if (assignment.Target is IPropertyReferenceOperation { Property.Name: "Key" or "IV" } property
                    && material.Contains(property.Instance?.Type ?? property.Property.ContainingType, out _))
                {
                    Check(c, assignment.Value, property.Property.Name == "IV" ? "IV" : "key", property.Property, property.Instance?.Type);
                }
            },
            OperationKind.SimpleAssignment);
    }

    /// <summary>What the parameter takes: "key", "IV", "nonce", "salt", "private key"; null when it is not key material.</summary>
    private static string? Kind(IParameterSymbol parameter, IMethodSymbol method) => parameter.Name switch
    {
        "key" or "rgbKey" => "key",
        "iv" or "rgbIV" => "IV",
        "nonce" => "nonce",
        "ikm" => "input key material",
        "prk" => "pseudorandom key",
        "salt" when method.ContainingType.Name == "Rfc2898DeriveBytes" => "salt",
        "source" when method.Name is "ImportPkcs8PrivateKey" or "ImportRSAPrivateKey" or "ImportECPrivateKey" => "private key",
        "input" when method.Name == "ImportFromPem" => "private key",
        _ => null,
    };

    private static void Check(OperationAnalysisContext context, IOperation value, string kind, ISymbol member, ITypeSymbol? receiverType = null)
    {
        // A PEM import takes public keys too: only a private key in the text is a secret.
        if (kind == "private key" && ValueFlow.TryGetConstant(value, out var pem) && pem is string text && text.IndexOf("PRIVATE KEY", StringComparison.Ordinal) < 0)
        {
            return;
        }

        // A local is followed to its one definition by both tests below, and finding it walks the method: it is found
        // once, here. IsConstantData(value) judges a non-constant local as its definition one step down.
        var operation = value.WithoutConversions();
        var local = operation.ConstantValue.HasValue ? null : operation as ILocalReferenceOperation;
        var definition = local is null ? null : ValueOrigin.SingleDefinition(local);
        var isConstantData = local is null ? ValueOrigin.IsConstantData(value) : definition is not null && ValueOrigin.IsConstantData(definition, 1);

        string how;
        if (isConstantData)
        {
            // A field named like a secret and declared with one is reported by SD3001 where it is declared.
            if (SecretDeclarations.IsReportedAtDeclaration(value))
            {
                return;
            }

            how = WrittenInSource;
        }
        else if (IsUnfilledBuffer(operation, local, definition))
        {
            how = AllZeros;
        }
        else
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            RuleCatalog.ConstantKeyMaterial,
            value.Syntax.GetLocation(),
            kind,
            Describe(member, receiverType),
            how,
            Remedy(kind)));
    }

    private static string Remedy(string kind) => kind switch
    {
        "IV" => "generate a fresh random IV with RandomNumberGenerator for every message and send it along",
        "nonce" => "use a fresh nonce for every message (a counter that never repeats under one key, or RandomNumberGenerator); a repeated nonce breaks AES-GCM",
        "salt" => "generate a random salt for every password with RandomNumberGenerator and store it with the hash",
        _ => "load it from a key store or protected configuration, or derive it per device; a key in the source is in every copy of the binary",
    };

    /// <summary>
    /// <c>new byte[n]</c> is all zeros. Through a local it still is when the local is only ever read as key material or
    /// for its length: any other use (RandomNumberGenerator.Fill, an element write, a copy) may fill it.
    /// </summary>
    /// <param name="operation">The value without conversions.</param>
    /// <param name="reference">The value when it reads a local that is not a constant, else null.</param>
    /// <param name="definition">The local's one definition, when it has one.</param>
    private static bool IsUnfilledBuffer(IOperation operation, ILocalReferenceOperation? reference, IOperation? definition)
    {
        if (IsNewZeroArray(operation))
        {
            return true;
        }

        if (reference is null || !IsNewZeroArray(definition?.WithoutConversions()))
        {
            return false;
        }

        var root = operation.Root();

        foreach (var descendant in root.Descendants())
        {
            if (descendant is not ILocalReferenceOperation use || !SymbolEqualityComparer.Default.Equals(use.Local, reference.Local))
            {
                continue;
            }

            var parent = use.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            var readAsMaterial = parent switch
            {
                IPropertyReferenceOperation { Property.Name: "Length" or "LongLength" } => true,
                IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation { TargetMethod: { } method } } => Kind(parameter, method) is not null,
                IArgumentOperation { Parameter: { } parameter, Parent: IObjectCreationOperation { Constructor: { } constructor } } => Kind(parameter, constructor) is not null,
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Key" or "IV" } } assignment => assignment.Value.WithoutConversions() == use,
                _ => false,
            };
            if (!readAsMaterial)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNewZeroArray(IOperation? operation) =>
        operation is IArrayCreationOperation { Initializer: null or { ElementValues.Length: 0 } } creation
        && creation.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte };

    /// <summary>"AesGcm" for a constructor, "AesGcm.Encrypt" for a method, "Aes.Key" for a property on the instance's type.</summary>
    private static string Describe(ISymbol member, ITypeSymbol? receiverType) => member switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => constructor.ContainingType.Name,
        _ => (receiverType ?? member.ContainingType).Name + "." + member.Name,
    };
}
