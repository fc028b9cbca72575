using SecureDev.Analyzers.Industrial;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Industrial;

public class MqttCertificateValidationWeakenedTests
{
    [Fact]
    public Task MQTTnet_5() => AnalyzerVerifier.VerifyCaseFileAsync(new MqttCertificateValidationWeakenedAnalyzer(), "Industrial/MqttCertificateValidationWeakened.cs", "Stubs/MQTTnet.5.cs");

    [Fact]
    public Task MQTTnet_4() => AnalyzerVerifier.VerifyCaseFileAsync(new MqttCertificateValidationWeakenedAnalyzer(), "Industrial/MqttCertificateValidationWeakened.v4.cs", "Stubs/MQTTnet.4.cs");
}
