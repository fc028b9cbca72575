using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using static SecureDev.Analyzers.Industrial.IndustrialTypes;
using static SecureDev.Analyzers.Industrial.InsecureSetting;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// checkDomain: false on any session factory or Session.Create overload (1.4 static Session.Create, 1.5
/// ISessionFactory/DefaultSessionFactory.CreateAsync). A value from configuration stays quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OpcUaHostNameCheckDisabledAnalyzer : SettingRuleAnalyzer
{
    private protected override DiagnosticDescriptor Rule => RuleCatalog.OpcUaHostNameCheckDisabled;

    private protected override IEnumerable<InsecureSetting> Settings { get; } = new[]
    {
        Argument(AnyMethod, "checkDomain", Is(false), Session, ISessionFactory, DefaultSessionFactory),
    };
}
