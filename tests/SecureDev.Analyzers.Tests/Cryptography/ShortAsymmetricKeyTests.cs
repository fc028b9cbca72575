using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Cryptography;

public class ShortAsymmetricKeyTests
{
    private static readonly ShortAsymmetricKeyAnalyzer Analyzer = new();

    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(Analyzer, "Cryptography/ShortAsymmetricKey.cs");

    [Fact]
    public Task Incomplete_code_does_not_throw() => AnalyzerVerifier.VerifyAsync(
        new[] { Analyzer },
        new[]
        {
            ("Test0.cs", """
                using System.Security.Cryptography;
                class C
                {
                    void M(Unknown u)
                    {
                        var a = RSA.Create(;
                        var b = new RSACryptoServiceProvider(
                        var c = ECDsa.Create(ECCurve.NamedCurves.);
                        var d = ECCurve.CreateFromFriendlyName();
                        u.KeySize = 512;
                        RSA.Create().KeySize = ;
                        var e = ECCurve.CreateFromOid(new Oid();
                    }
                }
                """),
        },
        allowCompilerErrors: true);
}
