using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Cryptography;

public class ConstantKeyMaterialTests
{
    private static readonly ConstantKeyMaterialAnalyzer Analyzer = new();

    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(Analyzer, "Cryptography/ConstantKeyMaterial.cs");

    [Fact]
    public Task Incomplete_code_does_not_throw() => AnalyzerVerifier.VerifyAsync(
        new[] { Analyzer },
        new[]
        {
            ("Test0.cs", """
                using System.Security.Cryptography;
                using System.Text;
                class C
                {
                    static readonly byte[] K = { 1, 2, ;
                    void M(Aes aes, Unknown u)
                    {
                        aes.Key = Encoding.UTF8.GetBytes(;
                        aes.IV = new byte[; // Noncompliant SD1006
                        u.Key = K;
                        var g = new AesGcm(K
                        HMACSHA256.HashData(key: , );
                    }
                }
                """),
        },
        allowCompilerErrors: true);
}
