// Cryptography as product code uses it: mostly sound, sometimes not.
using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Corpus.Template;

public static class FirmwareIntegrity
{
    public static bool Verify(Stream image, byte[] expected)
    {
        var actual = SHA256.HashData(image);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    public static string LegacyChecksum(byte[] image)
    {
        using var md5 = MD5.Create();
        return Convert.ToHexString(md5.ComputeHash(image));
    }

    public static byte[] Sign(RSA key, byte[] data) => key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);

    public static byte[] LegacySign(RSA key, byte[] data) => key.SignData(data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);
}

public static class ConfigurationSecrets
{
    public static byte[] Seal(byte[] key, byte[] plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[16];
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, plaintext, ciphertext, tag);
        var sealedData = new byte[nonce.Length + tag.Length + ciphertext.Length];
        nonce.CopyTo(sealedData, 0);
        tag.CopyTo(sealedData, nonce.Length);
        ciphertext.CopyTo(sealedData, nonce.Length + tag.Length);
        return sealedData;
    }

    public static byte[] LegacyUnseal(byte[] key, byte[] iv, byte[] data)
    {
        using var des = TripleDES.Create();
        des.Key = key;
        return des.DecryptCbc(data, iv);
    }

    public static string Hmac(byte[] key, string message) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message)));
}
