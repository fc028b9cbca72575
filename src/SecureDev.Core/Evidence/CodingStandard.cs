using SecureDev.Core.IO;

namespace SecureDev.Core.Evidence;

/// <summary>Where an analyzer config file comes from: the product's own sources, a package, or the SDK.</summary>
public sealed record ConfigFile(string Path, string Name);

/// <summary>
/// The secure coding standard in force for one build (IEC 62443-4-1 SI-2): every rule the compiler ran with its
/// default and effective severity and the setting that changed it, and every suppression in source or configuration
/// with its justification. Made from the compiler's SARIF log, the project's analyzer config files and NoWarn.
/// </summary>
public sealed class CodingStandard
{
    public const string RulesFile = "coding-standard.json";
    public const string SuppressionsFile = "code-suppressions.json";
    public const string RulesSchema = "https://securedev.dev/schemas/coding-standard/1";
    public const string SuppressionsSchema = "https://securedev.dev/schemas/code-suppressions/1";

    private CodingStandard(CompilerLog log, IReadOnlyList<(RuleInForce Rule, string? ConfiguredBy)> rules, IReadOnlyList<Suppression> suppressions)
    {
        Log = log;
        Rules = rules;
        Suppressions = suppressions;
    }

    public CompilerLog Log { get; }

    public IReadOnlyList<(RuleInForce Rule, string? ConfiguredBy)> Rules { get; }

    public IReadOnlyList<Suppression> Suppressions { get; }

    /// <param name="configFiles">The project's analyzer config files (@(EditorConfigFiles)), already named for display; files of the SDK left out.</param>
    /// <param name="noWarn">The NoWarn property.</param>
    /// <param name="readSource">Reads a source file's lines, or returns null when it cannot.</param>
    /// <param name="displayPath">Names a source file for the evidence (relative to the project where possible).</param>
    public static CodingStandard Build(CompilerLog log, IEnumerable<ConfigFile> configFiles, string? noWarn, Func<string, IReadOnlyList<string>?> readSource, Func<string, string> displayPath)
    {
        var settings = configFiles
            .SelectMany(f => AnalyzerConfig.Read(f.Path).Select(s => s with { File = f.Name }))
            .ToList();
        var noWarnIds = (noWarn ?? "").Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => id.ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);

