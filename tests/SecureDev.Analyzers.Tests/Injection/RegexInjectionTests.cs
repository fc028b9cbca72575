using SecureDev.Analyzers.Injection;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Injection;

public class RegexInjectionTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new RegexInjectionAnalyzer(), "Injection/RegexInjection.cs", Array.Empty<string>(), libraries: TaintLibraries.All);
}
