using SecureDev.Analyzers.Industrial;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Industrial;

public class OpcUaWithoutMessageSecurityTests
{
    [Theory]
    [InlineData("Stubs/OpcUa.1.4.cs", "Industrial/OpcUaWithoutMessageSecurity.1.4.cs")]
    [InlineData("Stubs/OpcUa.1.5.cs", "Industrial/OpcUaWithoutMessageSecurity.1.5.cs")]
    public Task Code_and_configuration_file(string stubs, string versionCases) =>
        AnalyzerVerifier.VerifyCaseFileAsync(
            new OpcUaWithoutMessageSecurityAnalyzer(),
            "Industrial/OpcUaWithoutMessageSecurity.cs",
            new[] { versionCases, stubs },
            new[] { "Industrial/OpcUaWithoutMessageSecurity.Config.xml" });

    [Fact]
    public Task Nothing_is_registered_without_the_library() =>
        AnalyzerVerifier.VerifyAsync(new OpcUaWithoutMessageSecurityAnalyzer(), "class Plain { int Mode = 1; }");
}
