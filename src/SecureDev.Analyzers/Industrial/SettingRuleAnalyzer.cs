using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Common;

// RS1012 cannot see the registrations made by the helpers the start action calls (InsecureSettings, OpcUaConfigurationFile).
#pragma warning disable RS1012

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// A rule that is a table of insecure library settings (<see cref="InsecureSetting"/>) and, for OPC UA, of the same
/// settings in application configuration files (<see cref="XmlSetting"/>). The derived analyzer is data only: its
/// descriptor, its settings and the type whose presence says the library is referenced. The message's {0} is the
/// setting as written, {1} what it weakens.
/// </summary>
public abstract class SettingRuleAnalyzer : SecureDevAnalyzer
{
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected abstract DiagnosticDescriptor Rule { get; }

    private protected abstract IEnumerable<InsecureSetting> Settings { get; }

    private protected virtual IEnumerable<XmlSetting> ConfigurationFileSettings => Array.Empty<XmlSetting>();

    protected sealed override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var rule = Rule;
        InsecureSettings.Register(context, Settings, (c, finding) =>
            c.ReportDiagnostic(Diagnostic.Create(rule, finding.Location, finding.Written, finding.Setting.Detail)));
        OpcUaConfigurationFile.Register(context, rule, ConfigurationFileSettings.ToArray());
        OnLibraryStart(context);
    }

    /// <summary>For the checks of the rule that are not a table: handlers, configuration files other than OPC UA's.</summary>
    private protected virtual void OnLibraryStart(CompilationStartAnalysisContext context)
    {
    }
}
