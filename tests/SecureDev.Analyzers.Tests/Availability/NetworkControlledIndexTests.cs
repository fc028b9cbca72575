using SecureDev.Analyzers.Availability;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Availability;

public class NetworkControlledIndexTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new NetworkControlledIndexAnalyzer(), "Availability/NetworkControlledIndex.cs", Array.Empty<string>(), libraries: TaintLibraries.All);
}
