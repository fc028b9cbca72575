namespace SecureDev.Benchmarks;

/// <summary>The groups of rules, by rule id prefix, and the speed target of those that have one (issues 3 and 5): one
/// definition for the analyzer and the build benchmark.</summary>
internal static class RuleGroups
{
    public static readonly (string Name, string[] Prefixes, bool HasTarget)[] All =
    {
        ("pattern rules (SD1, SD2, SD3, SD6, SD8)", new[] { "SD1", "SD2", "SD3", "SD6", "SD8" }, true),
        ("taint rules (SD4, SD7)", new[] { "SD4", "SD7" }, true),
        ("industrial rules (SD5)", new[] { "SD5" }, false),
    };

    /// <summary>The name of the group a rule id (or a list of an analyzer's ids, which share one) belongs to.</summary>
    public static string Of(string ruleId) => All.First(group => group.Prefixes.Any(prefix => ruleId.StartsWith(prefix, StringComparison.Ordinal))).Name;
}
