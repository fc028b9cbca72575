using System.Text.RegularExpressions;
using SecureDev.Core.Diagnostics;

namespace SecureDev.Core.Sbom;

/// <summary>The SBOM settings a user can give (MSBuild properties, CLI options), checked before anything is written.</summary>
public static partial class SbomSettings
{
    public const string DefaultSpecVersion = "1.6";

    /// <summary>The CycloneDX versions SecureDev writes, each proven against the official validator in the tests.</summary>
    public static readonly IReadOnlyList<string> SpecVersions = new[] { "1.5", "1.6", "1.7" };

    /// <summary>The spec version, the default when not given, or null with an SD9051 message.</summary>
    public static string? SpecVersion(string? value, string? file, ICollection<BuildMessage> messages, string settingName = "SecureDevSbomSpecVersion")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultSpecVersion;
        }

        var trimmed = value.Trim();
        if (SpecVersions.Contains(trimmed, StringComparer.Ordinal))
        {
            return trimmed;
        }

        messages.Add(BuildRules.UnsupportedSpecVersion.At(
            file,
            $"{settingName} is '{trimmed}'; SecureDev writes CycloneDX {string.Join(", ", SpecVersions)} (default {DefaultSpecVersion}). Set it to one of these, or remove it."));
        return null;
    }

    /// <summary>A serial number given by the user must be a CycloneDX one (urn:uuid:...); true when it is absent or valid.</summary>
    public static bool SerialNumber(string? value, string? file, ICollection<BuildMessage> messages, string settingName = "SecureDevSbomSerialNumber")
    {
        if (value is null || SerialPattern().IsMatch(value))
        {
            return true;
        }

        messages.Add(BuildRules.InvalidSerialNumber.At(
            file,
            $"{settingName} is '{value}', which is not a CycloneDX serial number (urn:uuid: and an RFC 4122 UUID in lower case, e.g. urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79). Fix it, or remove it to get a serial number derived from the BOM's content."));
        return false;
    }

    // The pattern of the CycloneDX JSON schema's serialNumber.
    [GeneratedRegex("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex SerialPattern();
}
