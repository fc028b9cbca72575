using System.Text.Json;

namespace SecureDev.Core.Evidence;

/// <summary>A rule the compiler ran, with the severity the project's configuration gave it (the secure coding standard in force, SI-2).</summary>
/// <param name="DefaultLevel">The rule's own default: error, warning, note or none (disabled by default).</param>
/// <param name="EffectiveLevel">What the build applied: the default, or the compiler's recorded override (editorconfig, globalconfig, NoWarn, ...).</param>
public sealed record RuleInForce(string Id, string Title, string? Category, string DefaultLevel, string EffectiveLevel, string? HelpUri, IReadOnlyList<string> Tags)
{
    public bool Overridden => DefaultLevel != EffectiveLevel;

    public bool IsSecureDev => Id.StartsWith("SD", StringComparison.Ordinal);
}

/// <summary>A suppression the compiler recorded on a finding: a pragma, a [SuppressMessage] or a diagnostic suppressor.</summary>
public sealed record RecordedSuppression(string Kind, string? Type, string? Justification);

/// <summary>One result of the compiler's log, suppressed or not.</summary>
/// <param name="File">The source file as the compiler named it (an absolute path on the build machine).</param>
public sealed record CompilerFinding(string RuleId, string Level, string Message, string? File, int Line, int Column, IReadOnlyList<RecordedSuppression> Suppressions)
{
    public bool Suppressed => Suppressions.Count > 0;
}

/// <summary>
/// The compiler's SARIF 2.1 error log, read for the evidence: every rule it ran with its default and effective level
/// (tool.driver.rules and invocations[0].ruleConfigurationOverrides), and every result with its suppressions.
/// </summary>
public sealed class CompilerLog
{
    public const string Levels = "error, warning, note, none";

    private CompilerLog(string compiler, string? compilerVersion, bool executionSuccessful, IReadOnlyList<RuleInForce> rules, IReadOnlyList<CompilerFinding> findings)
    {
        Compiler = compiler;
        CompilerVersion = compilerVersion;
        ExecutionSuccessful = executionSuccessful;
        Rules = rules;
        Findings = findings;
    }

    public string Compiler { get; }

    public string? CompilerVersion { get; }

    public bool ExecutionSuccessful { get; }

    /// <summary>Sorted by id.</summary>
    public IReadOnlyList<RuleInForce> Rules { get; }

    /// <summary>In the order of the log.</summary>
    public IReadOnlyList<CompilerFinding> Findings { get; }

    public static CompilerLog Read(string file) => Parse(File.ReadAllText(file), file);

