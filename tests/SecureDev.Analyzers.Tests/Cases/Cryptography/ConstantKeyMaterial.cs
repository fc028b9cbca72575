// SD1006 Constant key, IV or nonce: key material written in the source or left all zeros, wherever it reaches a crypto API.
using System;
using System.Security.Cryptography;
using System.Text;

namespace Cases.Cryptography;

#pragma warning disable CA1416 // ChaCha20Poly1305 is not on every platform; beside the point here
public class FieldbusGateway
{
    private const string SealingKeyText = "0123456789abcdef0123456789abcdef";
    private static readonly byte[] FixedIv = { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10 };
    private static readonly byte[] MasterKey = Convert.FromBase64String("q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=");

    public void PropertyFromLiteral(Aes aes)
    {
        aes.Key = Encoding.UTF8.GetBytes("0123456789abcdef"); // Noncompliant SD1006 {{The key given to 'Aes.Key' is written in the source; load it from a key store or protected configuration, or derive it per device; a key in the source is in every copy of the binary}}
//                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        aes.IV = FixedIv; // Noncompliant SD1006 {{The IV given to 'Aes.IV' is written in the source; generate a fresh random IV with RandomNumberGenerator for every message and send it along}}
    }

    public Aes Initializer() => new AesManaged { Key = MasterKey, IV = new byte[16] }; // Noncompliant SD1006, SD1006

    public byte[] ConstantThroughEncoding(byte[] data) => HMACSHA256.HashData(Encoding.ASCII.GetBytes(SealingKeyText), data); // Noncompliant SD1006

    public HMAC HmacConstructor() => new HMACSHA256("signing-key-v1"u8.ToArray()); // Noncompliant SD1006

    public void AeadNonce(byte[] key, byte[] plaintext, byte[] ciphertext, byte[] tag)
    {
        using var gcm = new AesGcm(key, 16);
        var nonce = new byte[12];
        gcm.Encrypt(nonce, plaintext, ciphertext, tag); // Noncompliant SD1006 {{The nonce given to 'AesGcm.Encrypt' is all zeros; use a fresh nonce for every message (a counter that never repeats under one key, or RandomNumberGenerator); a repeated nonce breaks AES-GCM}}
    }

    public ChaCha20Poly1305 ThroughLocal()
    {
        var key = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 };
        return new ChaCha20Poly1305(key); // Noncompliant SD1006
    }

    public ICryptoTransform Transform(SymmetricAlgorithm algorithm) =>
        algorithm.CreateEncryptor(MasterKey, new byte[algorithm.BlockSize / 8]); // Noncompliant SD1006, SD1006

    public byte[] OneShotIv(Aes aes, byte[] data) => aes.EncryptCbc(data, FixedIv); // Noncompliant SD1006

    public byte[] Hkdf(byte[] info) => HKDF.DeriveKey(HashAlgorithmName.SHA256, MasterKey, 32, salt: Array.Empty<byte>(), info); // Noncompliant SD1006

    public byte[] ConstantSalt(string password) =>
        Rfc2898DeriveBytes.Pbkdf2(password, "plant-salt"u8, 600_000, HashAlgorithmName.SHA256, 32); // Noncompliant SD1006 {{The salt given to 'Rfc2898DeriveBytes.Pbkdf2' is written in the source; generate a random salt for every password with RandomNumberGenerator and store it with the hash}}

    public RSA EmbeddedPrivateKey()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem("-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END PRIVATE KEY-----"); // Noncompliant SD1006
        return rsa;
    }

    public IncrementalHash Incremental() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, [0x10, 0x20, 0x30, 0x40]); // Noncompliant SD1006

    public Func<byte[], byte[]> Lambda() => data => HMACSHA256.HashData(Encoding.UTF8.GetBytes("lambda-key"), data); // Noncompliant SD1006
}

public class SecretNamedField
{
    private static readonly byte[] ApiKey = Encoding.UTF8.GetBytes("k3y-0f-the-gateway");

    // The field is named like a secret: SD3001 reports it where it is declared; this rule does not repeat it here.
    public byte[] Sign(byte[] data) => HMACSHA256.HashData(ApiKey, data); // Compliant: reported by SD3001 at the declaration
}

public class KeyMaterialLookAlikes
{
    public Aes FromKeyStore(byte[] storedKey)
    {
        var aes = Aes.Create();
        aes.Key = storedKey; // Compliant: from a key store
        aes.GenerateIV(); // Compliant: random IV
        return aes;
    }

    public void RandomNonce(AesGcm gcm, byte[] plaintext, byte[] ciphertext, byte[] tag)
    {
        var nonce = new byte[12];
        RandomNumberGenerator.Fill(nonce); // fills the buffer before it is used
        gcm.Encrypt(nonce, plaintext, ciphertext, tag); // Compliant: filled with random bytes
    }

    public byte[] Derived(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA256, 32); // Compliant: per-password salt

    public byte[] FromConfiguration(string base64Key, byte[] data) =>
        HMACSHA256.HashData(Convert.FromBase64String(base64Key), data); // Compliant: from configuration

    public RSA PublicKeyPin()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem("-----BEGIN PUBLIC KEY-----\nMFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAL\n-----END PUBLIC KEY-----"); // Compliant: a public key is no secret
        return rsa;
    }

    public byte[] ConstantData(byte[] key) => HMACSHA256.HashData(key, "telemetry"u8); // Compliant: constant data to authenticate, not a constant key

    public byte[] HkdfSalt(byte[] ikm) => HKDF.Extract(HashAlgorithmName.SHA256, ikm, "application-salt"u8.ToArray()); // Compliant: HKDF's salt may be public and fixed
}
#pragma warning restore CA1416
