using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Cryptography;

public class InsecureRandomnessTests
{
    private static readonly InsecureRandomnessAnalyzer Analyzer = new();

    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(Analyzer, "Cryptography/InsecureRandomness.cs");

    [Theory]
    [InlineData("sessionToken", false, "token")]
    [InlineData("saltBytes", false, "salt")]
    [InlineData("tokenBuilder", false, "token")]
    [InlineData("apiKey", false, "key")]
    [InlineData("key", false, "key")]
    [InlineData("key", true, null)]
    [InlineData("SessionId", true, "session identifier")]
    [InlineData("tokenLength", true, null)]
    [InlineData("requestId", true, null)]
    [InlineData("sessionTimeout", true, null)]
    [InlineData("pin", true, null)]
    public void Security_material_is_judged_by_the_end_of_a_name(string name, bool isNumber, string? kind) =>
        Assert.Equal(kind, SecurityMaterialNames.RandomMaterial(name, isNumber));

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
}
