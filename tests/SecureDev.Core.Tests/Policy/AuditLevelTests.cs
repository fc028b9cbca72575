using SecureDev.Core.Advisories;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Policy;
using Xunit;

namespace SecureDev.Core.Tests.Policy;

public class AuditLevelTests
{
    [Theory]
    [InlineData("low", AdvisorySeverity.Low)]
    [InlineData("Moderate", AdvisorySeverity.Moderate)]
    [InlineData(" HIGH ", AdvisorySeverity.High)]
    [InlineData("critical", AdvisorySeverity.Critical)]
    [InlineData("", AdvisorySeverity.High)]
    [InlineData(null, AdvisorySeverity.High)]
    public void Known_levels(string? value, AdvisorySeverity level)
    {
        var messages = new List<BuildMessage>();
        Assert.Equal(level, AuditLevel.Parse(value, messages));
        Assert.Empty(messages);
    }

    [Theory]
    [InlineData("hihg")]
    [InlineData("medium")]
    [InlineData("3")]
    public void An_unknown_level_is_SD9050_naming_the_property_and_its_values(string value)
    {
        var messages = new List<BuildMessage>();
        Assert.Null(AuditLevel.Parse(value, messages, "Gateway.csproj"));
        var message = Fixture.Single(messages, BuildRules.InvalidSetting);
        Assert.Equal(BuildSeverity.Error, message.Severity);
        Assert.Contains("SecureDevAuditLevel", message.Text);
        Assert.Contains($"'{value}'", message.Text);
        Assert.Contains("low, moderate, high or critical", message.Text);
    }
}
