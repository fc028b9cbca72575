using SecureDev.Analyzers.Authentication;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Authentication;

public class HardcodedCredentialTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new HardcodedCredentialAnalyzer(), "Authentication/HardcodedCredential.cs");

    [Theory]
    [InlineData("password", "password")]
    [InlineData("AdminPassword", "password")]
    [InlineData("KeyPwd", "password")]
    [InlineData("client_secret", "secret")]
    [InlineData("ApiKey", "api key")]
    [InlineData("PreSharedKey", "shared key")]
    [InlineData("accessToken", "access token")]
    [InlineData("PasswordChar", null)]
    [InlineData("passwordPrompt", null)]
    [InlineData("SecretName", null)]
    [InlineData("cacheKey", null)]
    [InlineData("token", null)]
    public void Secret_names_are_judged_by_their_last_words(string identifier, string? kind) =>
        Assert.Equal(kind, SecretNames.SecretKind(identifier));

    [Fact]
    public Task Incomplete_code_does_not_throw() => AnalyzerVerifier.VerifyAsync(
        new[] { (Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)new HardcodedCredentialAnalyzer() },
        new[]
        {
            ("Test0.cs", """
                using System.Net;
                class C
                {
                    const string Password = "p@ss // Noncompliant SD3001
                    string Secret { get; } = ;
                    void M(Unknown u)
                    {
                        var a = new NetworkCredential("user", );
                        u.Password = "x";
                        var b = new NetworkCredential { Password = 
                    }
                }
                """),
        },
        allowCompilerErrors: true);
}
