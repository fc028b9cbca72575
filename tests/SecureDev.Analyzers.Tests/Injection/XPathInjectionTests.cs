using SecureDev.Analyzers.Injection;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Injection;

public class XPathInjectionTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new XPathInjectionAnalyzer(), "Injection/XPathInjection.cs", Array.Empty<string>(), libraries: TaintLibraries.All);
}
