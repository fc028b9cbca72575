using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Tests.Harness;
using SecureDev.CodeFixes.Cryptography;
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

    private static readonly Pbkdf2ToCurrentParametersCodeFix Fix = new();

    [Fact]
    public Task Fix_completes_the_constructors() => CodeFixVerifier.VerifyFixAsync(Analyzer, Fix,
        """
        using System.Security.Cryptography;
        class C
        {
        #pragma warning disable SYSLIB0041
            Rfc2898DeriveBytes A(string p, byte[] s) => new Rfc2898DeriveBytes(p, s);
            Rfc2898DeriveBytes B(string p) => new Rfc2898DeriveBytes(p, saltSize: 16);
            Rfc2898DeriveBytes D(string p, byte[] s) => new(p, s, 10000);
        #pragma warning restore SYSLIB0041
            Rfc2898DeriveBytes E(string p, byte[] s) => new(p, s, 1000, HashAlgorithmName.SHA1);
        }
        """,
        """
        using System.Security.Cryptography;
        class C
        {
        #pragma warning disable SYSLIB0041
            Rfc2898DeriveBytes A(string p, byte[] s) => new Rfc2898DeriveBytes(p, s, 600_000, HashAlgorithmName.SHA256);
            Rfc2898DeriveBytes B(string p) => new Rfc2898DeriveBytes(p, saltSize: 16, iterations: 600_000, hashAlgorithm: HashAlgorithmName.SHA256);
            Rfc2898DeriveBytes D(string p, byte[] s) => new(p, s, 600_000, HashAlgorithmName.SHA256);
        #pragma warning restore SYSLIB0041
            Rfc2898DeriveBytes E(string p, byte[] s) => new(p, s, 600_000, HashAlgorithmName.SHA256);
        }
        """);

    [Fact]
    public Task Fix_updates_one_shot_apis_and_iteration_counts() => CodeFixVerifier.VerifyFixAsync(Analyzer, Fix,
        """
        using System.Security.Cryptography;
        using Microsoft.AspNetCore.Cryptography.KeyDerivation;
        using Microsoft.AspNetCore.Identity;
        class C
        {
            byte[] A(string p, byte[] s) => Rfc2898DeriveBytes.Pbkdf2(p, s, 1000, HashAlgorithmName.SHA1, 32);
            byte[] B(string p, byte[] s) => Rfc2898DeriveBytes.Pbkdf2(p, s, 200_000, HashAlgorithmName.SHA1, 32);
            byte[] D(string p, byte[] s) => Rfc2898DeriveBytes.Pbkdf2(p, s, 50_000, HashAlgorithmName.SHA512, 64);
            byte[] E(string p, byte[] s) => KeyDerivation.Pbkdf2(p, s, KeyDerivationPrf.HMACSHA1, 10_000, 32);
            void F(PasswordHasherOptions o) => o.IterationCount = 10_000;
        }
        """,
        """
        using System.Security.Cryptography;
        using Microsoft.AspNetCore.Cryptography.KeyDerivation;
        using Microsoft.AspNetCore.Identity;
        class C
        {
            byte[] A(string p, byte[] s) => Rfc2898DeriveBytes.Pbkdf2(p, s, 600_000, HashAlgorithmName.SHA256, 32);
            byte[] B(string p, byte[] s) => Rfc2898DeriveBytes.Pbkdf2(p, s, 600_000, HashAlgorithmName.SHA256, 32);
            byte[] D(string p, byte[] s) => Rfc2898DeriveBytes.Pbkdf2(p, s, 600_000, HashAlgorithmName.SHA512, 64);
            byte[] E(string p, byte[] s) => KeyDerivation.Pbkdf2(p, s, KeyDerivationPrf.HMACSHA256, 600_000, 32);
            void F(PasswordHasherOptions o) => o.IterationCount = 600_000;
        }
        """);

    [Fact]
    public Task Fix_all_fixes_every_call() => CodeFixVerifier.VerifyFixAllAsync(Analyzer, Fix,
        """
        using System.Security.Cryptography;
        class C
        {
            byte[] A(string p, byte[] s) => Rfc2898DeriveBytes.Pbkdf2(p, s, 1000, HashAlgorithmName.SHA1, 32);
            byte[] B(string p, byte[] s) => Rfc2898DeriveBytes.Pbkdf2(p, s, 4096, HashAlgorithmName.SHA256, 32);
            void D(Rfc2898DeriveBytes kdf) => kdf.IterationCount = 1000;
        }
        """,
        """
        using System.Security.Cryptography;
        class C
        {
            byte[] A(string p, byte[] s) => Rfc2898DeriveBytes.Pbkdf2(p, s, 600_000, HashAlgorithmName.SHA256, 32);
            byte[] B(string p, byte[] s) => Rfc2898DeriveBytes.Pbkdf2(p, s, 600_000, HashAlgorithmName.SHA256, 32);
            void D(Rfc2898DeriveBytes kdf) => kdf.IterationCount = 600_000;
        }
        """);

    [Fact]
    public Task Fix_is_not_offered_where_the_weak_value_is_shared() => CodeFixVerifier.VerifyNoFixAsync(Analyzer, Fix,
        """
        using System.Security.Cryptography;
        using Microsoft.AspNetCore.Identity;
        class C
        {
            const int Iterations = 1000;
            static readonly HashAlgorithmName Prf = HashAlgorithmName.SHA1;
            byte[] A(string p, byte[] s) => Rfc2898DeriveBytes.Pbkdf2(p, s, Iterations, HashAlgorithmName.SHA256, 32);
            byte[] B(string p, byte[] s) => Rfc2898DeriveBytes.Pbkdf2(p, s, 600_000, Prf, 32);
            PasswordHasherOptions D() => new() { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2 };
        }
        """);
}
