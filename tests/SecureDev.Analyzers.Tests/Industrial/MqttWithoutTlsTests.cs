using SecureDev.Analyzers.Industrial;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Industrial;

public class MqttWithoutTlsTests
{
    [Fact]
    public Task MQTTnet_5() => AnalyzerVerifier.VerifyCaseFileAsync(new MqttWithoutTlsAnalyzer(), "Industrial/MqttWithoutTls.cs", "Stubs/MQTTnet.5.cs");

    [Fact]
    public Task MQTTnet_4() => AnalyzerVerifier.VerifyCaseFileAsync(new MqttWithoutTlsAnalyzer(), "Industrial/MqttWithoutTls.v4.cs", "Stubs/MQTTnet.4.cs");

    [Fact]
    public Task Incomplete_code_does_not_throw() =>
        AnalyzerVerifier.VerifyAsync(
            new[] { new MqttWithoutTlsAnalyzer() },
            new[] { ("Test0.cs", "using MQTTnet; class C { object M(string h) => new MqttClientOptionsBuilder().WithTcpServer(h, ).WithTlsOptions(; }"), ("Stubs/MQTTnet.5.cs", File.ReadAllText(Path.Combine(AnalyzerVerifier.CasesDirectory, "Stubs/MQTTnet.5.cs"))) },
            allowCompilerErrors: true);
}
