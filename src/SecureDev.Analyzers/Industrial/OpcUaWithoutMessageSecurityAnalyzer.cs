using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using static SecureDev.Analyzers.Industrial.IndustrialTypes;
using static SecureDev.Analyzers.Industrial.InsecureSetting;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// OPC UA without message security, offered by a server or chosen by a client: MessageSecurityMode.None on a
/// ServerSecurityPolicy or EndpointDescription (property or initializer), the builder's AddUnsecurePolicyNone() and
/// AddPolicy(MessageSecurityMode.None, ...), CoreClientUtils.SelectEndpoint(Async)(..., useSecurity: false), and
/// &lt;SecurityMode&gt;None_1&lt;/SecurityMode&gt; in a server's configuration file. A mode or useSecurity flag read from
/// configuration is the operator's decision and stays quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OpcUaWithoutMessageSecurityAnalyzer : SettingRuleAnalyzer
{
    private static readonly Func<object?, bool> ModeNone = IsInteger(v => v == MessageSecurityModeNone);

    private protected override DiagnosticDescriptor Rule => RuleCatalog.OpcUaWithoutMessageSecurity;

    private protected override IEnumerable<InsecureSetting> Settings { get; } = new[]
    {
        Property("SecurityMode", ModeNone, ServerSecurityPolicy, EndpointDescription),
        Argument("AddUnsecurePolicyNone", "addPolicy", Is(true), BuilderServerPolicies, ConfigurationBuilder),
        Argument("AddPolicy", "securityMode", ModeNone, BuilderServerPolicies, ConfigurationBuilder),
        Argument("SelectEndpoint", "useSecurity", Is(false), CoreClientUtils),
        Argument("SelectEndpointAsync", "useSecurity", Is(false), CoreClientUtils),
    };

    private protected override IEnumerable<XmlSetting> ConfigurationFileSettings { get; } = new[]
    {
        new XmlSetting("ServerSecurityPolicy", "SecurityMode", e => e.EnumName == "None"),
    };
}
