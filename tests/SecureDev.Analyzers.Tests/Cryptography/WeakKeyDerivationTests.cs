using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Cryptography;

public class WeakKeyDerivationTests
{
    private static readonly WeakKeyDerivationAnalyzer Analyzer = new();

    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(Analyzer, "Cryptography/WeakKeyDerivation.cs");

    [Fact]
    public Task Incomplete_code_does_not_throw() => AnalyzerVerifier.VerifyAsync(
        new[] { Analyzer },
        new[]
        {
            ("Test0.cs", """
                using System.Security.Cryptography;
                class C
                {
                    void M(string p, byte[] s, Unknown u)
                    {
                        var a = new Rfc2898DeriveBytes(p, ;
                        var b = Rfc2898DeriveBytes.Pbkdf2(p, s, , HashAlgorithmName., 32);
                        u.IterationCount = 10;
                        new Rfc2898DeriveBytes(p, s, 1000, new HashAlgorithmName()).IterationCount = ; // Noncompliant SD1007
                    }
                }
                """),
        },
        allowCompilerErrors: true);
}
