namespace SecureDev.Core.Advisories;

/// <summary>GitHub's advisory severities (NuGet's audit uses the same four). Unknown sorts below all of them.</summary>
public enum AdvisorySeverity
{
    Unknown = 0,
    Low = 1,
    Moderate = 2,
    High = 3,
    Critical = 4,
}

public static class AdvisorySeveritySupport
{
    /// <summary>Reads GitHub's names (LOW, MODERATE, HIGH, CRITICAL), OSV/NVD's MEDIUM, and NuGet's numeric 0 to 3.</summary>
    public static bool TryParse(string? text, out AdvisorySeverity severity)
    {
        severity = text?.Trim().ToUpperInvariant() switch
        {
            "LOW" or "0" => AdvisorySeverity.Low,
            "MODERATE" or "MEDIUM" or "1" => AdvisorySeverity.Moderate,
            "HIGH" or "2" => AdvisorySeverity.High,
            "CRITICAL" or "3" => AdvisorySeverity.Critical,
            _ => AdvisorySeverity.Unknown,
        };
        return severity != AdvisorySeverity.Unknown;
    }

    /// <summary>The qualitative rating of a CVSS base score (CVSS v3.1 specification, section 5).</summary>
    public static AdvisorySeverity FromScore(double score) => score switch
    {
        >= 9.0 => AdvisorySeverity.Critical,
        >= 7.0 => AdvisorySeverity.High,
        >= 4.0 => AdvisorySeverity.Moderate,
        > 0.0 => AdvisorySeverity.Low,
        _ => AdvisorySeverity.Unknown,
    };

    public static string Name(this AdvisorySeverity severity) => severity.ToString().ToLowerInvariant();
}
