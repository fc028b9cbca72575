using SecureDev.Analyzers.Injection;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Injection;

public class PathTraversalTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new PathTraversalAnalyzer(), "Injection/PathTraversal.cs", Array.Empty<string>(), libraries: TaintLibraries.All);
}
