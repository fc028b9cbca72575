using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Communication;

/// <summary>
/// The certificate revocation check switched off in code: <c>X509RevocationMode.NoCheck</c> handed to any API
/// (<c>X509ChainPolicy.RevocationMode</c>, <c>CertificateRevocationCheckMode</c> of the SslStream options, third-party
/// options), and the revocation flags set to <c>false</c> (<c>CheckCertificateRevocationList</c>, Kestrel's
/// <c>CheckCertificateRevocation</c>, SslStream's <c>checkCertificateRevocation</c> argument), in place or through a
/// local, constant or static readonly member. Defaults left alone are not reported: only a written decision is.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CertificateRevocationNotCheckedAnalyzer : SecureDevAnalyzer
{
    private static readonly HashSet<string> RevocationFlags = new(StringComparer.Ordinal)
    {
        "CheckCertificateRevocationList",
        "CheckCertificateRevocation",
        "checkCertificateRevocation",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.CertificateRevocationNotChecked);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var revocationMode = context.Compilation.GetTypeByMetadataName("System.Security.Cryptography.X509Certificates.X509RevocationMode");
        if (revocationMode is null)
        {
            return;
        }

        SettingSinks.Register(
            context,
            type => type.SpecialType == SpecialType.System_Boolean || type.IsSameAs(revocationMode),
            (c, sink) =>
            {
                var isFlag = sink.TargetType?.SpecialType == SpecialType.System_Boolean;
                if (isFlag && !RevocationFlags.Contains(sink.Target.Name))
                {
                    return;
                }

                // NoCheck is 0; a flag is off when false.
                if (ValueFlow.TryGetConstant(sink.Value, out var constant)
                    && (isFlag ? constant is false : ValueFlow.AsLong(constant) == 0))
                {
                    c.ReportDiagnostic(Diagnostic.Create(
                        RuleCatalog.CertificateRevocationNotChecked,
                        sink.Value.Syntax.GetLocation(),
                        "'" + sink.Describe() + (isFlag ? " = false'" : " = X509RevocationMode.NoCheck'")));
                }
            },
            SettingSinkKinds.Assignment | SettingSinkKinds.Argument | SettingSinkKinds.Initializer);
    }
}
