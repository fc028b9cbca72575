using SecureDev.Core.Diagnostics;
using SecureDev.Core.Sbom;
using Xunit;

namespace SecureDev.Core.Tests.Sbom;

public class SbomSettingsTests
{
    [Theory]
    [InlineData(null, "1.6")]
    [InlineData("", "1.6")]
    [InlineData("1.5", "1.5")]
    [InlineData(" 1.7 ", "1.7")]
    public void Supported_spec_versions_and_the_default(string? value, string expected) =>
        Assert.Equal(expected, SbomSettings.SpecVersion(value, null, new List<BuildMessage>()));

    [Theory]
    [InlineData("1.4")]
    [InlineData("2.0")]
    [InlineData("v1.6")]
    public void An_unsupported_spec_version_is_SD9051_and_no_bom_is_written(string value)
    {
        var messages = new List<BuildMessage>();
        Assert.Null(SbomSettings.SpecVersion(value, "Gateway.csproj", messages));
        var error = Fixture.Single(messages, BuildRules.UnsupportedSpecVersion);
        Assert.Equal("Gateway.csproj", error.File);
        Assert.Contains($"SecureDevSbomSpecVersion is '{value}'", error.Text);
        Assert.Contains("1.5, 1.6, 1.7", error.Text);

        var generated = new List<BuildMessage>();
        Assert.Null(SbomGenerator.Generate(new SbomRequest(Fixture.Assets("plcgateway"), new ProjectIdentity("P", "1.0.0"), value), generated));
        Fixture.Single(generated, BuildRules.UnsupportedSpecVersion);
    }

    [Theory]
    [InlineData("3e671687-395b-41f5-a30f-a58921a69b79")]
    [InlineData("urn:uuid:3E671687-395B-41F5-A30F-A58921A69B79")]
    [InlineData("urn:uuid:not-a-uuid")]
    public void A_serial_number_that_is_not_a_cyclonedx_one_is_SD9052(string value)
    {
        var messages = new List<BuildMessage>();
        Assert.Null(SbomGenerator.Generate(new SbomRequest(Fixture.Assets("plcgateway"), new ProjectIdentity("P", "1.0.0"), SerialNumber: value), messages));
        Assert.Contains(value, Fixture.Single(messages, BuildRules.InvalidSerialNumber).Text);
    }

    [Fact]
    public void A_given_serial_number_is_used()
    {
        var json = SbomGenerator.Generate(new SbomRequest(Fixture.Assets("plcgateway"), new ProjectIdentity("P", "1.0.0"), SerialNumber: "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79"), new List<BuildMessage>());
        Assert.Contains("\"serialNumber\": \"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79\"", json);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-5")]
    [InlineData("1.7e9")]
    public void A_SOURCE_DATE_EPOCH_that_is_not_seconds_is_SD9053_and_ignored(string value)
    {
        var messages = new List<BuildMessage>();
        var json = SbomGenerator.Generate(new SbomRequest(Fixture.Assets("plcgateway"), new ProjectIdentity("P", "1.0.0"), Environment: name => name == "SOURCE_DATE_EPOCH" ? value : null), messages);
        Assert.NotNull(json);
        var warning = Fixture.Single(messages, BuildRules.InvalidSourceDateEpoch);
        Assert.Equal(BuildSeverity.Warning, warning.Severity);
        Assert.Contains($"'{value}'", warning.Text);
    }

    [Fact]
    public void SOURCE_DATE_EPOCH_sets_the_timestamp_of_the_generated_bom()
    {
        var json = SbomGenerator.Generate(new SbomRequest(Fixture.Assets("plcgateway"), new ProjectIdentity("P", "1.0.0"), Environment: name => name == "SOURCE_DATE_EPOCH" ? "1700000000" : null), new List<BuildMessage>());
        Assert.Contains("\"timestamp\": \"2023-11-14T22:13:20Z\"", json);
    }
}
