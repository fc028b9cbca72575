using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Rules;

/// <summary>
/// The shipped presets are what the catalog says (regenerate with SECUREDEV_UPDATE_DOCS=1 when a rule is added), and each
/// one, loaded as the compiler loads a global analyzer config, changes the severities the analyzers report with.
/// </summary>
public class SecurityLevelPresetTests
{
    public static TheoryData<int> Levels() => new(SecurityLevelPresets.Levels);

    [Theory]
    [MemberData(nameof(Levels))]
    public void Shipped_preset_matches_the_catalog(int level)
    {
        var path = SecurityLevelPresets.ShippedPath(level);
        var expected = SecurityLevelPresets.Generate(level);
        var actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : "";
        if (actual != expected && Environment.GetEnvironmentVariable("SECUREDEV_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
            return;
        }

        Assert.True(
            actual == expected,
            $"src/SecureDev.Package/build/presets/{SecurityLevelPresets.FileName(level)} is out of date with the rule catalog: run the tests with SECUREDEV_UPDATE_DOCS=1 to regenerate it.");
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void Shipped_preset_is_a_valid_global_config_that_names_every_rule(int level)
    {
        var set = Load(level);
        Assert.Empty(set.GlobalConfigOptions.Diagnostics);
        var severities = set.GlobalConfigOptions.TreeOptions;
        foreach (var rule in Catalog.Descriptors)
        {
            Assert.True(severities.TryGetValue(rule.Id, out var report), $"{SecurityLevelPresets.FileName(level)} does not set {rule.Id}.");
            Assert.Equal(SecurityLevelPresets.Severity(rule, level), ToSeverity(report));
        }
    }

    /// <summary>
    /// SD1001 (CR 4.3, from SL 1), SD1004 (CR 3.1 RE 1, from SL 2; a suggestion by default) and SD1009 (CR 3.1, from SL 2)
    /// reported from one source under each preset, with the severities the compiler would give them.
    /// </summary>
    [Theory]
    [InlineData(1, DiagnosticSeverity.Warning, DiagnosticSeverity.Info, DiagnosticSeverity.Info)]
    [InlineData(2, DiagnosticSeverity.Warning, DiagnosticSeverity.Warning, DiagnosticSeverity.Warning)]
    [InlineData(3, DiagnosticSeverity.Error, DiagnosticSeverity.Error, DiagnosticSeverity.Error)]
    [InlineData(4, DiagnosticSeverity.Error, DiagnosticSeverity.Error, DiagnosticSeverity.Error)]
    public async Task Preset_sets_the_effective_severities(int level, DiagnosticSeverity weakHash, DiagnosticSeverity unauthenticatedMode, DiagnosticSeverity timingUnsafe)
    {
        const string source = """
            using System.Linq;
            using System.Security.Cryptography;
            class Telegrams
            {
                byte[] Checksum(byte[] data) => MD5.HashData(data);
                byte[] Seal(Aes aes, byte[] data, byte[] iv) => aes.EncryptCbc(data, iv);
                bool Verify(byte[] expectedMac, byte[] receivedMac) => expectedMac.SequenceEqual(receivedMac);
            }
            """;
        var analyzers = new DiagnosticAnalyzer[] { new WeakHashAlgorithmAnalyzer(), new InsecureCipherModeAnalyzer(), new TimingUnsafeComparisonAnalyzer() };

        var withoutPreset = await RunAsync(TestCompilation.Create(new[] { ("Telegrams.cs", source) }), analyzers);
        Assert.Equal(DiagnosticSeverity.Info, Assert.Single(withoutPreset, d => d.Id == "SD1004").Severity);

        var compilation = TestCompilation.Create(new[] { ("Telegrams.cs", source) });
        var withPreset = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new GlobalConfigProvider(Load(level))));
        var diagnostics = await RunAsync(withPreset, analyzers);

        Assert.Equal(weakHash, Assert.Single(diagnostics, d => d.Id == "SD1001").Severity);
        Assert.Equal(unauthenticatedMode, Assert.Single(diagnostics, d => d.Id == "SD1004").Severity);
        Assert.Equal(timingUnsafe, Assert.Single(diagnostics, d => d.Id == "SD1009").Severity);
    }

    [Fact]
    public void Your_own_configuration_overrides_the_preset()
    {
        var own = AnalyzerConfig.Parse("is_global = true\ndotnet_diagnostic.SD1001.severity = none\n", "/repo/.globalconfig");
        var preset = AnalyzerConfig.Parse(File.ReadAllText(SecurityLevelPresets.ShippedPath(4)), "/package/build/presets/SL4.globalconfig");
        var set = AnalyzerConfigSet.Create(ImmutableArray.Create(own, preset));
        Assert.Empty(set.GlobalConfigOptions.Diagnostics);
        Assert.Equal(ReportDiagnostic.Suppress, set.GlobalConfigOptions.TreeOptions["SD1001"]);
        Assert.Equal(ReportDiagnostic.Error, set.GlobalConfigOptions.TreeOptions["SD1002"]);
    }

    private static AnalyzerConfigSet Load(int level)
    {
        var path = SecurityLevelPresets.ShippedPath(level);
        Assert.True(File.Exists(path), $"{path} is missing: run the tests with SECUREDEV_UPDATE_DOCS=1 to generate it.");
        return AnalyzerConfigSet.Create(ImmutableArray.Create(AnalyzerConfig.Parse(File.ReadAllText(path), path)));
    }

    private static async Task<ImmutableArray<Diagnostic>> RunAsync(Compilation compilation, DiagnosticAnalyzer[] analyzers)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        return await compilation.WithAnalyzers(analyzers.ToImmutableArray(), options).GetAnalyzerDiagnosticsAsync();
    }

    private static DiagnosticSeverity? ToSeverity(ReportDiagnostic report) => report switch
    {
        ReportDiagnostic.Error => DiagnosticSeverity.Error,
        ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
        ReportDiagnostic.Info => DiagnosticSeverity.Info,
        ReportDiagnostic.Hidden => DiagnosticSeverity.Hidden,
        _ => null,
    };

    /// <summary>What the compiler does with global analyzer configs: their severities apply to every tree of the compilation.</summary>
    private sealed class GlobalConfigProvider : SyntaxTreeOptionsProvider
    {
        private readonly ImmutableDictionary<string, ReportDiagnostic> _severities;

        public GlobalConfigProvider(AnalyzerConfigSet set) => _severities = set.GlobalConfigOptions.TreeOptions;

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, [NotNullWhen(true)] out ReportDiagnostic severity)
        {
            severity = default;
            return false;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, [NotNullWhen(true)] out ReportDiagnostic severity) =>
            _severities.TryGetValue(diagnosticId, out severity);
    }
}
