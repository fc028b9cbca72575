using SecureDev.Analyzers.Injection;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Injection;

public class CommandInjectionTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new CommandInjectionAnalyzer(), "Injection/CommandInjection.cs", Array.Empty<string>(), libraries: TaintLibraries.All);
}
