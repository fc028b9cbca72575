using SecureDev.Core.Evidence;
using Xunit;

namespace SecureDev.Core.Tests.Evidence;

/// <summary>The compiler's SARIF 2.1 log of a real build of the PlcGateway sample with a pragma, a [SuppressMessage], an .editorconfig and a .globalconfig.</summary>
public class CompilerLogTests
{
    private static CompilerLog Log() => CompilerLog.Read(Fixture.Path("evidence", "plcgateway.sarif"));

    [Fact]
    public void Rules_carry_their_default_and_effective_levels()
    {
        var log = Log();
        Assert.Equal("5.9.0", log.CompilerVersion);
        Assert.True(log.ExecutionSuccessful);

        // No defaultConfiguration: warning. An override: the level it sets, or none when it disables the rule.
        var sd1001 = log.Rule("SD1001")!;
        Assert.Equal(("warning", "warning", false), (sd1001.DefaultLevel, sd1001.EffectiveLevel, sd1001.Overridden));
        Assert.Equal(("warning", "note"), (log.Rule("SD2001")!.DefaultLevel, log.Rule("SD2001")!.EffectiveLevel));
        Assert.Equal("none", log.Rule("SD3001")!.EffectiveLevel);
        Assert.Equal("none", log.Rule("CA1002")!.DefaultLevel);
        Assert.Equal(("note", "none"), (log.Rule("CA1516")!.DefaultLevel, log.Rule("CA1516")!.EffectiveLevel));
        Assert.Equal("Broken or weak hash algorithm", sd1001.Title);
        Assert.Contains("IEC62443-4-2:CR4.3", sd1001.Tags);
        Assert.Equal(log.Rules.Select(r => r.Id).Order(StringComparer.Ordinal), log.Rules.Select(r => r.Id));
    }

    [Fact]
    public void Suppressed_results_keep_what_the_compiler_records_of_the_suppression()
    {
        var findings = Log().Findings.ToDictionary(f => f.RuleId);

        // [SuppressMessage] carries its justification; a pragma carries none (the evidence reads its comment from the source).
        var attribute = Assert.Single(findings["SD1002"].Suppressions);
        Assert.Equal(("inSource", "SuppressMessageAttribute", "Legacy devices read only 3DES; removed in 3.0"), (attribute.Kind, attribute.Type, attribute.Justification));
        var pragma = Assert.Single(findings["SD1001"].Suppressions);
        Assert.Equal(("Pragma Directive", (string?)null), (pragma.Type, pragma.Justification));
        Assert.Equal(12, findings["SD1001"].Line);
        Assert.EndsWith("Firmware/FirmwareVerifier.cs", findings["SD1001"].File!.Replace('\\', '/'));
        Assert.False(findings["SD6001"].Suppressed);
        Assert.Equal("note", findings["SD2001"].Level);
    }

    [Theory]
    [InlineData("{ \"version\": \"1.0.0\", \"runs\": [] }", "not a SARIF 2.1 log")]
    [InlineData("{ \"version\": \"2.1.0\", \"runs\": [] }", "holds no run")]
    [InlineData("{ \"version\": \"2.1.0\", \"runs\": [ { \"tool\": ", "not a readable SARIF 2.1 log")]
    [InlineData("[]", "not a SARIF 2.1 log")]
    public void Anything_else_is_an_error_that_says_why(string json, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => CompilerLog.Parse(json, "compiler.sarif"));
        Assert.Contains("compiler.sarif", error.Message);
        Assert.Contains(reason, error.Message);
    }
}
