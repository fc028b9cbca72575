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
/// PBKDF2 with SHA-1 (or MD5) or fewer than 100,000 iterations: the Rfc2898DeriveBytes constructors (whose defaults
/// are SHA-1 and 1,000 iterations), the static Rfc2898DeriveBytes.Pbkdf2, ASP.NET Core's KeyDerivation.Pbkdf2, and the
/// IterationCount of Rfc2898DeriveBytes and of ASP.NET Core Identity's PasswordHasherOptions (also its IdentityV2
/// compatibility mode, PBKDF2-SHA1 with 1,000 iterations), set in place, in an initializer or in a Configure lambda.
/// Counts and hash names are followed through locals, constants and static readonly fields; values that come from
/// configuration are left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WeakKeyDerivationAnalyzer : SecureDevAnalyzer
{
    /// <summary>Below this many iterations PBKDF2 is reported, whatever the hash (the rule's floor; OWASP 2023 asks 600,000 for SHA-256).</summary>
    public const int MinimumIterations = 100_000;

    /// <summary>What the code fix sets: OWASP's 2023 figure for PBKDF2-HMAC-SHA256.</summary>
    public const int RecommendedIterations = 600_000;

    private const int DefaultIterations = 1_000;

    // KeyDerivationPrf.HMACSHA1 and PasswordHasherCompatibilityMode.IdentityV2.
    private const int KeyDerivationPrfHmacSha1 = 0;
    private const int IdentityV2 = 0;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.WeakKeyDerivation);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var compilation = context.Compilation;
        var rfc2898 = compilation.GetTypeByMetadataName("System.Security.Cryptography.Rfc2898DeriveBytes");
        var keyDerivation = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Cryptography.KeyDerivation.KeyDerivation");
        var hasherOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Identity.PasswordHasherOptions");
        if (rfc2898 is null && keyDerivation is null && hasherOptions is null)
        {
            return;
        }

        var hashAlgorithmName = compilation.GetTypeByMetadataName("System.Security.Cryptography.HashAlgorithmName");

        context.RegisterOperationAction(
            c =>
            {
                var creation = (IObjectCreationOperation)c.Operation;
                if (creation.Type.IsSameAs(rfc2898))
                {
                    CheckPbkdf2(c, creation, creation.Arguments, hashAlgorithmName);
                }
            },
            OperationKind.ObjectCreation);

        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                var method = invocation.TargetMethod;
                if (method.Name != "Pbkdf2" || !method.IsStatic)
                {
                    return;
                }

                if (SymbolEqualityComparer.Default.Equals(method.ContainingType, rfc2898))
                {
                    CheckPbkdf2(c, invocation, invocation.Arguments, hashAlgorithmName);
                }
                else if (SymbolEqualityComparer.Default.Equals(method.ContainingType, keyDerivation))
                {
                    var prf = invocation.Arguments.ArgumentFor("prf");
                    var weakPrf = prf is not null && ValueFlow.TryGetConstant(prf.Value, out var value) && value is int number && number == KeyDerivationPrfHmacSha1;
                    Report(c, invocation, weakPrf ? "SHA-1" : null, Iterations(invocation.Arguments.ArgumentFor("iterationCount")?.Value));
                }
            },
            OperationKind.Invocation);

        context.RegisterOperationAction(
            c =>
            {
                var assignment = (ISimpleAssignmentOperation)c.Operation;
                if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "IterationCount" or "CompatibilityMode" } property } reference)
                {
                    return;
                }

                var owner = reference.Instance?.Type ?? property.ContainingType;
                if (!SymbolEqualityComparer.Default.Equals(owner, rfc2898) && !SymbolEqualityComparer.Default.Equals(owner, hasherOptions))
                {
                    return;
                }

                if (property.Name == "IterationCount")
                {
                    Report(c, assignment.Value, null, Iterations(assignment.Value));
                }
                else if (ValueFlow.TryGetConstant(assignment.Value, out var mode) && mode is int number && number == IdentityV2)
                {
                    c.ReportDiagnostic(Diagnostic.Create(RuleCatalog.WeakKeyDerivation, assignment.Value.Syntax.GetLocation(), "with SHA-1 and 1,000 iterations (PasswordHasherCompatibilityMode.IdentityV2)"));
                }
            },
            OperationKind.SimpleAssignment);
    }

    /// <summary>Rfc2898DeriveBytes(password, salt[, iterations[, hashAlgorithm]]) and Rfc2898DeriveBytes.Pbkdf2(...).</summary>
    private static void CheckPbkdf2(OperationAnalysisContext context, IOperation call, ImmutableArray<IArgumentOperation> arguments, INamedTypeSymbol? hashAlgorithmName)
    {
        var iterations = arguments.ArgumentFor("iterations");
        var hash = arguments.ArgumentFor("hashAlgorithm");

        // A parameter the call does not pass falls back to the constructor's defaults: 1,000 iterations of SHA-1.
        var weakHash = hash is null || hash.ArgumentKind == ArgumentKind.DefaultValue
            ? "SHA-1 (the default)"
            : WeakHashName(hash.Value, hashAlgorithmName);
        int? count = iterations is null || iterations.ArgumentKind == ArgumentKind.DefaultValue ? DefaultIterations : Iterations(iterations.Value);
        Report(context, call, weakHash, count, iterations is null);
    }

    private static void Report(OperationAnalysisContext context, IOperation operation, string? weakHash, int? iterations, bool defaultIterations = false)
    {
        var fewIterations = iterations is < MinimumIterations;
        if (weakHash is null && !fewIterations)
        {
            return;
        }

        var count = fewIterations
            ? iterations!.Value.ToString("N0", CultureInfo.InvariantCulture) + (defaultIterations ? " iterations (the default)" : " iterations")
            : null;
        var finding = (weakHash, count) switch
        {
            ({ } hash, { } text) => $"with {hash} and {text}",
            ({ } hash, null) => $"with {hash}",
            _ => $"with {count}",
        };
        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.WeakKeyDerivation, operation.Syntax.GetLocation(), finding));
    }

    private static int? Iterations(IOperation? value) =>
        value is not null && ValueFlow.TryGetConstant(value, out var constant) && constant is int number ? number : null;

    /// <summary>"SHA-1" or "MD5" when the hash is one of them: HashAlgorithmName.SHA1, new HashAlgorithmName("SHA1"), through a local or static readonly field.</summary>
    internal static string? WeakHashName(IOperation value, INamedTypeSymbol? hashAlgorithmName)
    {
        var name = HashName(value.WithoutConversions(), hashAlgorithmName, 0);
        return name?.ToUpperInvariant() switch
        {
            "SHA1" or "SHA-1" => "SHA-1",
            "MD5" => "MD5",
            _ => null,
        };
    }

    private static string? HashName(IOperation? value, INamedTypeSymbol? hashAlgorithmName, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case IPropertyReferenceOperation { Property: { IsStatic: true } property } when SymbolEqualityComparer.Default.Equals(property.ContainingType, hashAlgorithmName):
                return property.Name;
            case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, hashAlgorithmName) && creation.Arguments.Length == 1:
                return ValueFlow.TryGetConstant(creation.Arguments[0].Value, out var text) ? text as string : null;
            case ILocalReferenceOperation local when depth < 4:
                return HashName(ValueOrigin.SingleDefinition(local)?.WithoutConversions(), hashAlgorithmName, depth + 1);
            case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field }:
                // static readonly HashAlgorithmName Prf = HashAlgorithmName.SHA1;
                return field.DeclaringSyntaxReferences.Length == 1
                       && field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: MemberAccessExpressionSyntax access }
                       && SymbolEqualityComparer.Default.Equals(field.Type, hashAlgorithmName)
                    ? access.Name.Identifier.ValueText
                    : null;
            default:
                return null;
        }
    }
}
