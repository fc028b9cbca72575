using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SecureDev.Core.IO;

namespace SecureDev.Core.Sbom;

/// <summary>Writes a BOM as canonical JSON, with a serial number derived from its content unless one was given.</summary>
public static class BomSerializer
{
    // Name-based UUIDs (RFC 4122 version 5) in SecureDev's own namespace: equal content, equal serial number.
    private static readonly Guid SerialNamespace = new("5e0c7d3a-6b1f-4c52-9a8e-2d1f0b7e4c61");

    public static string Serialize(Bom bom, string? serialNumber = null)
    {
        bom.SerialNumber = null;
        var withoutSerial = CanonicalJson.Serialize(bom);
        bom.SerialNumber = serialNumber ?? "urn:uuid:" + NameBasedUuid(SerialNamespace, withoutSerial).ToString("D");

        // The serial number goes right after specVersion (the model's property order): insert it rather than
        // serialize the whole BOM a second time.
        var anchor = "\n  \"specVersion\": " + JsonSerializer.Serialize(bom.SpecVersion) + ",\n";
        var at = withoutSerial.IndexOf(anchor, StringComparison.Ordinal);
        return at < 0
            ? CanonicalJson.Serialize(bom)
            : withoutSerial.Insert(at + anchor.Length, "  \"serialNumber\": " + JsonSerializer.Serialize(bom.SerialNumber, CanonicalJson.Options) + ",\n");
    }

    internal static Guid NameBasedUuid(Guid namespaceId, string name)
    {
        var namespaceBytes = namespaceId.ToByteArray();
        SwapToNetworkOrder(namespaceBytes);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[namespaceBytes.Length + nameBytes.Length];
        namespaceBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, namespaceBytes.Length);

        // RFC 4122 section 4.3 defines version 5 on SHA-1; here it only makes an identifier, not a security decision.
        var hash = SHA1.HashData(input);
        var uuid = new byte[16];
        Array.Copy(hash, uuid, 16);
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        SwapToNetworkOrder(uuid);
        return new Guid(uuid);
    }

    // Guid's byte array keeps the first three fields little-endian; RFC 4122 works on network order.
    private static void SwapToNetworkOrder(byte[] guid)
    {
        (guid[0], guid[3]) = (guid[3], guid[0]);
        (guid[1], guid[2]) = (guid[2], guid[1]);
        (guid[4], guid[5]) = (guid[5], guid[4]);
        (guid[6], guid[7]) = (guid[7], guid[6]);
    }
}
