using SecureDev.Analyzers.Logging;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Logging;

public class SecretInLogTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new SecretInLogAnalyzer(), "Logging/SecretInLog.cs", "Stubs/Serilog.cs");

    [Fact]
    public Task Incomplete_code_does_not_throw() => IncompleteCode.AssertNoExceptionAsync(new SecretInLogAnalyzer());
}
