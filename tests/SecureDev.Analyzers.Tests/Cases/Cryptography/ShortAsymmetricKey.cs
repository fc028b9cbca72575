// SD1005 Short or deprecated asymmetric key: RSA under 2048 bits, curves under 256 bits, DSA; by every route.
using System;
using System.Security.Cryptography;

namespace Cases.Cryptography;

#pragma warning disable CA1416 // platform-specific classes are part of what this rule reads
#pragma warning disable SYSLIB0045 // creation by name is obsolete, and still compiles
public class DeviceCertificates
{
    private const int LegacyKeySize = 1024;
    private static readonly int ConfiguredKeySize = 1536;

    public RSA StaticFactory() => RSA.Create(1024); // Noncompliant SD1005 {{An RSA key of 1024 bits is too short; use RSA with 3072 bits (at least 2048) or ECDSA/ECDH on P-256 or larger}}
//                                           ^^^^

    public RSA Constructor() => new RSACryptoServiceProvider(512); // Noncompliant SD1005

    public RSA NamedArgument() => new RSACng(keySize: 1024); // Noncompliant SD1005

    public RSA ThroughConstant() => RSA.Create(LegacyKeySize); // Noncompliant SD1005

    public RSA ThroughStaticReadonly() => RSA.Create(ConfiguredKeySize); // Noncompliant SD1005

    public RSA ThroughLocal()
    {
        var bits = 1024;
        return RSA.Create(bits); // Noncompliant SD1005
    }

    public RSA Property()
    {
        var rsa = RSA.Create();
        rsa.KeySize = 1024; // Noncompliant SD1005
        return rsa;
    }

    public RSA Initializer() => new RSAOpenSsl { KeySize = 1024 }; // Noncompliant SD1005

    public RSA DefaultProviderKey() => new RSACryptoServiceProvider(); // Noncompliant SD1005 {{new RSACryptoServiceProvider() generates a 1024-bit key; use RSA with 3072 bits (at least 2048) or ECDSA/ECDH on P-256 or larger}}

    public RSA IgnoredKeySize()
    {
        var rsa = new RSACryptoServiceProvider(4096);
        rsa.KeySize = 4096; // Noncompliant SD1005 {{Setting KeySize on RSACryptoServiceProvider has no effect: the key keeps its size, 1024 bits when generated; pass the size to the constructor; use RSA with 3072 bits (at least 2048) or ECDSA/ECDH on P-256 or larger}}
        return rsa;
    }

    public Func<int, RSA> Lambda() => size => RSA.Create(size < 2048 ? 2048 : size); // Compliant: the size is computed, not a short constant

    public Func<RSA> LambdaWithShortKey() => () => RSA.Create(768); // Noncompliant SD1005

    public ECDsa WeakNamedCurve() => ECDsa.Create(ECCurve.NamedCurves.brainpoolP160r1); // Noncompliant SD1005 {{Curve brainpoolP160r1 has a 160-bit key; use RSA with 3072 bits (at least 2048) or ECDSA/ECDH on P-256 or larger}}

    public ECDiffieHellman WeakFriendlyName() => ECDiffieHellman.Create(ECCurve.CreateFromFriendlyName("secp192r1")); // Noncompliant SD1005

    public ECDsa WeakOid() => ECDsa.Create(ECCurve.CreateFromValue("1.3.132.0.33")); // Noncompliant SD1005 {{Curve P-224 has a 224-bit key; use RSA with 3072 bits (at least 2048) or ECDSA/ECDH on P-256 or larger}}

    public ECDsa WeakOidObject() => ECDsa.Create(ECCurve.CreateFromOid(new Oid("1.2.840.10045.3.1.1"))); // Noncompliant SD1005

    public ECDsa ShortEcKeySize() => new ECDsaCng(192); // Noncompliant SD1005 {{An elliptic-curve key of 192 bits is too short; use RSA with 3072 bits (at least 2048) or ECDSA/ECDH on P-256 or larger}}

    public void GenerateWeakKey(ECDsa ecdsa)
    {
        var curve = ECCurve.NamedCurves.brainpoolP224t1; // Noncompliant SD1005
        ecdsa.GenerateKey(curve);
    }

    public DSA Dsa() => DSA.Create(2048); // Noncompliant SD1005 {{DSA is withdrawn for new signatures (FIPS 186-5) and limited to 1024-bit keys by common providers; use RSA with 3072 bits (at least 2048) or ECDSA/ECDH on P-256 or larger}}

    public DSA DsaProvider() => new DSACryptoServiceProvider(); // Noncompliant SD1005

    public object? DsaByName() => CryptoConfig.CreateFromName("DSA"); // Noncompliant SD1005

    public Func<DSA> DsaMethodGroup() => DSA.Create; // Noncompliant SD1005
}

public class KeyLookAlikes
{
    public RSA Strong() => RSA.Create(3072); // Compliant

    public RSA Default() => RSA.Create(); // Compliant: 2048 bits

    public RSA Minimum() => new RSACng(2048); // Compliant

    public RSA Configured(int keySize) => RSA.Create(keySize); // Compliant: the size comes from configuration

    public RSA Imported(RSAParameters parameters)
    {
        var rsa = new RSACryptoServiceProvider(); // Compliant: the default key is never generated, a key is imported
        rsa.ImportParameters(parameters);
        return rsa;
    }

    public ECDsa StrongCurve() => ECDsa.Create(ECCurve.NamedCurves.nistP256); // Compliant

    public ECDsa StrongName() => ECDsa.Create(ECCurve.CreateFromFriendlyName("secp384r1")); // Compliant

    public ECDsa DefaultCurve() => ECDsa.Create(); // Compliant: P-521

    public bool IsLegacyCurve(ECCurve curve) => curve.Oid.Value == ECCurve.NamedCurves.brainpoolP160r1.Oid.Value; // Compliant: recognising a curve picks none

    public int Report(RSA rsa) => rsa.KeySize; // Compliant: reading the size

    public AsymmetricAlgorithm Modern() => ECDsa.Create(ECCurve.NamedCurves.brainpoolP384r1); // Compliant
}
#pragma warning restore SYSLIB0045
#pragma warning restore CA1416
