using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Cryptography;

/// <summary>
/// MD5, SHA-1 and RIPEMD-160 (plain or as HMAC) by every creation route, and the HashAlgorithmName.MD5/SHA1 values
/// handed to signing, hashing and HMAC APIs.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WeakHashAlgorithmAnalyzer : SecureDevAnalyzer
{
    private static readonly AlgorithmCreationRoutes Routes = new(
        new Dictionary<string, string>
        {
            ["MD5"] = "MD5",
            ["SHA1"] = "SHA-1",
            ["RIPEMD160"] = "RIPEMD-160",
            ["HMACMD5"] = "HMAC-MD5",
            ["HMACSHA1"] = "HMAC-SHA1",
            ["HMACRIPEMD160"] = "HMAC-RIPEMD-160",
        },
        new Dictionary<string, string>
        {
            ["MD5"] = "MD5",
            ["System.Security.Cryptography.MD5"] = "MD5",
            ["System.Security.Cryptography.MD5CryptoServiceProvider"] = "MD5",
            ["http://www.w3.org/2001/04/xmldsig-more#md5"] = "MD5",
            ["SHA"] = "SHA-1",
            ["SHA1"] = "SHA-1",
            ["SHA-1"] = "SHA-1",
            ["System.Security.Cryptography.SHA1"] = "SHA-1",
            ["System.Security.Cryptography.SHA1CryptoServiceProvider"] = "SHA-1",
            ["System.Security.Cryptography.SHA1Managed"] = "SHA-1",
            ["http://www.w3.org/2000/09/xmldsig#sha1"] = "SHA-1",
            ["RIPEMD160"] = "RIPEMD-160",
            ["RIPEMD-160"] = "RIPEMD-160",
            ["System.Security.Cryptography.RIPEMD160"] = "RIPEMD-160",
            ["System.Security.Cryptography.RIPEMD160Managed"] = "RIPEMD-160",
            ["HMACMD5"] = "HMAC-MD5",
            ["System.Security.Cryptography.HMACMD5"] = "HMAC-MD5",
            ["HMACSHA1"] = "HMAC-SHA1",
            ["System.Security.Cryptography.HMACSHA1"] = "HMAC-SHA1",
            ["http://www.w3.org/2000/09/xmldsig#hmac-sha1"] = "HMAC-SHA1",
            ["HMACRIPEMD160"] = "HMAC-RIPEMD-160",
        });

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.WeakHashAlgorithm);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        if (Routes.Register(context, Report).IsEmpty)
        {
            return;
        }

        var hashAlgorithmName = context.Compilation.GetTypeByMetadataName("System.Security.Cryptography.HashAlgorithmName");
        if (hashAlgorithmName is null)
        {
            return;
        }

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
                    && property.Name is "MD5" or "SHA1"
                    && SymbolEqualityComparer.Default.Equals(property.ContainingType, hashAlgorithmName)
                    && !IsKeyDerivationArgument(reference))
                {
                    Report(c, reference, property.Name == "MD5" ? "MD5" : "SHA-1");
                }
            },
            OperationKind.PropertyReference);
    }

    /// <summary>PBKDF2's hash choice is the weak key derivation rule's to report, together with its iteration count.</summary>
    private static bool IsKeyDerivationArgument(IOperation reference)
    {
        var parent = reference.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        var callee = parent is IArgumentOperation { Parent: { } call }
            ? call switch
            {
                IObjectCreationOperation creation => creation.Type,
                IInvocationOperation invocation => invocation.TargetMethod.ContainingType,
                _ => null,
            }
            : null;
        return callee?.Name == "Rfc2898DeriveBytes";
    }

    private static void Report(OperationAnalysisContext context, IOperation operation, string algorithm) =>
        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.WeakHashAlgorithm, operation.Syntax.GetLocation(), algorithm));
}
