using SecureDev.Analyzers.Injection;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Injection;

public class LdapInjectionTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new LdapInjectionAnalyzer(), "Injection/LdapInjection.cs", Array.Empty<string>(), libraries: TaintLibraries.All);
}
