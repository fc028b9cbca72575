using SecureDev.Analyzers.Communication;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Communication;

public class LegacyTlsProtocolTests
{
    private static readonly LegacyTlsProtocolAnalyzer Analyzer = new();

    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(Analyzer, "Communication/LegacyTlsProtocol.cs");
}
