using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;
using static SecureDev.Analyzers.Industrial.IndustrialTypes;
using static SecureDev.Analyzers.Industrial.InsecureSetting;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// MQTT TLS whose certificate validation is weakened (MQTTnet 4.x and 5.x): AllowUntrustedCertificates,
/// IgnoreCertificateChainErrors and IgnoreCertificateRevocationErrors set true, RevocationMode NoCheck, by property,
/// initializer, MqttClientOptionsBuilderTlsParameters (4.x) or the TLS options builder (including the parameterless
/// With…() overloads, whose default is true); and certificate validation handlers taking
/// MqttClientCertificateValidationEventArgs that return true on every path or without looking at the arguments.
/// Handlers that check SslPolicyErrors or pin the certificate, and flags read from configuration, stay quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MqttCertificateValidationWeakenedAnalyzer : SettingRuleAnalyzer
{
    private const int NoCheck = 0;

    private static readonly string[] Options = { MqttClientTlsOptions5, MqttClientTlsOptions4, MqttTlsParameters4 };
    private static readonly string[] Builders = { MqttClientTlsOptionsBuilder5, MqttClientTlsOptionsBuilder4 };

    private protected override DiagnosticDescriptor Rule => RuleCatalog.MqttCertificateValidationWeakened;

    private protected override IEnumerable<InsecureSetting> Settings { get; } = new[]
    {
        Property("AllowUntrustedCertificates", Is(true), Options).Meaning("untrusted certificates allowed"),
        Property("IgnoreCertificateChainErrors", Is(true), Options).Meaning("chain errors ignored"),
        Property("IgnoreCertificateRevocationErrors", Is(true), Options).Meaning("revocation errors ignored"),
        Property("RevocationMode", IsInteger(v => v == NoCheck), Options).Meaning("revocation not checked"),
        Argument("WithAllowUntrustedCertificates", "allowUntrustedCertificates", Is(true), Builders).Meaning("untrusted certificates allowed"),
        Argument("WithIgnoreCertificateChainErrors", "ignoreCertificateChainErrors", Is(true), Builders).Meaning("chain errors ignored"),
        Argument("WithIgnoreCertificateRevocationErrors", "ignoreCertificateRevocationErrors", Is(true), Builders).Meaning("revocation errors ignored"),
        Argument("WithRevocationMode", "revocationMode", IsInteger(v => v == NoCheck), Builders).Meaning("revocation not checked"),
    };

    private protected override void OnLibraryStart(CompilationStartAnalysisContext context)
    {
        var eventArgs = Origins.Resolve(context.Compilation, MqttCertificateValidationEventArgs5, MqttCertificateValidationEventArgs4);
        if (eventArgs.IsEmpty)
        {
            return;
        }

        FunctionBody.Register(context, (c, function) =>
        {
            if (function.Symbol.ReturnType.SpecialType != SpecialType.System_Boolean
                || function.Symbol.Parameters.Length != 1
                || !eventArgs.Contains(function.Symbol.Parameters[0].Type as INamedTypeSymbol, SymbolEqualityComparer.Default)
                || !AcceptsAnything(function))
            {
                return;
            }

            c.ReportDiagnostic(Diagnostic.Create(Rule, function.Location, function.Description, "the handler returns true without looking at the certificate or the policy errors"));
        });
    }

    /// <summary>True when every return is the constant true, or some return is true and the arguments are never read.</summary>
    private static bool AcceptsAnything(FunctionBody function)
    {
        int returns = 0, alwaysTrue = 0;
        var readsArguments = false;
        foreach (var operation in function.Operations())
        {
            switch (operation)
            {
                case IReturnOperation { ReturnedValue: { } value }:
                    returns++;
                    if (ValueFlow.TryGetConstant(value, out var constant) && constant is true)
                    {
                        alwaysTrue++;
                    }

                    break;
                case IParameterReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol, function.Symbol):
                    readsArguments = true;
                    break;
            }
        }

        return alwaysTrue > 0 && (alwaysTrue == returns || !readsArguments);
    }
}
