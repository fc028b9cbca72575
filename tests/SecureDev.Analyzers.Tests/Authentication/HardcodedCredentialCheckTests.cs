using SecureDev.Analyzers.Authentication;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Authentication;

public class HardcodedCredentialCheckTests
{
    private static readonly HardcodedCredentialCheckAnalyzer Analyzer = new();

    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(Analyzer, "Authentication/HardcodedCredentialCheck.cs");

    [Fact]
    public Task Incomplete_code_does_not_throw() => AnalyzerVerifier.VerifyAsync(
        new[] { Analyzer },
        new[]
        {
            ("Test0.cs", """
                class C
                {
                    bool M(string password, Unknown u)
                    {
                        var a = password == ;
                        var b = u.Password == "admin";
                        switch (password) { case : break; }
                        var c = password is ;
                        return string.Equals(password,
                    }
                }
                """),
        },
        allowCompilerErrors: true);
}