        var rules = log.Rules.Select(rule => (rule, ConfiguredBy(rule, settings, noWarnIds))).ToList();
        var suppressions = new List<Suppression>();
        var sources = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal);
        foreach (var finding in log.Findings.Where(f => f.Suppressed))
        {
            var rule = log.Rule(finding.RuleId);
            var security = IsSecurity(rule, finding.RuleId);
            var file = finding.File is null ? "(no location)" : displayPath(finding.File);
            var where = $"{file}:{finding.Line}: {finding.Message}";
            foreach (var suppression in finding.Suppressions)
            {
                if (suppression.Type is { } type && type.Contains("Pragma", StringComparison.OrdinalIgnoreCase))
                {
                    IReadOnlyList<string>? lines = null;
                    if (finding.File is not null && !sources.TryGetValue(finding.File, out lines))
                    {
                        sources[finding.File] = lines = readSource(finding.File);
                    }

                    var pragma = lines is null ? null : PragmaJustification.Find(lines, finding.Line, finding.RuleId);
                    suppressions.Add(new Suppression("pragma", finding.RuleId, rule?.Title, file, pragma?.Line ?? finding.Line, "suppresses a finding", true, security, where, pragma?.Justification ?? suppression.Justification));
                }
                else
                {
                    var mechanism = suppression.Type is { } t && t.Contains("SuppressMessage", StringComparison.OrdinalIgnoreCase) ? "SuppressMessage"
                        : suppression.Kind == "external" ? "external" : "suppressor";
                    suppressions.Add(new Suppression(mechanism, finding.RuleId, rule?.Title, file, finding.Line, "suppresses a finding", true, security, where, suppression.Justification));
                }
            }
        }

        foreach (var setting in settings)
        {
            var affected = Affected(log, setting).ToList();
            if (setting.IsRule && affected.Count == 0)
            {
                // A setting for a rule this build does not have (another analyzer's, a typo): recorded, it changes nothing.
                suppressions.Add(new Suppression(Mechanism(setting), setting.Target, null, setting.File, setting.Line, $"sets {setting.Value} for a rule this build does not run", false, setting.Target.StartsWith("SD", StringComparison.Ordinal), null, setting.Justification));
                continue;
            }

            var weakens = affected.Any(r => CompilerLog.Rank(setting.Level) < CompilerLog.Rank(r.DefaultLevel));
            var raises = affected.Any(r => CompilerLog.Rank(setting.Level) > CompilerLog.Rank(r.DefaultLevel));
            var effect = setting.Level == "none" && weakens ? "disables" : weakens ? "lowers to " + setting.Level : raises ? "raises to " + setting.Level : "keeps " + setting.Level;
            if (!setting.IsRule)
            {
                effect += $" ({affected.Count} rule{(affected.Count == 1 ? "" : "s")})";
            }

            suppressions.Add(new Suppression(Mechanism(setting), setting.Target, setting.IsRule ? affected[0].Title : null, setting.File, setting.Line, effect, weakens, affected.Any(r => IsSecurity(r, r.Id)), null, setting.Justification));
        }

        foreach (var id in noWarnIds.Order(StringComparer.Ordinal))
        {
            if (log.Rule(id) is { } rule)
            {
                suppressions.Add(new Suppression("NoWarn", id, rule.Title, "(MSBuild property NoWarn)", 0, "disables", rule.DefaultLevel != "none", IsSecurity(rule, id), null, null));
            }
        }

        return new CodingStandard(log, rules, suppressions
            .OrderBy(s => s.Target, StringComparer.Ordinal)
            .ThenBy(s => s.File, StringComparer.Ordinal)
            .ThenBy(s => s.Line)
            .ThenBy(s => s.Mechanism, StringComparer.Ordinal)
            .ToList());
    }

    /// <summary>SecureDev's own rules and every rule its analyzer files under the Security category.</summary>
    public static bool IsSecurity(RuleInForce? rule, string id) =>
        id.StartsWith("SD", StringComparison.Ordinal) || string.Equals(rule?.Category, "Security", StringComparison.OrdinalIgnoreCase);

    public string RulesJson(string project) => CanonicalJson.Serialize(new
    {
        schema = RulesSchema,
        project,
        compiler = new { name = Log.Compiler, version = Log.CompilerVersion },
        analysisSucceeded = Log.ExecutionSuccessful,
        summary = new
        {
            rules = Rules.Count,
            secureDevRules = Rules.Count(r => r.Rule.IsSecureDev),
            enabled = Rules.Count(r => r.Rule.EffectiveLevel != "none"),
            changedByConfiguration = Rules.Count(r => r.Rule.Overridden),
        },
        rules = Rules.Select(r => new
        {
            id = r.Rule.Id,
            title = r.Rule.Title,
            category = r.Rule.Category,
            defaultLevel = r.Rule.DefaultLevel,
            effectiveLevel = r.Rule.EffectiveLevel,
            configuredBy = r.ConfiguredBy,
            cwe = r.Rule.Tags.Where(t => t.StartsWith("CWE-", StringComparison.Ordinal)).ToArray() is { Length: > 0 } cwe ? cwe : null,
            requirement = r.Rule.Tags.FirstOrDefault(t => t.StartsWith("IEC62443", StringComparison.Ordinal)),
            helpUri = r.Rule.HelpUri,
        }),
    });

    public string SuppressionsJson(string project) => CanonicalJson.Serialize(new
    {
        schema = SuppressionsSchema,
        project,
        convention = $"A justification that starts with \"{Suppression.CountermeasurePrefix}\" records a compensating countermeasure the environment must provide (IEC 62443-4-1 SG-2).",
        summary = new
        {
            total = Suppressions.Count,
            weakeningSecurityRules = Suppressions.Count(s => s.Weakens && s.SecurityRule),
            unjustified = Suppressions.Count(s => s.Weakens && s.SecurityRule && !s.Justified),
            compensatingCountermeasures = Suppressions.Count(s => s.CompensatingCountermeasure is not null),
        },
        suppressions = Suppressions.Select(s => s.ToJson()),
    });

    private static string Mechanism(SeveritySetting setting) =>
        setting.IsGlobal || setting.File.EndsWith(".globalconfig", StringComparison.OrdinalIgnoreCase) ? "globalconfig" : "editorconfig";

    private static IEnumerable<RuleInForce> Affected(CompilerLog log, SeveritySetting setting)
    {
        if (setting.IsRule)
        {
            return log.Rule(setting.Target) is { } rule ? new[] { rule } : Array.Empty<RuleInForce>();
        }

        if (setting.Target == "*")
        {
            return log.Rules;
        }

        var category = setting.Target["category-".Length..];
        return log.Rules.Where(r => string.Equals(r.Category, category, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The last setting that names the rule (editorconfig over globalconfig), then its category, then all rules.</summary>
    private static string? ConfiguredBy(RuleInForce rule, IReadOnlyList<SeveritySetting> settings, ISet<string> noWarn)
    {
        if (noWarn.Contains(rule.Id))
        {
            return "NoWarn";
        }

        SeveritySetting? Pick(Func<SeveritySetting, bool> matches) =>
            settings.Where(matches).OrderBy(s => s.IsGlobal ? 0 : 1).LastOrDefault();

        var setting = Pick(s => s.Target == rule.Id)
                      ?? Pick(s => s.Target.StartsWith("category-", StringComparison.Ordinal) && string.Equals(s.Target["category-".Length..], rule.Category, StringComparison.OrdinalIgnoreCase))
                      ?? Pick(s => s.Target == "*");
        return setting is null ? null : $"{setting.File}:{setting.Line}";
    }
}
