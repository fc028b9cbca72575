// SD1002 Broken or weak cipher: DES, Triple DES and RC2 by every route; AES, AES-GCM and ChaCha20-Poly1305 stay quiet.
using System.Security.Cryptography;

namespace Cases.Cryptography;

public class ConfigurationVault
{
    public byte[] StaticFactory(byte[] key, byte[] iv, byte[] data)
    {
        using var des = TripleDES.Create(); // Noncompliant SD1002 {{Triple DES is a broken cipher; use AES-GCM or ChaCha20-Poly1305}}
//                      ^^^^^^^^^^^^^^^^^^
        des.Key = key;
        return des.EncryptCbc(data, iv); // Compliant: the instance was created (and reported) above
    }

    public void Constructors()
    {
#pragma warning disable SYSLIB0021 // the obsolete providers are what this rule is about
        using var des = new DESCryptoServiceProvider(); // Noncompliant SD1002 {{DES is a broken cipher; use AES-GCM or ChaCha20-Poly1305}}
        using var rc2 = new RC2CryptoServiceProvider(); // Noncompliant SD1002
        using var triple = new TripleDESCryptoServiceProvider(); // Noncompliant SD1002
#pragma warning restore SYSLIB0021
        using var plainDes = DES.Create(); // Noncompliant SD1002
        using var plainRc2 = RC2.Create(); // Noncompliant SD1002
    }

    public object? ByName()
    {
#pragma warning disable SYSLIB0045
        var a = SymmetricAlgorithm.Create("3DES"); // Noncompliant SD1002
        var b = CryptoConfig.CreateFromName("DES"); // Noncompliant SD1002
        var c = SymmetricAlgorithm.Create("AES"); // Compliant
#pragma warning restore SYSLIB0045
        return a ?? b ?? c;
    }

    // The instance comes from elsewhere: its one-shot use is where this code chooses the weak cipher.
    public byte[] OneShot(TripleDES injected, byte[] data) => injected.EncryptEcb(data, PaddingMode.PKCS7); // Noncompliant SD1002
//                                                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

    public ICryptoTransform Transform(DES injected) => injected.CreateDecryptor(); // Noncompliant SD1002

    public System.Func<TripleDES> MethodGroup() => TripleDES.Create; // Noncompliant SD1002

    public object? ByNameThroughLocal()
    {
        var algorithm = "RC2";
#pragma warning disable SYSLIB0045
        return SymmetricAlgorithm.Create(algorithm); // Noncompliant SD1002
#pragma warning restore SYSLIB0045
    }
}

public class StrongLookAlikes
{
    public byte[] Aes(byte[] key, byte[] iv, byte[] data)
    {
        using var aes = System.Security.Cryptography.Aes.Create(); // Compliant
        aes.Key = key;
        return aes.EncryptCbc(data, iv); // Compliant
    }

    public void Aead(byte[] key, byte[] nonce, byte[] plaintext, byte[] ciphertext, byte[] tag)
    {
        using var gcm = new AesGcm(key, 16); // Compliant
        gcm.Encrypt(nonce, plaintext, ciphertext, tag);
#pragma warning disable CA1416 // platform support is beside the point here
        using var chacha = new ChaCha20Poly1305(key); // Compliant
#pragma warning restore CA1416
        chacha.Encrypt(nonce, plaintext, ciphertext, tag);
    }

    public int Describe(SymmetricAlgorithm algorithm) => algorithm.KeySize; // Compliant: nothing here picks a cipher

    public string Name() => "DES"; // Compliant: a string, not a cipher
}
