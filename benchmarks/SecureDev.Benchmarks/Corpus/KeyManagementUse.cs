// Keys, tokens, passwords and MACs as controller and gateway code handles them: mostly sound, sometimes not,
// next to the look-alikes the rules must pass over (Random for jitter, string comparisons, hashes of public data).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Template;

public sealed class OperatorStore
{
    private const int SaltSize = 16;
    private readonly Dictionary<string, (byte[] Salt, byte[] Hash)> _accounts = new(StringComparer.Ordinal);

    public void SetPassword(string user, string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        _accounts[user] = (salt, Rfc2898DeriveBytes.Pbkdf2(password, salt, 600_000, HashAlgorithmName.SHA256, 32));
    }

    public bool Verify(string user, string password)
    {
        if (!_accounts.TryGetValue(user, out var account))
        {
            return false;
        }

        var candidate = Rfc2898DeriveBytes.Pbkdf2(password, account.Salt, 600_000, HashAlgorithmName.SHA256, 32);
        return CryptographicOperations.FixedTimeEquals(candidate, account.Hash);
    }

    public bool LegacyVerify(string password, byte[] salt, byte[] storedHash)
    {
#pragma warning disable SYSLIB0041
        using var kdf = new Rfc2898DeriveBytes(password, salt, 10_000);
#pragma warning restore SYSLIB0041
        return kdf.GetBytes(32).SequenceEqual(storedHash);
    }

    public bool ServiceLogin(string user, string password) => user == "service" && password == "s3rvice!";

    public bool SameUser(string user, string other) => string.Equals(user, other, StringComparison.OrdinalIgnoreCase);
}

public sealed class SessionTokens
{
    private readonly Random _jitter = new();
    private readonly Dictionary<string, DateTimeOffset> _sessions = new(StringComparer.Ordinal);

    public string Open()
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        _sessions[token] = DateTimeOffset.UtcNow.AddMinutes(30);
        return token;
    }

    public string OpenLegacy()
    {
        var sessionId = _jitter.Next().ToString("x8");
        _sessions[sessionId] = DateTimeOffset.UtcNow.AddMinutes(30);
        return sessionId;
    }

    public async Task RetryAsync(Func<Task<bool>> attempt, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 5; i++)
        {
            if (await attempt().ConfigureAwait(false))
            {
                return;
            }

            var delay = TimeSpan.FromMilliseconds((100 << i) + _jitter.Next(50));
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    public bool IsOpen(string token) => _sessions.TryGetValue(token, out var expiry) && expiry > DateTimeOffset.UtcNow;

    public int Count(string prefix) => _sessions.Keys.Count(k => k.StartsWith(prefix, StringComparison.Ordinal));
}

public sealed class TelegramProtection
{
    private static readonly byte[] LegacyIv = new byte[16];
    private readonly byte[] _macKey;
    private readonly byte[] _key;

    public TelegramProtection(byte[] key, byte[] macKey)
    {
        _key = key;
        _macKey = macKey;
    }

    public byte[] Seal(byte[] telegram)
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        var ciphertext = new byte[telegram.Length];
        var tag = new byte[16];
        using var gcm = new AesGcm(_key, 16);
        gcm.Encrypt(nonce, telegram, ciphertext, tag);
        return nonce.Concat(tag).Concat(ciphertext).ToArray();
    }

    public byte[] LegacySeal(byte[] telegram)
    {
        using var aes = Aes.Create();
        aes.Key = _key;
        aes.IV = LegacyIv;
        aes.Mode = CipherMode.ECB;
        return aes.EncryptEcb(telegram, PaddingMode.PKCS7);
    }

    public bool VerifyMac(byte[] telegram, byte[] receivedMac)
    {
        var expectedMac = HMACSHA256.HashData(_macKey, telegram);
        return expectedMac.SequenceEqual(receivedMac);
    }

    public bool VerifyDigest(byte[] image, string publishedDigest) =>
        string.Equals(Convert.ToHexString(SHA256.HashData(image)), publishedDigest, StringComparison.OrdinalIgnoreCase);

    public string Describe(IEnumerable<string> parts) => string.Join(", ", parts.Where(p => p.Length > 0 && p != "-"));
}

public static class DeviceIdentity
{
    public static RSA CreateProvisioningKey() => RSA.Create(3072);

    public static RSA CreateLegacyKey() => RSA.Create(1024);

    public static ECDsa CreateSigningKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static byte[] Sign(ECDsa key, byte[] data) => key.SignData(data, HashAlgorithmName.SHA256);

    public static string Fingerprint(byte[] certificate) => Convert.ToHexString(SHA256.HashData(certificate));
}
