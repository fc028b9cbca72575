using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using static SecureDev.Analyzers.Industrial.IndustrialTypes;
using static SecureDev.Analyzers.Industrial.InsecureSetting;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// AutoAcceptUntrustedCertificates switched on: the SecurityConfiguration and CertificateValidator properties
/// (assignment or initializer), the builder's SetAutoAcceptUntrustedCertificates(true), and
/// &lt;AutoAcceptUntrustedCertificates&gt;true&lt;/…&gt; in a configuration file. A value from configuration stays quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OpcUaAutoAcceptUntrustedCertificatesAnalyzer : SettingRuleAnalyzer
{
    private protected override DiagnosticDescriptor Rule => RuleCatalog.OpcUaAutoAcceptUntrustedCertificates;

    private protected override IEnumerable<InsecureSetting> Settings { get; } = new[]
    {
        Property("AutoAcceptUntrustedCertificates", Is(true), SecurityConfiguration, CertificateValidator),
        Argument("SetAutoAcceptUntrustedCertificates", "autoAccept", Is(true), BuilderSecurityOptions, ConfigurationBuilder),
    };

    private protected override IEnumerable<XmlSetting> ConfigurationFileSettings { get; } = new[]
    {
        new XmlSetting("SecurityConfiguration", "AutoAcceptUntrustedCertificates", e => e.IsTrue),
    };
}
