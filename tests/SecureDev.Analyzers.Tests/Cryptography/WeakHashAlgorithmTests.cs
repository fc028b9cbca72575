using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Tests.Harness;
using SecureDev.CodeFixes.Cryptography;
using Xunit;

namespace SecureDev.Analyzers.Tests.Cryptography;

public class WeakHashAlgorithmTests
{
    private static readonly WeakHashAlgorithmAnalyzer Analyzer = new();
    private static readonly WeakHashToSha256CodeFix Fix = new();

    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(Analyzer, "Cryptography/WeakHashAlgorithm.cs");

    [Fact]
    public Task Fix_replaces_static_factory_and_one_shot_api() => CodeFixVerifier.VerifyFixAsync(Analyzer, Fix,
        """
        using System.Security.Cryptography;
        class C
        {
            byte[] M(byte[] data)
            {
                using var md5 = MD5.Create();
                return SHA1.HashData(md5.ComputeHash(data));
            }
        }
        """,
        """
        using System.Security.Cryptography;
        class C
        {
            byte[] M(byte[] data)
            {
                using var md5 = SHA256.Create();
                return SHA256.HashData(md5.ComputeHash(data));
            }
        }
        """);

    [Fact]
    public Task Fix_changes_a_declaration_of_the_weak_type_with_the_value() => CodeFixVerifier.VerifyFixAsync(Analyzer, Fix,
        """
        using System.Security.Cryptography;
        class C
        {
            private readonly SHA1 _sha = SHA1.Create();
            byte[] M(byte[] data, byte[] key)
            {
                MD5 md5 = MD5.Create();
                using var hmac = new HMACSHA1(key);
                return hmac.ComputeHash(md5.ComputeHash(_sha.ComputeHash(data)));
            }
        }
        """,
        """
        using System.Security.Cryptography;
        class C
        {
            private readonly SHA256 _sha = SHA256.Create();
            byte[] M(byte[] data, byte[] key)
            {
                SHA256 md5 = SHA256.Create();
                using var hmac = new HMACSHA256(key);
                return hmac.ComputeHash(md5.ComputeHash(_sha.ComputeHash(data)));
            }
        }
        """);

    [Fact]
    public Task Fix_adds_no_using_when_the_namespace_is_not_imported() => CodeFixVerifier.VerifyFixAsync(Analyzer, Fix,
        """
        class C
        {
            byte[] M(byte[] data) => System.Security.Cryptography.MD5.HashData(data);
            System.Security.Cryptography.HashAlgorithm N() => new System.Security.Cryptography.SHA1Managed();
        }
        """,
        """
        class C
        {
            byte[] M(byte[] data) => System.Security.Cryptography.SHA256.HashData(data);
            System.Security.Cryptography.HashAlgorithm N() => System.Security.Cryptography.SHA256.Create();
        }
        """);

    [Fact]
    public Task Fix_replaces_hash_algorithm_names() => CodeFixVerifier.VerifyFixAsync(Analyzer, Fix,
        """
        using System.Security.Cryptography;
        class C
        {
            byte[] M(RSA rsa, byte[] data) => rsa.SignData(data, HashAlgorithmName.SHA1, RSASignaturePadding.Pss);
        }
        """,
        """
        using System.Security.Cryptography;
        class C
        {
            byte[] M(RSA rsa, byte[] data) => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        }
        """);

    [Fact]
    public Task Fix_is_not_offered_where_the_weak_type_is_required() => CodeFixVerifier.VerifyNoFixAsync(Analyzer, Fix,
        """
        using System.Security.Cryptography;
        class C
        {
            MD5 Create() => MD5.Create();
        }
        """);

    [Fact]
    public Task Fix_all_fixes_every_occurrence_in_the_document() => CodeFixVerifier.VerifyFixAllAsync(Analyzer, Fix,
        """
        using System.Security.Cryptography;
        class C
        {
            byte[] A(byte[] d) => MD5.HashData(d);
            byte[] B(byte[] d) => SHA1.HashData(d);
            byte[] C2(byte[] k, byte[] d) => HMACSHA1.HashData(k, d);
            HashAlgorithm D() => SHA1.Create();
        }
        """,
        """
        using System.Security.Cryptography;
        class C
        {
            byte[] A(byte[] d) => SHA256.HashData(d);
            byte[] B(byte[] d) => SHA256.HashData(d);
            byte[] C2(byte[] k, byte[] d) => HMACSHA256.HashData(k, d);
            HashAlgorithm D() => SHA256.Create();
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_throw() => AnalyzerVerifier.VerifyAsync(
        new[] { (Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)new WeakHashAlgorithmAnalyzer() },
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
