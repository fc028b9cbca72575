using System.Security.Cryptography;

namespace SecureDev.Core.IO;

/// <summary>The SHA-256 digests the records carry, as lower-case hex (the form CycloneDX and the manifests use).</summary>
public static class Digest
{
    public static string Sha256Hex(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }
}
