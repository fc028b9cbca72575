using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Tests.Harness;
using SecureDev.CodeFixes.Cryptography;
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

    private static readonly FixedTimeEqualsCodeFix Fix = new();

    [Fact]
    public Task Fix_uses_fixed_time_equals() => CodeFixVerifier.VerifyFixAsync(Analyzer, Fix,
        """
        using System;
        using System.Linq;
        using System.Security.Cryptography;
        class C
        {
            bool A(byte[] expectedMac, byte[] received) => expectedMac.SequenceEqual(received);
            bool B(byte[] signature, byte[] computed) => signature != computed;
            bool D(ReadOnlySpan<byte> tag, byte[] key, byte[] data) => tag.SequenceEqual(HMACSHA256.HashData(key, data));
            bool E(byte[] mac, byte[] other) => Enumerable.SequenceEqual(mac, other);
        }
        """,
        """
        using System;
        using System.Linq;
        using System.Security.Cryptography;
        class C
        {
            bool A(byte[] expectedMac, byte[] received) => CryptographicOperations.FixedTimeEquals(expectedMac, received);
            bool B(byte[] signature, byte[] computed) => !CryptographicOperations.FixedTimeEquals(signature, computed);
            bool D(ReadOnlySpan<byte> tag, byte[] key, byte[] data) => CryptographicOperations.FixedTimeEquals(tag, HMACSHA256.HashData(key, data));
            bool E(byte[] mac, byte[] other) => CryptographicOperations.FixedTimeEquals(mac, other);
        }
        """);

    [Fact]
    public Task Fix_all_fixes_every_comparison() => CodeFixVerifier.VerifyFixAllAsync(Analyzer, Fix,
        """
        using System.Linq;
        class C
        {
            bool A(byte[] mac, byte[] b) => mac.SequenceEqual(b);
            bool B(byte[] hash, byte[] b) => hash == b || b.SequenceEqual(hash);
        }
        """,
        """
        using System.Linq;
        class C
        {
            bool A(byte[] mac, byte[] b) => System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(mac, b);
            bool B(byte[] hash, byte[] b) => System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(hash, b) || System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(b, hash);
        }
        """);

    [Fact]
    public Task Fix_is_not_offered_for_strings_or_comparers() => CodeFixVerifier.VerifyNoFixAsync(Analyzer, Fix,
        """
        using System.Collections.Generic;
        using System.Linq;
        class C
        {
            bool A(string token, string other) => token == other;
            bool B(byte[] mac, byte[] other) => mac.SequenceEqual(other, EqualityComparer<byte>.Default);
            bool D(List<byte> signature, List<byte> other) => signature.SequenceEqual(other);
        }
        """);
}
