using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Cryptography;

/// <summary>
/// RSA keys under 2048 bits and elliptic-curve keys under 256 bits, by the key size given to a constructor or
/// <c>RSA.Create(n)</c> or assigned to <c>KeySize</c> (written in place or held by a local, constant or static readonly
/// field); curves under 256 bits however they are named (<c>ECCurve.NamedCurves.brainpoolP160r1</c>, a friendly name
/// or an OID); <c>new RSACryptoServiceProvider()</c>, which generates 1024 bits unless a key is imported; KeySize on
/// RSACryptoServiceProvider, which is ignored; and DSA by every creation route.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShortAsymmetricKeyAnalyzer : SecureDevAnalyzer
{
    /// <summary>Diagnostic property for the code fix: how the RSA key size can be set to 3072.</summary>
    public const string FixProperty = "RsaKeySizeFix";

    /// <summary>The location is an integer literal key size: replace it.</summary>
    public const string ReplaceLiteral = "ReplaceLiteral";

    /// <summary>The location is a parameterless constructor: give it the key size.</summary>
    public const string AddArgument = "AddArgument";

    private const int MinimumRsaBits = 2048;
    private const int MinimumCurveBits = 256;

    private static readonly AlgorithmCreationRoutes DsaRoutes = new(
        new Dictionary<string, string> { ["DSA"] = "DSA" },
        new Dictionary<string, string>
        {
            ["DSA"] = "DSA",
            ["System.Security.Cryptography.DSA"] = "DSA",
            ["System.Security.Cryptography.DSACryptoServiceProvider"] = "DSA",
            ["http://www.w3.org/2000/09/xmldsig#dsa-sha1"] = "DSA",
        });

    /// <summary>OIDs of curves under 256 bits (SEC 2, X9.62 and RFC 5639 registrations).</summary>
    private static readonly ImmutableDictionary<string, (string Name, int Bits)> WeakCurveOids = new Dictionary<string, (string, int)>
    {
        ["1.2.840.10045.3.1.1"] = ("P-192", 192),
        ["1.2.840.10045.3.1.2"] = ("prime192v2", 192),
        ["1.2.840.10045.3.1.3"] = ("prime192v3", 192),
        ["1.2.840.10045.3.1.4"] = ("prime239v1", 239),
        ["1.2.840.10045.3.1.5"] = ("prime239v2", 239),
        ["1.2.840.10045.3.1.6"] = ("prime239v3", 239),
        ["1.3.132.0.6"] = ("secp112r1", 112),
        ["1.3.132.0.7"] = ("secp112r2", 112),
        ["1.3.132.0.28"] = ("secp128r1", 128),
        ["1.3.132.0.29"] = ("secp128r2", 128),
        ["1.3.132.0.9"] = ("secp160k1", 160),
        ["1.3.132.0.8"] = ("secp160r1", 160),
        ["1.3.132.0.30"] = ("secp160r2", 160),
        ["1.3.132.0.31"] = ("secp192k1", 192),
        ["1.3.132.0.32"] = ("secp224k1", 224),
        ["1.3.132.0.33"] = ("P-224", 224),
        ["1.3.36.3.3.2.8.1.1.1"] = ("brainpoolP160r1", 160),
        ["1.3.36.3.3.2.8.1.1.2"] = ("brainpoolP160t1", 160),
        ["1.3.36.3.3.2.8.1.1.3"] = ("brainpoolP192r1", 192),
        ["1.3.36.3.3.2.8.1.1.4"] = ("brainpoolP192t1", 192),
        ["1.3.36.3.3.2.8.1.1.5"] = ("brainpoolP224r1", 224),
        ["1.3.36.3.3.2.8.1.1.6"] = ("brainpoolP224t1", 224),
    }.ToImmutableDictionary();

    /// <summary>Curve-name families whose number is the key size: secp192r1, sect163k1, prime192v1, nistP224, ECDSA_P192, brainpoolP160r1, P-224.</summary>
    private static readonly string[] CurveNamePrefixes = { "secp", "sect", "prime", "nistp", "brainpoolp", "ecdsa_p", "ecdh_p", "c2pnb", "c2tnb", "p-" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.ShortAsymmetricKey);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var compilation = context.Compilation;
        var rsa = compilation.GetTypeByMetadataName("System.Security.Cryptography.RSA");
        var asymmetric = compilation.GetTypeByMetadataName("System.Security.Cryptography.AsymmetricAlgorithm");
        if (rsa is null || asymmetric is null)
        {
            return;
        }

        var rsaCsp = compilation.GetTypeByMetadataName("System.Security.Cryptography.RSACryptoServiceProvider");
        var ellipticCurve = TypeSet.Resolve(compilation, "System.Security.Cryptography.ECDsa", "System.Security.Cryptography.ECDiffieHellman");
        var ecCurve = compilation.GetTypeByMetadataName("System.Security.Cryptography.ECCurve");
        var oid = compilation.GetTypeByMetadataName("System.Security.Cryptography.Oid");

        // The key-size checks of creations and calls run in the DSA routes' callbacks: one callback per creation and per
        // call instead of two.
        DsaRoutes.Register(
            context,
            DsaRoutes.Resolve(compilation),
            (c, operation, _) => Report(c, operation, "DSA is withdrawn for new signatures (FIPS 186-5) and limited to 1024-bit keys by common providers"),
            alsoOnCreation: CheckCreation,
            alsoOnInvocation: CheckInvocation);

        // ECCurve.NamedCurves.brainpoolP160r1 and its siblings under 256 bits, wherever the curve is picked.
        context.RegisterOperationAction(
            c =>
            {
                // Runs for every property read: a static one has no receiver, which the operation itself says, so the
                // property's symbol is read only for static reads.
                var reference = (IPropertyReferenceOperation)c.Operation;
                if (reference.Instance is not null)
                {
                    return;
                }

                var property = reference.Property;
                if (property.IsStatic
                    && property.ContainingType.Name == "NamedCurves"
                    && SymbolEqualityComparer.Default.Equals(property.ContainingType.ContainingType, ecCurve)
                    && CurveBitsFromName(property.Name) is { } bits and < MinimumCurveBits
                    && !IsCompared(reference))
                {
                    Report(c, reference, $"Curve {property.Name} has a {bits}-bit key");
                }
            },
            OperationKind.PropertyReference);

        context.RegisterOperationAction(
            c =>
            {
                var assignment = (ISimpleAssignmentOperation)c.Operation;
                if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "KeySize", Instance: { } instance })
                {
                    return;
                }

                if (instance.Type.IsOrDerivesFrom(rsaCsp))
                {
                    Report(c, assignment, "Setting KeySize on RSACryptoServiceProvider has no effect: the key keeps its size, 1024 bits when generated; pass the size to the constructor");
                }
                else if (instance.Type.IsOrDerivesFrom(rsa))
                {
                    CheckRsaSize(c, assignment.Value);
                }
                else if (ellipticCurve.Contains(instance.Type, out _))
                {
                    CheckCurveSize(c, assignment.Value);
                }
            },
            OperationKind.SimpleAssignment);

        void CheckCreation(OperationAnalysisContext c, IObjectCreationOperation creation)
        {
            // The type's base chain (which the DSA routes walk too) comes before the constructor, which only this check reads.
            if (!creation.Type.IsOrDerivesFrom(asymmetric) || creation.Constructor is not { } constructor)
            {
                return;
            }

            if (creation.Type.IsOrDerivesFrom(rsa))
            {
                if (KeySizeArgument(creation.Arguments) is { } size)
                {
                    CheckRsaSize(c, size.Value);
                }
                else if (constructor.Parameters.Length == 0 && creation.Type.IsOrDerivesFrom(rsaCsp) && !KeyImportedLater(creation))
                {
                    Report(c, creation, "new RSACryptoServiceProvider() generates a 1024-bit key", AddArgument);
                }
            }
            else if (ellipticCurve.Contains(creation.Type, out _) && KeySizeArgument(creation.Arguments) is { } size)
            {
                CheckCurveSize(c, size.Value);
            }
        }

        void CheckInvocation(OperationAnalysisContext c, IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!method.IsStatic || !method.Name.StartsWith("Create", StringComparison.Ordinal))
            {
                return;
            }

            if (method.Name == "Create" && method.ContainingType.IsOrDerivesFrom(rsa) && KeySizeArgument(invocation.Arguments) is { } size)
            {
                CheckRsaSize(c, size.Value);
            }
            else if (method.ContainingType.IsSameAs(ecCurve)
                     && invocation.Arguments.Length == 1
                     && WeakCurve(method.Name, invocation.Arguments[0].Value, oid) is { } curve)
            {
                Report(c, invocation, $"Curve {curve.Name} has a {curve.Bits}-bit key");
            }
        }
    }

    private static void CheckRsaSize(OperationAnalysisContext context, IOperation value)
    {
        if (ValueFlow.TryGetConstant(value, out var constant) && constant is int bits && bits < MinimumRsaBits)
        {
            var fix = value.WithoutConversions().Syntax is LiteralExpressionSyntax ? ReplaceLiteral : null;
            Report(context, value, $"An RSA key of {bits.ToString(CultureInfo.InvariantCulture)} bits is too short", fix);
        }
    }

    private static void CheckCurveSize(OperationAnalysisContext context, IOperation value)
    {
        if (ValueFlow.TryGetConstant(value, out var constant) && constant is int bits && bits < MinimumCurveBits)
        {
            Report(context, value, $"An elliptic-curve key of {bits.ToString(CultureInfo.InvariantCulture)} bits is too short");
        }
    }

    /// <summary>The argument for the key size in bits (keySize, dwKeySize, keySizeInBits), if the call has one.</summary>
    private static IArgumentOperation? KeySizeArgument(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { Type.SpecialType: SpecialType.System_Int32 } parameter
                && parameter.Name.IndexOf("KeySize", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>ECCurve.CreateFromFriendlyName("secp192r1"), CreateFromValue("1.2.840.10045.3.1.1"), CreateFromOid(new Oid(...)).</summary>
    private static (string Name, int Bits)? WeakCurve(string factory, IOperation argument, INamedTypeSymbol? oid)
    {
        string? text = null;
        switch (factory)
        {
            case "CreateFromFriendlyName" or "CreateFromValue":
                text = ValueFlow.TryGetConstant(argument, out var constant) ? constant as string : null;
                break;
            case "CreateFromOid":
                var origin = argument.WithoutConversions();
                if (origin is ILocalReferenceOperation local)
                {
                    origin = ValueOrigin.SingleDefinition(local)?.WithoutConversions();
                }

                var arguments = origin switch
                {
                    IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, oid) => creation.Arguments,
                    IInvocationOperation invocation when SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, oid) => invocation.Arguments,
                    _ => ImmutableArray<IArgumentOperation>.Empty,
                };
                text = arguments.Length > 0 && ValueFlow.TryGetConstant(arguments[0].Value, out var oidText) ? oidText as string : null;
                break;
        }

        if (text is null)
        {
            return null;
        }

        text = text.Trim();
        if (WeakCurveOids.TryGetValue(text, out var known))
        {
            return known;
        }

        return CurveBitsFromName(text) is { } bits and < MinimumCurveBits ? (text, bits) : null;
    }

    /// <summary>The key size a curve's name states ("secp192r1": 192, "nistP256": 256), or null for names that state none.</summary>
    private static int? CurveBitsFromName(string name)
    {
        foreach (var prefix in CurveNamePrefixes)
        {
            if (!name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var end = prefix.Length;
            while (end < name.Length && char.IsDigit(name[end]))
            {
                end++;
            }

            return end > prefix.Length && int.TryParse(name.Substring(prefix.Length, end - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
                ? bits
                : null;
        }

        return null;
    }

    /// <summary>A curve that is compared (curve.Oid == ..., Equals) is being recognised, not picked.</summary>
    private static bool IsCompared(IOperation reference)
    {
        var parent = reference.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation or IPropertyReferenceOperation)
        {
            parent = parent.Parent;
        }

        return parent is IBinaryOperation or IIsPatternOperation
               || (parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Equals" } });
    }

    /// <summary>
    /// <c>var rsa = new RSACryptoServiceProvider(); rsa.ImportParameters(p);</c>: the default key is never generated,
    /// so its size does not matter.
    /// </summary>
    private static bool KeyImportedLater(IObjectCreationOperation creation)
    {
        if (creation.InitializedLocal() is not { } variable)
        {
            return false;
        }

        foreach (var operation in creation.Root().Descendants())
        {
            if (operation is IInvocationOperation { Instance: ILocalReferenceOperation local } invocation
                && SymbolEqualityComparer.Default.Equals(local.Local, variable)
                && (invocation.TargetMethod.Name.StartsWith("Import", StringComparison.Ordinal) || invocation.TargetMethod.Name == "FromXmlString"))
            {
                return true;
            }
        }

        return false;
    }

    private static void Report(OperationAnalysisContext context, IOperation operation, string finding, string? fix = null)
    {
        var properties = fix is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix);
        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.ShortAsymmetricKey, operation.Syntax.GetLocation(), properties, finding));
    }
}
