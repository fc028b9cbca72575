using SecureDev.Analyzers.Industrial;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Industrial;

public class OpcUaHostNameCheckDisabledTests
{
    [Fact]
    public Task Session_factories_of_1_5() =>
        AnalyzerVerifier.VerifyCaseFileAsync(new OpcUaHostNameCheckDisabledAnalyzer(), "Industrial/OpcUaHostNameCheckDisabled.1.5.cs", "Stubs/OpcUa.1.5.cs");

    [Fact]
    public Task Session_Create_of_1_4() =>
        AnalyzerVerifier.VerifyCaseFileAsync(new OpcUaHostNameCheckDisabledAnalyzer(), "Industrial/OpcUaHostNameCheckDisabled.1.4.cs", "Stubs/OpcUa.1.4.cs");
}
