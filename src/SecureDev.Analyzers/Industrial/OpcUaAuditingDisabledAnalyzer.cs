using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using static SecureDev.Analyzers.Industrial.IndustrialTypes;
using static SecureDev.Analyzers.Industrial.InsecureSetting;

namespace SecureDev.Analyzers.Industrial;

/// <summary>ServerConfiguration.AuditingEnabled = false, SetAuditingEnabled(false) and &lt;AuditingEnabled&gt;false in a configuration file.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OpcUaAuditingDisabledAnalyzer : SettingRuleAnalyzer
{
    private protected override DiagnosticDescriptor Rule => RuleCatalog.OpcUaAuditingDisabled;

    private protected override IEnumerable<InsecureSetting> Settings { get; } = new[]
    {
        Property("AuditingEnabled", Is(false), ServerConfiguration),
        Argument("SetAuditingEnabled", "auditingEnabled", Is(false), BuilderServerOptions, ConfigurationBuilder),
    };

    private protected override IEnumerable<XmlSetting> ConfigurationFileSettings { get; } = new[]
    {
        new XmlSetting("ServerConfiguration", "AuditingEnabled", e => e.IsFalse),
    };
}
