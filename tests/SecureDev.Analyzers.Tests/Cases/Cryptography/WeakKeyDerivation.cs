// SD1007 Weak password-based key derivation: PBKDF2 with SHA-1 or fewer than 100,000 iterations, by every route.
using System.Security.Cryptography;
using Microsoft.AspNetCore.Cryptography.KeyDerivation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Cryptography;

#pragma warning disable SYSLIB0041 // the constructors with SHA-1 defaults are obsolete, and still compile
public class OperatorAccounts
{
    private const int LegacyIterations = 10_000;
    private static readonly HashAlgorithmName LegacyPrf = HashAlgorithmName.SHA1;

    public byte[] Defaults(string password, byte[] salt)
    {
        using var kdf = new Rfc2898DeriveBytes(password, salt); // Noncompliant SD1007 {{PBKDF2 with SHA-1 (the default) and 1,000 iterations (the default); use SHA-256 with at least 600,000 iterations (OWASP 2023)}}
//                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        return kdf.GetBytes(32);
    }

    public Rfc2898DeriveBytes DefaultHash(string password, byte[] salt) =>
        new(password, salt, 600_000); // Noncompliant SD1007 {{PBKDF2 with SHA-1 (the default); use SHA-256 with at least 600,000 iterations (OWASP 2023)}}

    public Rfc2898DeriveBytes FewIterations(string password, byte[] salt) =>
        new(password, salt, 10_000, HashAlgorithmName.SHA256); // Noncompliant SD1007 {{PBKDF2 with 10,000 iterations; use SHA-256 with at least 600,000 iterations (OWASP 2023)}}

    public byte[] OneShot(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, 1_000, HashAlgorithmName.SHA1, 32); // Noncompliant SD1007 {{PBKDF2 with SHA-1 and 1,000 iterations; use SHA-256 with at least 600,000 iterations (OWASP 2023)}}

    public byte[] ThroughConstant(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, LegacyIterations, HashAlgorithmName.SHA512, 64); // Noncompliant SD1007

    public byte[] ThroughStaticReadonly(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, LegacyPrf, 32); // Noncompliant SD1007 {{PBKDF2 with SHA-1; use SHA-256 with at least 600,000 iterations (OWASP 2023)}}

    public byte[] ThroughLocals(string password, byte[] salt)
    {
        var iterations = 50_000;
        var prf = new HashAlgorithmName("SHA1");
        return Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, prf, 32); // Noncompliant SD1007 {{PBKDF2 with SHA-1 and 50,000 iterations; use SHA-256 with at least 600,000 iterations (OWASP 2023)}}
    }

    public void Property(Rfc2898DeriveBytes kdf) => kdf.IterationCount = 4_096; // Noncompliant SD1007

    public byte[] AspNetCore(string password, byte[] salt) =>
        KeyDerivation.Pbkdf2(password, salt, KeyDerivationPrf.HMACSHA1, 10_000, 32); // Noncompliant SD1007 {{PBKDF2 with SHA-1 and 10,000 iterations; use SHA-256 with at least 600,000 iterations (OWASP 2023)}}

    public void IdentityLambda(IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 10_000); // Noncompliant SD1007

    public PasswordHasherOptions IdentityInitializer() =>
        new() { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2 }; // Noncompliant SD1007 {{PBKDF2 with SHA-1 and 1,000 iterations (PasswordHasherCompatibilityMode.IdentityV2); use SHA-256 with at least 600,000 iterations (OWASP 2023)}}
}
#pragma warning restore SYSLIB0041

public class KeyDerivationLookAlikes
{
    public byte[] Current(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA256, 32); // Compliant

    public byte[] Sha512(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, 210_000, HashAlgorithmName.SHA512, 64); // Compliant: OWASP's figure for SHA-512

    public byte[] Configured(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, 32); // Compliant: the count comes from configuration

    public byte[] AspNetCoreStrong(string password, byte[] salt) =>
        KeyDerivation.Pbkdf2(password, salt, KeyDerivationPrf.HMACSHA256, 600_000, 32); // Compliant

    public void IdentityStrong(IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 310_000); // Compliant

    public int Read(Rfc2898DeriveBytes kdf) => kdf.IterationCount; // Compliant: reading the count

    public byte[] NotAKdf(byte[] data) => SHA256.HashData(data); // Compliant: a hash is another rule's business
}
