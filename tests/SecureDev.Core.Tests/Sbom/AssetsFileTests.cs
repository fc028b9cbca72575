using SecureDev.Core.Diagnostics;
using SecureDev.Core.Sbom;
using Xunit;

namespace SecureDev.Core.Tests.Sbom;

public class AssetsFileTests
{
    [Fact]
    public void A_missing_assets_file_is_SD9020_naming_the_file_and_the_fix()
    {
        var messages = new List<BuildMessage>();
        Assert.Null(AssetsFile.Read("/nonexistent/obj/project.assets.json", messages));
        var message = Fixture.Single(messages, BuildRules.AssetsFileUnreadable);
        Assert.Equal(BuildSeverity.Error, message.Severity);
        Assert.Contains("/nonexistent/obj/project.assets.json", message.Text);
        Assert.Contains("dotnet restore", message.Text);
    }

    [Theory]
    [InlineData("{ \"version\": 3, \"targets\": ")]
    [InlineData("not json at all")]
    [InlineData("{}")]
    [InlineData("")]
    public void A_corrupt_assets_file_is_SD9020_not_an_exception(string content)
    {
        using var directory = Fixture.TemporaryDirectory();
        var path = directory.File("project.assets.json");
        File.WriteAllText(path, content);
        var messages = new List<BuildMessage>();
        Assert.Null(AssetsFile.Read(path, messages));
        var message = Fixture.Single(messages, BuildRules.AssetsFileUnreadable);
        Assert.Contains(path, message.Text);
        Assert.Contains("restore", message.Text);
    }

    [Fact]
    public void The_generator_writes_nothing_for_an_unreadable_assets_file()
    {
        var messages = new List<BuildMessage>();
        Assert.Null(SbomGenerator.Generate(new SbomRequest("/nonexistent/project.assets.json", new ProjectIdentity("P", "1.0.0")), messages));
        Fixture.Single(messages, BuildRules.AssetsFileUnreadable);
    }
}
