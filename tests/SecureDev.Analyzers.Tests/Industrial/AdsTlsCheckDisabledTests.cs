using SecureDev.Analyzers.Authentication;
using SecureDev.Analyzers.Industrial;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Industrial;

public class AdsTlsCheckDisabledTests
{
    [Fact]
    public Task Code_and_appsettings() =>
        AnalyzerVerifier.VerifyCaseFileAsync(
            new AdsTlsCheckDisabledAnalyzer(),
            "Industrial/AdsTlsCheckDisabled.cs",
            new[] { "Stubs/TwinCAT.Ads.cs" },
            new[] { "Industrial/Ads/appsettings.json" });
}

/// <summary>Literal credentials in the industrial APIs are reported by SD3001, for every library version.</summary>
public class IndustrialCredentialsTests
{
    [Fact]
    public Task OpcUa_1_5_MQTTnet_and_ADS() =>
        AnalyzerVerifier.VerifyCaseFileAsync(new HardcodedCredentialAnalyzer(), "Industrial/IndustrialCredentials.cs", "Stubs/OpcUa.1.5.cs", "Stubs/MQTTnet.5.cs", "Stubs/TwinCAT.Ads.cs");

    [Fact]
    public Task OpcUa_1_4() =>
        AnalyzerVerifier.VerifyCaseFileAsync(new HardcodedCredentialAnalyzer(), "Industrial/IndustrialCredentials.1.4.cs", "Stubs/OpcUa.1.4.cs");

    [Fact]
    public Task MQTTnet_4() =>
        AnalyzerVerifier.VerifyCaseFileAsync(new HardcodedCredentialAnalyzer(), "Industrial/IndustrialCredentials.v4.cs", "Stubs/MQTTnet.4.cs");
}
