using SecureDev.Analyzers.Industrial;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Industrial;

public class OpcUaAuditingDisabledTests
{
    [Theory]
    [InlineData("Stubs/OpcUa.1.4.cs")]
    [InlineData("Stubs/OpcUa.1.5.cs")]
    public Task Code_and_configuration_file(string stubs) =>
        AnalyzerVerifier.VerifyCaseFileAsync(new OpcUaAuditingDisabledAnalyzer(), "Industrial/OpcUaAuditingDisabled.cs", new[] { stubs }, new[] { "Industrial/OpcUaAuditingDisabled.Config.xml" });
}
