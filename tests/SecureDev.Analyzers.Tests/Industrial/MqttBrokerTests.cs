using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Industrial;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Industrial;

public class MqttBrokerPlaintextEndpointTests
{
    [Fact]
    public Task MQTTnet_5() => AnalyzerVerifier.VerifyCaseFileAsync(new MqttBrokerPlaintextEndpointAnalyzer(), "Industrial/MqttBrokerPlaintextEndpoint.cs", "Stubs/MQTTnet.5.cs");
}

public class MqttBrokerAcceptsAnyClientTests
{
    [Fact]
    public Task MQTTnet_5() => AnalyzerVerifier.VerifyCaseFileAsync(new MqttBrokerAcceptsAnyClientAnalyzer(), "Industrial/MqttBrokerAcceptsAnyClient.cs", "Stubs/MQTTnet.5.cs");
}

public class MqttBrokerV4Tests
{
    [Fact]
    public Task MQTTnet_4_plaintext_endpoint_and_validation() =>
        AnalyzerVerifier.VerifyAsync(
            new DiagnosticAnalyzer[] { new MqttBrokerPlaintextEndpointAnalyzer(), new MqttBrokerAcceptsAnyClientAnalyzer() },
            new[] { "Industrial/MqttBroker.v4.cs", "Stubs/MQTTnet.4.cs" }.Select(f => (f, File.ReadAllText(Path.Combine(AnalyzerVerifier.CasesDirectory, f)))).ToArray());
}
