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
                    byte[] M(DES des, Unknown u)
                    {
                        var a = TripleDES.;
                        var b = SymmetricAlgorithm.Create(;
                        System.Func<RC2> f = RC2.;
                        u.EncryptEcb(null, PaddingMode.None);
                        return des.EncryptCbc(
                    }
                }
                """),
        },
        allowCompilerErrors: true);
}
