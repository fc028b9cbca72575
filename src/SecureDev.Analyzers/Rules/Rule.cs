using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Rules;

/// <summary>
/// Builds every descriptor of the catalog, so that id, category, CWE and IEC 62443-4-2 tags and the help link are
/// formed one way. Nothing else in the analyzers creates a <see cref="DiagnosticDescriptor"/>.
/// </summary>
internal static class Rule
{
    /// <summary>Where the rule pages live; the id and ".md" are appended.</summary>
    public const string DocsBaseUrl = "https://github.com/securedev/securedev/blob/main/rules-docs/";

    public const string CweTagPrefix = "CWE-";
    public const string RequirementTagPrefix = "IEC62443-4-2:";
    public const string SecurityLevelTagPrefix = "SL";

    /// <param name="id">SD + four digits, in the block of <paramref name="family"/>.</param>
    /// <param name="requirement">The IEC 62443-4-2 component requirement, written "CR 4.3".</param>
    /// <param name="securityLevel">The lowest security level (1 to 4) at which <paramref name="requirement"/> applies.</param>
    /// <param name="cwe">CWE numbers, most specific first.</param>
    public static DiagnosticDescriptor Create(
        string id,
        RuleFamily family,
        string title,
        string message,
        string description,
        DiagnosticSeverity severity,
        string requirement,
        int securityLevel,
        params int[] cwe)
    {
        var tags = new string[cwe.Length + 3];
        for (var i = 0; i < cwe.Length; i++)
        {
            tags[i] = CweTagPrefix + cwe[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        tags[cwe.Length] = RequirementTagPrefix + requirement.Replace(" ", string.Empty);
        tags[cwe.Length + 1] = SecurityLevelTagPrefix + securityLevel.ToString(System.Globalization.CultureInfo.InvariantCulture);
        tags[cwe.Length + 2] = "Security";

        return new DiagnosticDescriptor(
            id,
            title,
            message,
            family.ToString(),
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: DocsBaseUrl + id + ".md",
            customTags: tags);
    }
}
