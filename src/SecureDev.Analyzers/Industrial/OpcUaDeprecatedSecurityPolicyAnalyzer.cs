using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using static SecureDev.Analyzers.Industrial.IndustrialTypes;
using static SecureDev.Analyzers.Industrial.InsecureSetting;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// The deprecated OPC UA security policies Basic128Rsa15 and Basic256 (SHA-1, RSA PKCS#1 v1.5), as the
/// SecurityPolicyUri of a ServerSecurityPolicy, EndpointDescription or UserTokenPolicy, as the builder's AddPolicy
/// argument, and in a configuration file's &lt;SecurityPolicyUri&gt;. Basic256Sha256 and the Aes* policies stay quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OpcUaDeprecatedSecurityPolicyAnalyzer : SettingRuleAnalyzer
{
    private static readonly Func<object?, bool> Deprecated = IsString(SecurityPolicyBasic128Rsa15, SecurityPolicyBasic256);

    private protected override DiagnosticDescriptor Rule => RuleCatalog.OpcUaDeprecatedSecurityPolicy;

    private protected override IEnumerable<InsecureSetting> Settings { get; } = new[]
    {
        Property("SecurityPolicyUri", Deprecated, ServerSecurityPolicy, EndpointDescription, UserTokenPolicy),
        Argument("AddPolicy", "securityPolicy", Deprecated, BuilderServerPolicies, ConfigurationBuilder),
    };

    private protected override IEnumerable<XmlSetting> ConfigurationFileSettings { get; } = new[]
    {
        new XmlSetting("ServerSecurityPolicy", "SecurityPolicyUri", IsDeprecated),
        new XmlSetting("UserTokenPolicy", "SecurityPolicyUri", IsDeprecated),
    };

    private static bool IsDeprecated(XmlElementNode element) => element.Value is SecurityPolicyBasic128Rsa15 or SecurityPolicyBasic256;
}
