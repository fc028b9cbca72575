using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Cryptography;

public class TimingUnsafeComparisonTests
{
    private static readonly TimingUnsafeComparisonAnalyzer Analyzer = new();

    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(Analyzer, "Cryptography/TimingUnsafeComparison.cs");

    [Fact]
    public Task Incomplete_code_does_not_throw() => AnalyzerVerifier.VerifyAsync(
        new[] { Analyzer },
        new[]
        {
            ("Test0.cs", """
                using System.Linq;
                class C
                {
                    bool M(byte[] mac, Unknown u, string token)
                    {
                        var a = mac.SequenceEqual(;
                        var b = token == ;
                        var c = u.Signature == token;
                        var d = string.Equals(token, 
                        return mac ==
                    }
                }
                """),
        },
        allowCompilerErrors: true);
}
