using SecureDev.Analyzers.Industrial;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Industrial;

public class OpcUaCertificateValidationBypassedTests
{
    [Theory]
    [InlineData("Stubs/OpcUa.1.4.cs")]
    [InlineData("Stubs/OpcUa.1.5.cs")]
    public Task Handlers(string stubs) =>
        AnalyzerVerifier.VerifyCaseFileAsync(new OpcUaCertificateValidationBypassedAnalyzer(), "Industrial/OpcUaCertificateValidationBypassed.cs", stubs);
}
