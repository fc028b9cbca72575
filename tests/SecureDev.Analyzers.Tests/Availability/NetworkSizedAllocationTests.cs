using SecureDev.Analyzers.Availability;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Availability;

public class NetworkSizedAllocationTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new NetworkSizedAllocationAnalyzer(), "Availability/NetworkSizedAllocation.cs", Array.Empty<string>(), libraries: TaintLibraries.All);
}
