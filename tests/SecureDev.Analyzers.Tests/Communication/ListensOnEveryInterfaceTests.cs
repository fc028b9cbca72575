using SecureDev.Analyzers.Communication;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Communication;

public class ListensOnEveryInterfaceTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new ListensOnEveryInterfaceAnalyzer(), "Communication/ListensOnEveryInterface.cs");

    [Fact]
    public Task Incomplete_code_does_not_throw() => IncompleteCode.AssertNoExceptionAsync(new ListensOnEveryInterfaceAnalyzer());
}