    /// <exception cref="InvalidDataException">The text is not a SARIF 2.1 log, with the reason.</exception>
    public static CompilerLog Parse(string json, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "version") != "2.1.0")
            {
                throw new InvalidDataException($"{name} is not a SARIF 2.1 log (version {(root.ValueKind == JsonValueKind.Object ? Text(root, "version") ?? "missing" : "missing")}); the compiler writes 2.1 when ErrorLog ends with ',version=2.1'.");
            }

            if (!root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array || runs.GetArrayLength() == 0)
            {
                throw new InvalidDataException($"{name} holds no run.");
            }

            var run = runs[0];
            var driver = run.GetProperty("tool").GetProperty("driver");
            var descriptors = driver.TryGetProperty("rules", out var rulesArray) ? rulesArray.EnumerateArray().ToList() : new List<JsonElement>();
            var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
            var executionSuccessful = true;
            if (run.TryGetProperty("invocations", out var invocations) && invocations.ValueKind == JsonValueKind.Array && invocations.GetArrayLength() > 0)
            {
                var invocation = invocations[0];
                executionSuccessful = !invocation.TryGetProperty("executionSuccessful", out var ok) || ok.ValueKind != JsonValueKind.False;
                if (invocation.TryGetProperty("ruleConfigurationOverrides", out var list))
                {
                    foreach (var item in list.EnumerateArray())
                    {
                        var descriptor = item.GetProperty("descriptor");
                        var id = Text(descriptor, "id")
                                 ?? (descriptor.TryGetProperty("index", out var index) && index.GetInt32() < descriptors.Count ? Text(descriptors[index.GetInt32()], "id") : null);
                        if (id is not null && item.TryGetProperty("configuration", out var configuration))
                        {
                            overrides[id] = Level(configuration);
                        }
                    }
                }
            }

            var rules = descriptors
                .Select(d =>
                {
                    var id = Text(d, "id") ?? throw new InvalidDataException($"{name}: a rule has no id.");
                    var defaultLevel = d.TryGetProperty("defaultConfiguration", out var configuration) ? Level(configuration) : "warning";
                    var properties = d.TryGetProperty("properties", out var p) ? p : default;
                    var tags = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("tags", out var t)
                        ? t.EnumerateArray().Select(x => x.GetString() ?? "").Where(x => x.Length > 0).ToArray()
                        : Array.Empty<string>();
                    return new RuleInForce(
                        id,
                        Message(d, "shortDescription") ?? id,
                        properties.ValueKind == JsonValueKind.Object ? Text(properties, "category") : null,
                        defaultLevel,
                        overrides.TryGetValue(id, out var effective) ? effective : defaultLevel,
                        Text(d, "helpUri"),
                        tags);
                })
                .GroupBy(r => r.Id, StringComparer.Ordinal)
                .Select(g => g.First())
                .OrderBy(r => r.Id, StringComparer.Ordinal)
                .ToList();

            var findings = new List<CompilerFinding>();
            if (run.TryGetProperty("results", out var results))
            {
                foreach (var result in results.EnumerateArray())
                {
                    var ruleId = Text(result, "ruleId") ?? "";
                    string? file = null;
                    int line = 0, column = 0;
                    if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                        && locations[0].TryGetProperty("physicalLocation", out var physical))
                    {
                        if (physical.TryGetProperty("artifactLocation", out var artifact) && Text(artifact, "uri") is { } uri)
                        {
                            file = Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : Uri.UnescapeDataString(uri);
                        }

                        if (physical.TryGetProperty("region", out var region))
                        {
                            line = region.TryGetProperty("startLine", out var l) ? l.GetInt32() : 0;
                            column = region.TryGetProperty("startColumn", out var c) ? c.GetInt32() : 0;
                        }
                    }

                    var suppressions = result.TryGetProperty("suppressions", out var s)
                        ? s.EnumerateArray().Select(x => new RecordedSuppression(
                            Text(x, "kind") ?? "inSource",
                            x.TryGetProperty("properties", out var sp) ? Text(sp, "suppressionType") : null,
                            NullIfBlank(Text(x, "justification")))).ToArray()
                        : Array.Empty<RecordedSuppression>();
                    findings.Add(new CompilerFinding(ruleId, Text(result, "level") ?? "warning", Message(result, "message") ?? "", file, line, column, suppressions));
                }
            }

            return new CompilerLog(Text(driver, "name") ?? "unknown", Text(driver, "semanticVersion") ?? Text(driver, "version"), executionSuccessful, rules, findings);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{name} is not a readable SARIF 2.1 log: {e.Message}", e);
        }
    }

    /// <summary>The rule's title, or null when the log does not describe it.</summary>
    public RuleInForce? Rule(string id)
    {
        foreach (var rule in Rules)
        {
            if (rule.Id == id)
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>Order of strictness, so a change can be called raised or lowered.</summary>
    public static int Rank(string level) => level switch
    {
        "error" => 3,
        "warning" => 2,
        "note" => 1,
        _ => 0,
    };

    private static string Level(JsonElement configuration)
    {
        if (configuration.TryGetProperty("enabled", out var enabled) && enabled.ValueKind == JsonValueKind.False)
        {
            return "none";
        }

        return Text(configuration, "level") ?? "warning";
    }

    private static string? Message(JsonElement element, string property) =>
        element.TryGetProperty(property, out var message) && message.ValueKind == JsonValueKind.Object ? Text(message, "text") : null;

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
