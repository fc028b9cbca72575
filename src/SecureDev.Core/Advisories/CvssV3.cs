using System.Globalization;

namespace SecureDev.Core.Advisories;

/// <summary>
/// The CVSS v3.0/v3.1 base score of a vector string (formulas of the CVSS v3.1 specification, section 7.1), used when an
/// advisory has a vector but no severity name.
/// </summary>
public static class CvssV3
{
    public static bool TryBaseScore(string vector, out double score)
    {
        score = 0;
        var parts = vector.Split('/');
        if (parts.Length < 9 || !(parts[0] is "CVSS:3.1" or "CVSS:3.0"))
        {
            return false;
        }

        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            var colon = part.IndexOf(':');
            if (colon <= 0)
            {
                return false;
            }

            metrics[part[..colon]] = part[(colon + 1)..];
        }

        if (!Weight(metrics, "AV", new() { ["N"] = 0.85, ["A"] = 0.62, ["L"] = 0.55, ["P"] = 0.2 }, out var attackVector)
            || !Weight(metrics, "AC", new() { ["L"] = 0.77, ["H"] = 0.44 }, out var attackComplexity)
            || !Weight(metrics, "UI", new() { ["N"] = 0.85, ["R"] = 0.62 }, out var userInteraction)
            || !metrics.TryGetValue("S", out var scope) || !(scope is "U" or "C")
            || !Weight(metrics, "PR", scope == "C"
                ? new() { ["N"] = 0.85, ["L"] = 0.68, ["H"] = 0.5 }
                : new() { ["N"] = 0.85, ["L"] = 0.62, ["H"] = 0.27 }, out var privileges)
            || !Weight(metrics, "C", Impact, out var confidentiality)
            || !Weight(metrics, "I", Impact, out var integrity)
            || !Weight(metrics, "A", Impact, out var availability))
        {
            return false;
        }

        var iss = 1 - ((1 - confidentiality) * (1 - integrity) * (1 - availability));
        var impact = scope == "U" ? 6.42 * iss : (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15));
        var exploitability = 8.22 * attackVector * attackComplexity * privileges * userInteraction;
        score = impact <= 0
            ? 0
            : scope == "U"
                ? RoundUp(Math.Min(impact + exploitability, 10))
                : RoundUp(Math.Min(1.08 * (impact + exploitability), 10));
        return true;
    }

    private static Dictionary<string, double> Impact => new() { ["H"] = 0.56, ["L"] = 0.22, ["N"] = 0 };

    private static bool Weight(Dictionary<string, string> metrics, string name, Dictionary<string, double> weights, out double weight)
    {
        weight = 0;
        return metrics.TryGetValue(name, out var value) && weights.TryGetValue(value, out weight);
    }

    /// <summary>Round up to one decimal, as specified (Appendix A), avoiding floating-point surprises.</summary>
    private static double RoundUp(double value)
    {
        var integer = (long)Math.Round(value * 100000);
        return integer % 10000 == 0 ? integer / 100000.0 : (Math.Floor(integer / 10000.0) + 1) / 10.0;
    }

    public static string Format(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);
}
