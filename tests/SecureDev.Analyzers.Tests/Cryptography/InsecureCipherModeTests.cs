using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Cryptography;

public class InsecureCipherModeTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new InsecureCipherModeAnalyzer(), "Cryptography/InsecureCipherMode.cs");

    [Fact]
    public Task Incomplete_code_does_not_throw() => AnalyzerVerifier.VerifyAsync(
        new[] { new InsecureCipherModeAnalyzer() },
        new[]
        {
            ("Test0.cs", """
                using System.Security.Cryptography;
                class C
                {
                    void M(Aes aes, Unknown u)
                    {
                        aes.Mode = ;
                        aes.Mode = CipherMode.;
                        aes.EncryptEcb(
                        u.Mode = CipherMode.ECB
                        var x = aes.CreateEncryptor(
                    }
                    CipherMode N() => 
                }
                """),
        },
        allowCompilerErrors: true);
}
