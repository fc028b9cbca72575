using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using static SecureDev.Analyzers.Industrial.IndustrialTypes;
using static SecureDev.Analyzers.Industrial.InsecureSetting;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// Weak peer certificates allowed: RejectSHA1SignedCertificates = false, and a MinimumCertificateKeySize below 2048
/// bits, as properties of SecurityConfiguration and CertificateValidator, as builder calls, as the minimumKeySize of
/// ApplicationInstance.CheckApplicationInstanceCertificate (1.4, 1.5.374) and in configuration files. 2048 and up is quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OpcUaWeakCertificatesAcceptedAnalyzer : SettingRuleAnalyzer
{
    private const int MinimumKeySize = 2048;
    private const string Sha1 = "SHA-1 signed certificates";
    private const string ShortKeys = "RSA keys shorter than 2048 bits";

    private static readonly Func<object?, bool> TooShort = IsInteger(v => v < MinimumKeySize);

    private protected override DiagnosticDescriptor Rule => RuleCatalog.OpcUaWeakCertificatesAccepted;

    private protected override IEnumerable<InsecureSetting> Settings { get; } = new[]
    {
        Property("RejectSHA1SignedCertificates", Is(false), SecurityConfiguration, CertificateValidator).Meaning(Sha1),
        Argument("SetRejectSHA1SignedCertificates", "rejectSHA1Signed", Is(false), BuilderSecurityOptions, ConfigurationBuilder).Meaning(Sha1),
        Property("MinimumCertificateKeySize", TooShort, SecurityConfiguration, CertificateValidator).Meaning(ShortKeys),
        Argument("SetMinimumCertificateKeySize", "keySize", TooShort, BuilderSecurityOptions, ConfigurationBuilder).Meaning(ShortKeys),
        Argument("CheckApplicationInstanceCertificate", "minimumKeySize", TooShort, ApplicationInstance).Meaning(ShortKeys),
    };

    private protected override IEnumerable<XmlSetting> ConfigurationFileSettings { get; } = new[]
    {
        new XmlSetting("SecurityConfiguration", "RejectSHA1SignedCertificates", e => e.IsFalse, Sha1),
        new XmlSetting("SecurityConfiguration", "MinimumCertificateKeySize", e => e.TryGetInteger(out var size) && size < MinimumKeySize, ShortKeys),
    };
}
