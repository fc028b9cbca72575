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
}
