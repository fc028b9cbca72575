using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Tests.Harness;
using SecureDev.CodeFixes.Cryptography;
using Xunit;

namespace SecureDev.Analyzers.Tests.Cryptography;

public class InsecureRandomnessTests
{
    private static readonly InsecureRandomnessAnalyzer Analyzer = new();

    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(Analyzer, "Cryptography/InsecureRandomness.cs");

    [Theory]
    [InlineData("sessionToken", false, "token")]
    [InlineData("saltBytes", true, "salt")]
    [InlineData("tokenBuilder", false, "token")]
    [InlineData("apiKey", false, "key")]
    [InlineData("key", true, "key")]
    [InlineData("key", false, null)]
    [InlineData("cacheKey", false, null)]
    [InlineData("SessionId", false, "session identifier")]
    [InlineData("tokenLength", false, null)]
    [InlineData("requestId", false, null)]
    [InlineData("sessionTimeout", false, null)]
    [InlineData("pin", false, null)]
    public void Security_material_is_judged_by_the_end_of_a_name(string name, bool isBinary, string? kind) =>
        Assert.Equal(kind, SecurityMaterialNames.RandomMaterial(name, isBinary));

    [Fact]
    public Task Incomplete_code_does_not_throw() => AnalyzerVerifier.VerifyAsync(
        new[] { Analyzer },
        new[]
        {
            ("Test0.cs", """
                using System;
                class C
                {
                    Random r = new();
                    string M(Unknown u)
                    {
                        var token = r.Next(; // Noncompliant SD1008
                        var salt = new byte[;
                        r.NextBytes(salt
                        u.Token = r.Next();
                        Func<string> f = () => r.Next(
                        return
                    }
                }
                """),
        },
        allowCompilerErrors: true);

    private static readonly RandomToRandomNumberGeneratorCodeFix Fix = new();

    [Fact]
    public Task Fix_uses_random_number_generator() => CodeFixVerifier.VerifyFixAsync(Analyzer, Fix,
        """
        using System;
        class C
        {
            private readonly Random _random = new();
            byte[] A()
            {
                var salt = new byte[16];
                _random.NextBytes(salt);
                return salt;
            }
            int B() => Random.Shared.Next(100_000, 1_000_000) is var challenge ? challenge : 0;
            string D()
            {
                var token = new Random().Next().ToString("x");
                return token;
            }
            char E(string alphabet)
            {
                var passwordChar = alphabet[_random.Next(alphabet.Length)];
                return passwordChar;
            }
        }
        """,
        """
        using System;
        class C
        {
            private readonly Random _random = new();
            byte[] A()
            {
                var salt = new byte[16];
                System.Security.Cryptography.RandomNumberGenerator.Fill(salt);
                return salt;
            }
            int B() => System.Security.Cryptography.RandomNumberGenerator.GetInt32(100_000, 1_000_000) is var challenge ? challenge : 0;
            string D()
            {
                var token = System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue).ToString("x");
                return token;
            }
            char E(string alphabet)
            {
                var passwordChar = alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)];
                return passwordChar;
            }
        }
        """);

    [Fact]
    public Task Fix_all_fixes_every_call() => CodeFixVerifier.VerifyFixAllAsync(Analyzer, Fix,
        """
        using System;
        using System.Security.Cryptography;
        class C
        {
            byte[] A(Random random)
            {
                var key = new byte[32];
                random.NextBytes(key);
                return key;
            }
            int B(Random random) => random.Next(10) is var pin ? pin : 0;
            string D(Random random) => random.Next(1000, 9999).ToString() is var otp ? otp : "";
        }
        """,
        """
        using System;
        using System.Security.Cryptography;
        class C
        {
            byte[] A(Random random)
            {
                var key = new byte[32];
                RandomNumberGenerator.Fill(key);
                return key;
            }
            int B(Random random) => random.Next(10) is var pin ? pin : 0;
            string D(Random random) => RandomNumberGenerator.GetInt32(1000, 9999).ToString() is var otp ? otp : "";
        }
        """);

    [Fact]
    public Task Fix_is_not_offered_without_an_exact_counterpart() => CodeFixVerifier.VerifyNoFixAsync(Analyzer, Fix,
        """
        using System;
        class C
        {
            Random Create() => new();
            double A(Random random) => random.NextDouble() is var nonce ? nonce : 0;
            long B(Random random) => random.NextInt64() is var token ? token : 0;
            int D() => Create().Next() is var secret ? secret : 0;
            Func<int> E(Random random)
            {
                Func<int> next = random.Next;
                var salt = next();
                return () => salt;
            }
        }
        """);
}
