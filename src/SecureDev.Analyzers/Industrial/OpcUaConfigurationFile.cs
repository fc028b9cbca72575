using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// An insecure value in an OPC UA application configuration file (the XML the stack loads with
/// ApplicationConfiguration.Load): the element, the parent it must be in, and the test of its value.
/// </summary>
internal sealed class XmlSetting
{
    public XmlSetting(string parent, string element, Func<XmlElementNode, bool> isInsecure, string detail = "")
    {
        Parent = parent;
        Element = element;
        IsInsecure = isInsecure;
        Detail = detail;
    }

    public string Parent { get; }

    public string Element { get; }

    public Func<XmlElementNode, bool> IsInsecure { get; }

    public string Detail { get; }
}

/// <summary>Finds <see cref="XmlSetting"/>s in the OPC UA configuration files passed as AdditionalFiles.</summary>
internal static class OpcUaConfigurationFile
{
    /// <summary>Present in every OPC UA .NET Standard version: the files are only read when the stack is referenced.</summary>
    public const string AnchorType = "Opc.Ua.ApplicationConfiguration";

    public static void Register(CompilationStartAnalysisContext context, DiagnosticDescriptor rule, XmlSetting[] settings)
    {
        if (settings.Length == 0 || context.Compilation.GetTypeByMetadataName(AnchorType) is null)
        {
            return;
        }

        context.RegisterAdditionalFileAction(c =>
        {
            if (ConfigurationFiles.OpcUaConfiguration(c.AdditionalFile, c.CancellationToken) is not { } root)
            {
                return;
            }

            var text = c.AdditionalFile.GetText(c.CancellationToken)!;
            foreach (var element in root.Descendants())
            {
                foreach (var setting in settings)
                {
                    if (element.Name == setting.Element && element.Parent?.Name == setting.Parent && setting.IsInsecure(element))
                    {
                        var written = "<" + element.Name + ">" + element.Value + "</" + element.Name + ">";
                        c.ReportDiagnostic(Diagnostic.Create(rule, ConfigurationFiles.LocationOf(c.AdditionalFile, text, element.Start), written, setting.Detail));
                    }
                }
            }
        });
    }
}
