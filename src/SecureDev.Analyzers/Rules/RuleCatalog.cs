using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Rules;

/// <summary>
/// The one catalog of SecureDev's analyzer rules. Each family keeps its descriptors in its own part
/// (RuleCatalog.&lt;Family&gt;.cs); rules-docs/, the README table and the security-level presets are checked against it.
/// </summary>
internal static partial class RuleCatalog
{
}
