using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Communication;

/// <summary>
/// Certificate validation callbacks that accept anything: any function (method, local function, lambda, anonymous
/// method) shaped like a validation callback (returns bool, takes SslPolicyErrors) that returns true on every path, or
/// returns true somewhere without reading the policy errors, the certificate or the chain. It also flags
/// HttpClientHandler.DangerousAcceptAnyServerCertificateValidator. Judging the function itself covers every way it is
/// attached (property, constructor argument, ServicePointManager event, method group) with one check.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CertificateValidationDisabledAnalyzer : SecureDevAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.CertificateValidationDisabled);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var policyErrors = context.Compilation.GetTypeByMetadataName("System.Net.Security.SslPolicyErrors");
        if (policyErrors is null)
        {
            return;
        }

        FunctionBody.Register(context, (c, function) =>
        {
            if (IsValidationCallback(function.Symbol, policyErrors) && AcceptsAnything(function, policyErrors))
            {
                c.ReportDiagnostic(Diagnostic.Create(RuleCatalog.CertificateValidationDisabled, function.Location, function.Description));
            }
        });

        var handler = context.Compilation.GetTypeByMetadataName("System.Net.Http.HttpClientHandler");
        if (handler is not null)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var reference = (IPropertyReferenceOperation)c.Operation;
                    if (reference.Property.Name == "DangerousAcceptAnyServerCertificateValidator"
                        && SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType, handler))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(
                            RuleCatalog.CertificateValidationDisabled,
                            reference.Syntax.GetLocation(),
                            "HttpClientHandler.DangerousAcceptAnyServerCertificateValidator"));
                    }
                },
                OperationKind.PropertyReference);
        }
    }

    private static bool IsValidationCallback(IMethodSymbol method, INamedTypeSymbol policyErrors)
    {
        if (method.ReturnType.SpecialType != SpecialType.System_Boolean)
        {
            return false;
        }

        foreach (var parameter in method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, policyErrors))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when every return is the constant true, or when some return is true and the body never reads a parameter
    /// (neither the policy errors nor the certificate or chain that a pinning check would look at).
    /// A result taken from elsewhere (a configuration flag, a helper) is not judged: that is a decision, not a blanket accept.
    /// </summary>
    private static bool AcceptsAnything(FunctionBody function, INamedTypeSymbol policyErrors)
    {
        int returns = 0, constantTrue = 0;
        var readsParameter = false;
        foreach (var operation in function.Operations())
        {
            switch (operation)
            {
                case IReturnOperation { ReturnedValue: { } value }:
                    returns++;
                    if (value.ConstantValue is { HasValue: true, Value: true })
                    {
                        constantTrue++;
                    }

                    break;
                case IParameterReferenceOperation reference
                    when SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol, function.Symbol)
                         && (SymbolEqualityComparer.Default.Equals(reference.Parameter.Type, policyErrors) || reference.Parameter.Ordinal > 0):
                    readsParameter = true;
                    break;
            }
        }

        return constantTrue > 0 && (constantTrue == returns || !readsParameter);
    }
}
