using SecureDev.Analyzers.Serialization;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Serialization;

public class UnsafeDeserializationTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new UnsafeDeserializationAnalyzer(), "Serialization/UnsafeDeserialization.cs");
}
