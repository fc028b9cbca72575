using SecureDev.Analyzers.Availability;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Availability;

public class ExceptionDetailsToPeerTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new ExceptionDetailsToPeerAnalyzer(), "Availability/ExceptionDetailsToPeer.cs", Array.Empty<string>(), libraries: TaintLibraries.All);
}
