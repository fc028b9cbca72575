// SD1001 Broken or weak hash algorithm: MD5, SHA-1 and RIPEMD-160 by every route, SHA-256 and up stay quiet.
using System.Security.Cryptography;
using System.Text;

namespace Cases.Cryptography;

public class FirmwareImage
{
    private static readonly byte[] Image = Encoding.UTF8.GetBytes("image");

    public byte[] StaticFactory()
    {
        using var md5 = MD5.Create(); // Noncompliant SD1001 {{MD5 is a broken hash algorithm; use SHA-256 or stronger}}
//                      ^^^^^^^^^^^^
        return md5.ComputeHash(Image);
    }

    public byte[] OneShot() => SHA1.HashData(Image); // Noncompliant SD1001 {{SHA-1 is a broken hash algorithm; use SHA-256 or stronger}}
//                             ^^^^^^^^^^^^^^^^^^^^

    public byte[] LegacyProvider()
    {
#pragma warning disable SYSLIB0021 // the obsolete classes are exactly what this rule is about
        using var provider = new SHA1CryptoServiceProvider(); // Noncompliant SD1001
//                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        using var managed = new SHA1Managed(); // Noncompliant SD1001
        using var md5 = new MD5CryptoServiceProvider(); // Noncompliant SD1001
#pragma warning restore SYSLIB0021
        return provider.ComputeHash(Image);
    }

    public byte[] Hmac(byte[] key)
    {
        using var hmac = new HMACSHA1(key); // Noncompliant SD1001 {{HMAC-SHA1 is a broken hash algorithm; use SHA-256 or stronger}}
        using var other = new HMACMD5(key); // Noncompliant SD1001
        return HMACMD5.HashData(key, Image); // Noncompliant SD1001
    }

    public object? ByName()
    {
#pragma warning disable SYSLIB0045 // creation by name is obsolete, and still compiles
        var fromConfig = CryptoConfig.CreateFromName("MD5"); // Noncompliant SD1001
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        var fromBase = HashAlgorithm.Create("SHA1"); // Noncompliant SD1001
        var xmlDsig = CryptoConfig.CreateFromName("http://www.w3.org/2000/09/xmldsig#sha1"); // Noncompliant SD1001
        var strong = HashAlgorithm.Create("SHA256"); // Compliant: SHA-256
#pragma warning restore SYSLIB0045
        return fromConfig ?? fromBase ?? xmlDsig ?? strong;
    }

    public byte[] Signing(RSA rsa)
    {
        var legacy = rsa.SignData(Image, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1); // Noncompliant SD1001
//                                       ^^^^^^^^^^^^^^^^^^^^^^
        using var incremental = IncrementalHash.CreateHash(HashAlgorithmName.MD5); // Noncompliant SD1001
        return rsa.SignData(Image, HashAlgorithmName.SHA256, RSASignaturePadding.Pss); // Compliant: SHA-256
    }

    private const string AlgorithmName = "MD5";
    private static readonly string ConfiguredAlgorithm = "SHA1";

    public object? ThroughConstant() => CryptoConfig.CreateFromName(AlgorithmName); // Noncompliant SD1001

    public object? ThroughStaticReadonly() => CryptoConfig.CreateFromName(ConfiguredAlgorithm); // Noncompliant SD1001 {{SHA-1 is a broken hash algorithm; use SHA-256 or stronger}}

    public object? ThroughLocal()
    {
        var name = "RIPEMD160";
        return CryptoConfig.CreateFromName(name); // Noncompliant SD1001
    }

    public System.Func<byte[], byte[]> MethodGroup() => MD5.HashData; // Noncompliant SD1001 {{MD5 is a broken hash algorithm; use SHA-256 or stronger}}
//                                                      ^^^^^^^^^^^^

    public System.Func<byte[], byte[]> Lambda() => data => SHA1.HashData(data); // Noncompliant SD1001

    public string Name() => nameof(MD5.HashData); // Compliant: nameof creates nothing
}

public class LookAlikes
{
    public byte[] Strong(byte[] data)
    {
        using var sha256 = SHA256.Create(); // Compliant
        using var hmac = new HMACSHA256(data); // Compliant
        var a = SHA384.HashData(data); // Compliant
        var b = SHA512.HashData(data); // Compliant
        return sha256.ComputeHash(hmac.ComputeHash(a.Length > b.Length ? a : b));
    }

    public object? NameFromConfiguration(string configuredName) =>
        CryptoConfig.CreateFromName(configuredName); // Compliant: not a constant, the configuration decides

    public string Label() => "MD5"; // Compliant: a string that names nothing it creates

    public byte[] KeyDerivation(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA256, 32); // Compliant

    public int TypeReference(MD5 algorithm) => algorithm.HashSize; // Compliant: receiving an instance is not creating one
}
