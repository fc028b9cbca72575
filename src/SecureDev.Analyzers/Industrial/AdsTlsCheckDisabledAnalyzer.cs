using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using static SecureDev.Analyzers.Industrial.IndustrialTypes;
using static SecureDev.Analyzers.Industrial.InsecureSetting;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// TwinCAT Secure ADS with its certificate checks off: TlsConfig.Insecure = true (no peer certificate check) and
/// IgnoreCn = true (no common-name check), in code and in appsettings*.json passed as AdditionalFiles
/// (AmsRouter:RemoteConnections:[i]:Tls:Insecure / IgnoreCn, as the ADS configuration provider reads them). A literal
/// KeyPwd is SD3001's (hard-coded credential).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AdsTlsCheckDisabledAnalyzer : SettingRuleAnalyzer
{
    private const string AcceptsAnyPeer = "accept any peer certificate";
    private const string AcceptsOtherDevices = "accept a trusted certificate issued to another device";

    private protected override DiagnosticDescriptor Rule => RuleCatalog.AdsTlsCheckDisabled;

    private protected override IEnumerable<InsecureSetting> Settings { get; } = new[]
    {
        Property("Insecure", Is(true), AdsTlsConfig).Meaning(AcceptsAnyPeer),
        Property("IgnoreCn", Is(true), AdsTlsConfig).Meaning(AcceptsOtherDevices),
    };

    private protected override void OnLibraryStart(CompilationStartAnalysisContext context)
    {
        if (context.Compilation.GetTypeByMetadataName(AdsTlsConfig) is null && context.Compilation.GetTypeByMetadataName(AdsClient) is null)
        {
            return;
        }

        var rule = Rule;
        context.RegisterAdditionalFileAction(c =>
        {
            if (ConfigurationFiles.AppSettings(c.AdditionalFile, c.CancellationToken) is not { } settings)
            {
                return;
            }

            var text = c.AdditionalFile.GetText(c.CancellationToken)!;
            foreach (var setting in settings.Values)
            {
                var key = setting.Key;
                if (!key.StartsWith("AmsRouter:", StringComparison.OrdinalIgnoreCase) || !setting.Value.Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var meaning = key.EndsWith(":Tls:Insecure", StringComparison.OrdinalIgnoreCase) ? AcceptsAnyPeer
                    : key.EndsWith(":Tls:IgnoreCn", StringComparison.OrdinalIgnoreCase) ? AcceptsOtherDevices
                    : null;
                if (meaning is not null)
                {
                    var written = key.Substring(key.LastIndexOf(':') + 1) + ": true in " + System.IO.Path.GetFileName(c.AdditionalFile.Path);
                    c.ReportDiagnostic(Diagnostic.Create(rule, ConfigurationFiles.LocationOf(c.AdditionalFile, text, setting.Start), written, meaning));
                }
            }
        });
    }
}
