using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Cryptography;

public class WeakCipherAlgorithmTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new WeakCipherAlgorithmAnalyzer(), "Cryptography/WeakCipherAlgorithm.cs");
}
