using SecureDev.Analyzers.Industrial;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Industrial;

public class OpcUaWeakCertificatesAcceptedTests
{
    [Theory]
    [InlineData("Stubs/OpcUa.1.4.cs")]
    [InlineData("Stubs/OpcUa.1.5.cs")]
    public Task Code_and_configuration_file(string stubs) =>
        AnalyzerVerifier.VerifyCaseFileAsync(new OpcUaWeakCertificatesAcceptedAnalyzer(), "Industrial/OpcUaWeakCertificatesAccepted.cs", new[] { "Industrial/OpcUaWeakCertificatesAccepted.Instance.cs", stubs }, new[] { "Industrial/OpcUaWeakCertificatesAccepted.Config.xml" });
}
