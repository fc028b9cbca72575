using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Cryptography;

/// <summary>
/// DES, Triple DES and RC2 by every creation route, and their one-shot APIs (EncryptEcb, EncryptCbc, ...) or
/// transforms when the instance comes from elsewhere (a parameter, field or property), so that code receiving a weak
/// cipher is flagged where it uses it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WeakCipherAlgorithmAnalyzer : SecureDevAnalyzer
{
    private static readonly AlgorithmCreationRoutes Routes = new(
        new Dictionary<string, string>
        {
            ["DES"] = "DES",
            ["TripleDES"] = "Triple DES",
            ["RC2"] = "RC2",
        },
        new Dictionary<string, string>
        {
            ["DES"] = "DES",
            ["System.Security.Cryptography.DES"] = "DES",
            ["System.Security.Cryptography.DESCryptoServiceProvider"] = "DES",
            ["3DES"] = "Triple DES",
            ["TripleDES"] = "Triple DES",
            ["Triple DES"] = "Triple DES",
            ["System.Security.Cryptography.TripleDES"] = "Triple DES",
            ["System.Security.Cryptography.TripleDESCryptoServiceProvider"] = "Triple DES",
            ["http://www.w3.org/2001/04/xmlenc#tripledes-cbc"] = "Triple DES",
            ["RC2"] = "RC2",
            ["System.Security.Cryptography.RC2"] = "RC2",
            ["System.Security.Cryptography.RC2CryptoServiceProvider"] = "RC2",
        });

    // A plain HashSet, only read: the lookup runs for every instance call, and it is cheaper than an ImmutableHashSet's.
    private static readonly HashSet<string> InstanceOperations = new(StringComparer.Ordinal)
    {
        "EncryptEcb", "DecryptEcb", "TryEncryptEcb", "TryDecryptEcb",
        "EncryptCbc", "DecryptCbc", "TryEncryptCbc", "TryDecryptCbc",
        "EncryptCfb", "DecryptCfb", "TryEncryptCfb", "TryDecryptCfb",
        "CreateEncryptor", "CreateDecryptor",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.WeakCipherAlgorithm);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var ciphers = Routes.Resolve(context.Compilation);
        if (ciphers.IsEmpty)
        {
            return;
        }

        // The instance operations are checked in the creation routes' call callback: one callback per call, not two.
        Routes.Register(context, ciphers, Report, alsoOnInvocation: (c, invocation) => CheckInstanceOperation(c, invocation, ciphers));
    }

    /// <summary>EncryptEcb, CreateEncryptor, ... on a weak cipher instance that comes from elsewhere.</summary>
    private static void CheckInstanceOperation(OperationAnalysisContext context, IInvocationOperation invocation, TypeSet ciphers)
    {
        if (invocation.Instance is not { } receiver
            || !InstanceOperations.Contains(invocation.TargetMethod.Name)
            || !ciphers.Contains(receiver.Type, out var cipher))
        {
            return;
        }

        // A local holds an instance created in this method, where its creation is already reported.
        if (receiver.WithoutConversions() is ILocalReferenceOperation)
        {
            return;
        }

        Report(context, invocation, Routes.DisplayName(cipher));
    }

    private static void Report(OperationAnalysisContext context, IOperation operation, string algorithm) =>
        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.WeakCipherAlgorithm, operation.Syntax.GetLocation(), algorithm));
}
