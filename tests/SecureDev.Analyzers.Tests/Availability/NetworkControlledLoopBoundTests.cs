using SecureDev.Analyzers.Availability;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Availability;

public class NetworkControlledLoopBoundTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new NetworkControlledLoopBoundAnalyzer(), "Availability/NetworkControlledLoopBound.cs", Array.Empty<string>(), libraries: TaintLibraries.All);
}
