using SecureDev.Analyzers.Injection;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Injection;

public class LogForgingTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new LogForgingAnalyzer(), "Injection/LogForging.cs", Array.Empty<string>(), libraries: TaintLibraries.All);
}
