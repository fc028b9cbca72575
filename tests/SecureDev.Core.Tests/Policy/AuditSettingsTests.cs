using SecureDev.Core.Advisories;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Policy;
using Xunit;

namespace SecureDev.Core.Tests.Policy;

public class AuditSettingsTests
{
    [Theory]
    [InlineData(null, AuditMode.All)]
    [InlineData("", AuditMode.All)]
    [InlineData("all", AuditMode.All)]
    [InlineData(" Direct ", AuditMode.Direct)]
    public void Known_modes(string? value, AuditMode mode)
    {
        var messages = new List<BuildMessage>();
        Assert.Equal(mode, AuditSettings.ParseMode(value, messages));
        Assert.Empty(messages);
    }

    [Theory]
    [InlineData("transitive")]
    [InlineData("true")]
    public void An_unknown_mode_is_SD9055(string value)
    {
        var messages = new List<BuildMessage>();
        Assert.Null(AuditSettings.ParseMode(value, messages, "Gateway.csproj"));
        var error = Fixture.Single(messages, BuildRules.InvalidAuditMode);
        Assert.Equal((BuildSeverity.Error, "Gateway.csproj"), (error.Severity, error.File));
        Assert.Contains($"SecureDevAuditMode is '{value}', which is not 'all' or 'direct'", error.Text);
    }

    [Theory]
    [InlineData(null, 7)]
    [InlineData("", 7)]
    [InlineData("30", 30)]
    [InlineData("0", 0)]
    public void Known_max_ages(string? value, int days)
    {
        var messages = new List<BuildMessage>();
        Assert.Equal(days, AuditSettings.ParseMaxAgeDays(value, messages));
        Assert.Empty(messages);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("7d")]
    [InlineData("one week")]
    public void An_invalid_max_age_is_SD9056(string value)
    {
        var messages = new List<BuildMessage>();
        Assert.Null(AuditSettings.ParseMaxAgeDays(value, messages));
        Assert.Contains($"SecureDevAdvisoryMaxAgeDays is '{value}'", Fixture.Single(messages, BuildRules.InvalidAdvisoryMaxAge).Text);
    }

    [Fact]
    public void A_package_sources_switch_other_than_true_or_false_is_SD9057()
    {
        var messages = new List<BuildMessage>();
        Assert.True(AuditSettings.ParseSwitch(AuditSettings.PackageSourcesProperty, null, true, messages));
        Assert.False(AuditSettings.ParseSwitch(AuditSettings.PackageSourcesProperty, "False", true, messages));
        Assert.Null(AuditSettings.ParseSwitch(AuditSettings.PackageSourcesProperty, "yes", true, messages));
        Assert.Contains("SecureDevAuditPackageSources is 'yes'", Fixture.Single(messages, BuildRules.InvalidAdvisorySource).Text);
    }

    [Fact]
    public void An_advisory_source_that_is_a_file_but_not_a_zip_is_SD9057()
    {
        using var directory = Fixture.TemporaryDirectory();
        var record = Directory.GetFiles(Fixture.AdvisoryDatabase, "*.json", SearchOption.AllDirectories).First();
        var messages = new List<BuildMessage>();
        Assert.Null(AdvisorySources.FromPaths(new[] { Fixture.AdvisoryDatabase, record }, vendor: false, cache: null, messages));
        Assert.Contains("which is not an OSV zip", Fixture.Single(messages, BuildRules.InvalidAdvisorySource).Text);

        var sources = AdvisorySources.FromPaths(new[] { Fixture.AdvisoryDatabase, directory.File("NuGet-all.zip"), " " }, vendor: true, cache: null, messages)!;
        Assert.Equal(new[] { typeof(OsvDirectorySource), typeof(OsvZipSource) }, sources.Select(s => s.GetType()));
    }
}
