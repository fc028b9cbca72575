using SecureDev.Analyzers.Injection;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Injection;

public class SqlInjectionTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new SqlInjectionAnalyzer(), "Injection/SqlInjection.cs", Array.Empty<string>(), libraries: TaintLibraries.All);
}
