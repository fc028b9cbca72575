using System.Security.Cryptography;

namespace PlcGateway.Firmware;

/// <summary>Checks a downloaded firmware image against the checksum published with it before it is flashed.</summary>
public static class FirmwareVerifier
{
    public static bool Verify(string imagePath, string publishedChecksum)
    {
        using var image = File.OpenRead(imagePath);
        using var md5 = MD5.Create();
        var checksum = Convert.ToHexString(md5.ComputeHash(image));
        return string.Equals(checksum, publishedChecksum, StringComparison.OrdinalIgnoreCase);
    }
}
