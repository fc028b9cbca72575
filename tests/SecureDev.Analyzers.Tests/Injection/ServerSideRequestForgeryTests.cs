using SecureDev.Analyzers.Injection;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Injection;

public class ServerSideRequestForgeryTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new ServerSideRequestForgeryAnalyzer(), "Injection/ServerSideRequestForgery.cs", Array.Empty<string>(), libraries: TaintLibraries.All);
}
