using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Tests.Harness;
using SecureDev.CodeFixes.Cryptography;
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

    private static readonly RsaKeySizeTo3072CodeFix Fix = new();

    [Fact]
    public Task Fix_sets_literal_sizes_to_3072() => CodeFixVerifier.VerifyFixAsync(Analyzer, Fix,
        """
        using System.Security.Cryptography;
        class C
        {
            RSA A() => RSA.Create(1024);
            RSA B() => new RSACryptoServiceProvider(dwKeySize: 512);
            void D(RSA rsa) => rsa.KeySize = 1024;
            RSA E() => new RSACryptoServiceProvider();
            RSA F() => new RSACryptoServiceProvider { PersistKeyInCsp = false };
        }
        """,
        """
        using System.Security.Cryptography;
        class C
        {
            RSA A() => RSA.Create(3072);
            RSA B() => new RSACryptoServiceProvider(dwKeySize: 3072);
            void D(RSA rsa) => rsa.KeySize = 3072;
            RSA E() => new RSACryptoServiceProvider(3072);
            RSA F() => new RSACryptoServiceProvider(3072) { PersistKeyInCsp = false };
        }
        """);

    [Fact]
    public Task Fix_all_fixes_every_literal_size() => CodeFixVerifier.VerifyFixAllAsync(Analyzer, Fix,
        """
        using System.Security.Cryptography;
        class C
        {
            RSA A() => RSA.Create(1024);
            RSA B() => RSA.Create(2000);
            RSA E() => new RSACryptoServiceProvider();
        }
        """,
        """
        using System.Security.Cryptography;
        class C
        {
            RSA A() => RSA.Create(3072);
            RSA B() => RSA.Create(3072);
            RSA E() => new RSACryptoServiceProvider(3072);
        }
        """);

    [Fact]
    public Task Fix_is_not_offered_for_shared_constants_dsa_or_curves() => CodeFixVerifier.VerifyNoFixAsync(Analyzer, Fix,
        """
        using System.Security.Cryptography;
        class C
        {
            const int Size = 1024;
            RSA A() => RSA.Create(Size);
            DSA B() => DSA.Create();
            ECDsa D() => ECDsa.Create(ECCurve.NamedCurves.brainpoolP192r1);
            void E(RSACryptoServiceProvider rsa) => rsa.KeySize = 4096;
        }
        """);
}
