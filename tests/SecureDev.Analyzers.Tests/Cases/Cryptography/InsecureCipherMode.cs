// SD1003 ECB cipher mode, by every route a CipherMode reaches an algorithm, and the ECB one-shot APIs.
// SD1004 Encryption without authentication: AES in CBC or CFB mode where no MAC is computed and AES-GCM is available.
using System;
using System.Security.Cryptography;

namespace Cases.Cryptography;

public class RecipeStore
{
    private const CipherMode LegacyMode = CipherMode.ECB;
    private static readonly CipherMode ConfiguredMode = CipherMode.ECB;

    public ICryptoTransform Property(byte[] key)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        aes.Mode = CipherMode.ECB; // Noncompliant SD1003 {{ECB mode ('Aes.Mode') shows equal plaintext blocks as equal ciphertext blocks; use AES-GCM}}
//                 ^^^^^^^^^^^^^^
        return aes.CreateEncryptor();
    }

    public SymmetricAlgorithm Initializer() =>
#pragma warning disable SYSLIB0022 // the obsolete managed class still compiles
        new RijndaelManaged { Mode = CipherMode.ECB }; // Noncompliant SD1003 {{ECB mode ('RijndaelManaged.Mode') shows equal plaintext blocks as equal ciphertext blocks; use AES-GCM}}
#pragma warning restore SYSLIB0022

    public void ThroughConstant(Aes aes) => aes.Mode = LegacyMode; // Noncompliant SD1003

    public void ThroughStaticReadonly(Aes aes) => aes.Mode = ConfiguredMode; // Noncompliant SD1003

    public void ThroughLocal(Aes aes)
    {
        var mode = CipherMode.ECB;
        aes.Mode = mode; // Noncompliant SD1003
    }

    public byte[] OneShot(Aes aes, byte[] data) => aes.EncryptEcb(data, PaddingMode.PKCS7); // Noncompliant SD1003 {{ECB mode ('Aes.EncryptEcb') shows equal plaintext blocks as equal ciphertext blocks; use AES-GCM}}

    public int TryOneShot(Aes aes, byte[] data, byte[] output) =>
        aes.TryDecryptEcb(data, output, PaddingMode.PKCS7, out var written) ? written : 0; // Noncompliant SD1003

    public Func<byte[], PaddingMode, byte[]> MethodGroup(Aes aes) => aes.EncryptEcb; // Noncompliant SD1003

    public void Argument(Aes aes) => Configure(aes, CipherMode.ECB); // Noncompliant SD1003 {{ECB mode (argument 'mode' of 'Configure') shows equal plaintext blocks as equal ciphertext blocks; use AES-GCM}}

    public CipherSettings Record() => new(CipherMode.ECB); // Noncompliant SD1003

    public CipherSettings With(CipherSettings settings) => settings with { Mode = CipherMode.ECB }; // Noncompliant SD1003

    public CipherMode Returned() => CipherMode.ECB; // Noncompliant SD1003

    public Func<CipherMode> Lambda() => () => CipherMode.ECB; // Noncompliant SD1003

    public Func<CipherMode> AnonymousMethod() => delegate { return CipherMode.ECB; }; // Noncompliant SD1003

    public System.Collections.Generic.List<CipherMode> AllowedModes() => new() { CipherMode.CBC, CipherMode.ECB }; // Noncompliant SD1003 {{ECB mode (argument 'item' of 'Add') shows equal plaintext blocks as equal ciphertext blocks; use AES-GCM}}

    public CipherMode LocalFunction()
    {
        return Pick();

        static CipherMode Pick() => CipherMode.ECB; // Noncompliant SD1003
    }

    private static void Configure(SymmetricAlgorithm algorithm, CipherMode mode) => algorithm.Mode = mode; // Compliant: the mode comes in as a parameter; the caller's choice is reported
}

public record CipherSettings(CipherMode Mode);

public class DeviceOptions
{
    public CipherMode Mode { get; set; } = CipherMode.ECB; // Noncompliant SD1003

    private readonly CipherMode _fallback = CipherMode.ECB; // Noncompliant SD1003

    public CipherMode Fallback => _fallback; // Compliant: reported at the field's initializer
}

public class UnauthenticatedModes
{
    public byte[] OneShotCbc(Aes aes, byte[] data, byte[] iv) => aes.EncryptCbc(data, iv); // Noncompliant SD1004 {{AES in CBC mode ('Aes.EncryptCbc') is not authenticated and no MAC is computed here; use AES-GCM, which also detects tampering}}

    public byte[] OneShotCfb(Aes aes, byte[] data, byte[] iv) => aes.DecryptCfb(data, iv); // Noncompliant SD1004 {{AES in CFB mode ('Aes.DecryptCfb') is not authenticated and no MAC is computed here; use AES-GCM, which also detects tampering}}

    public void ExplicitCbc(Aes aes) => aes.Mode = CipherMode.CBC; // Noncompliant SD1004

#pragma warning disable SYSLIB0021 // the obsolete managed class still compiles
    public Aes InitializerCbc() => new AesManaged { Mode = CipherMode.CBC }; // Noncompliant SD1004
#pragma warning restore SYSLIB0021

    public ICryptoTransform DefaultMode(byte[] key, byte[] iv)
    {
        var aes = Aes.Create();
        return aes.CreateEncryptor(key, iv); // Noncompliant SD1004 {{AES in CBC mode ('Aes.CreateEncryptor') is not authenticated and no MAC is computed here; use AES-GCM, which also detects tampering}}
    }

    public byte[] EncryptThenMac(Aes aes, byte[] macKey, byte[] data, byte[] iv)
    {
        var ciphertext = aes.EncryptCbc(data, iv); // Compliant: an HMAC over the ciphertext is computed in the same method
        var tag = HMACSHA256.HashData(macKey, ciphertext);
        return [.. ciphertext, .. tag];
    }

    public ICryptoTransform ModeSetElsewhere(Aes injected) => injected.CreateEncryptor(); // Compliant: an instance from elsewhere may have been given a mode there

    public ICryptoTransform ModeSetToCfb(byte[] key)
    {
        using var aes = Aes.Create();
        aes.Mode = CipherMode.CFB; // Noncompliant SD1004
        return aes.CreateEncryptor(); // Compliant: the mode is set above and reported there
    }
}

public class ModeLookAlikes
{
    public void Aead(byte[] key, byte[] nonce, byte[] plaintext, byte[] ciphertext, byte[] tag)
    {
        using var gcm = new AesGcm(key, 16); // Compliant: authenticated encryption
        gcm.Encrypt(nonce, plaintext, ciphertext, tag);
    }

    public bool Recognise(SymmetricAlgorithm algorithm) => algorithm.Mode == CipherMode.ECB; // Compliant: a comparison chooses nothing

    public string Describe(CipherMode mode) => mode switch
    {
        CipherMode.ECB => "electronic codebook", // Compliant: a label for a mode
        _ => mode.ToString(),
    };

    public void FromConfiguration(Aes aes, string configured) => aes.Mode = Enum.Parse<CipherMode>(configured); // Compliant: not a constant

    public CipherMode Cts() => CipherMode.CTS; // Compliant: not ECB
}
