using SecureDev.Analyzers.Serialization;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Serialization;

public class UnverifiedCodeLoadingTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new UnverifiedCodeLoadingAnalyzer(), "Serialization/UnverifiedCodeLoading.cs");

    [Fact]
    public Task Incomplete_code_does_not_throw() => IncompleteCode.AssertNoExceptionAsync(new UnverifiedCodeLoadingAnalyzer());
}
