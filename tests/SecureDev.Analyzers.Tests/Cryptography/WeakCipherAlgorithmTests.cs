using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Cryptography;

public class WeakCipherAlgorithmTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new WeakCipherAlgorithmAnalyzer(), "Cryptography/WeakCipherAlgorithm.cs");

    [Fact]
    public Task Incomplete_code_does_not_throw() => AnalyzerVerifier.VerifyAsync(
        new[] { (Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)new WeakCipherAlgorithmAnalyzer() },
        new[]
        {
            ("Test0.cs", """
                using System.Security.Cryptography;
                class C
                {
                    void M(Unknown u)
                    {
                        var a = MD5.;
                        var b = CryptoConfig.CreateFromName(;
                        System.Func<byte[], byte[]> f = SHA1.;
                        var c = new TripleDESCryptoServiceProvider(
                        u.HashData(null);
                    }
                }
                """),
        },
        allowCompilerErrors: true);
}
