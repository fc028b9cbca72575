using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using static SecureDev.Analyzers.Industrial.IndustrialTypes;
using static SecureDev.Analyzers.Industrial.InsecureSetting;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// A server user token policy of type Anonymous: new UserTokenPolicy(UserTokenType.Anonymous), TokenType =
/// Anonymous (assignment or initializer), the builder's AddUserTokenPolicy(UserTokenType.Anonymous), and
/// &lt;TokenType&gt;Anonymous_0&lt;/TokenType&gt; in a configuration file. A client's anonymous UserIdentity is not a server
/// offering anything and is left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OpcUaAnonymousAccessAnalyzer : SettingRuleAnalyzer
{
    private static readonly Func<object?, bool> Anonymous = IsInteger(v => v == UserTokenTypeAnonymous);

    private protected override DiagnosticDescriptor Rule => RuleCatalog.OpcUaAnonymousAccess;

    private protected override IEnumerable<InsecureSetting> Settings { get; } = new[]
    {
        ConstructorArgument("tokenType", Anonymous, UserTokenPolicy),
        Property("TokenType", Anonymous, UserTokenPolicy),
        Argument("AddUserTokenPolicy", "userTokenType", Anonymous, BuilderServerPolicies, ConfigurationBuilder),
    };

    private protected override IEnumerable<XmlSetting> ConfigurationFileSettings { get; } = new[]
    {
        new XmlSetting("UserTokenPolicy", "TokenType", e => e.EnumName == "Anonymous"),
    };
}
