using SecureDev.Core.Sbom;

namespace SecureDev.Core.Advisories;

/// <summary>
/// The audit's findings as a CycloneDX 1.6 document of vulnerabilities (vex.cdx.json). Accepted findings carry their
/// analysis (state, justification, response, detail with owner and expiry): they are the VEX statements a customer or
/// an assessor reads. Open findings are listed without analysis: known, and not yet decided. Components are referenced
/// in the SBOM by BOM-Link (urn:cdx:serial/version#bom-ref), so the VEX travels as its own file next to the SBOM; a BOM
/// without a serial number has its affected components copied in instead.
/// </summary>
public static class VexDocument
{
    public static string Write(AuditResult result, Bom bom, DateTimeOffset timestamp)
    {
        var serial = bom.SerialNumber is { } s && s.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase) ? s["urn:uuid:".Length..].ToLowerInvariant() : null;
        var byRef = (bom.Components ?? new()).Where(c => c.BomRef is not null).GroupBy(c => c.BomRef!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var vex = new Bom
        {
            Metadata = new BomMetadata
            {
                Timestamp = BuildTimestamp.Format(timestamp),
                Tools = new Tools { Components = new() { new Component { Type = "application", Name = BomBuilder.ToolName, Version = BomBuilder.ToolVersion } } },
                Component = bom.Metadata?.Component is { } product
                    ? new Component { Type = product.Type, BomRef = product.BomRef, Name = product.Name, Version = product.Version, Purl = product.Purl }
                    : null,
            },
            Components = serial is null
                ? result.Findings.Select(f => f.BomRef).Distinct(StringComparer.Ordinal)
                    .Select(r => byRef.TryGetValue(r, out var c)
                        ? new Component { Type = c.Type, BomRef = c.BomRef, Name = c.Name, Version = c.Version, Purl = c.Purl }
                        : new Component { BomRef = r, Name = r })
                    .ToList()
                : null,
            Vulnerabilities = result.Findings.Select(f => Vulnerability(f, serial is null ? f.BomRef : $"urn:cdx:{serial}/{bom.Version}#{f.BomRef}")).ToList(),
        };
        if (vex.Components is { Count: 0 })
        {
            vex.Components = null;
        }

        return BomSerializer.Serialize(vex);
    }

    private static Vulnerability Vulnerability(AuditFinding finding, string affects)
    {
        var advisory = finding.Advisory;
        var vulnerability = new Vulnerability
        {
            BomRef = $"{advisory.Id}/{finding.BomRef}",
            Id = advisory.Id,
            Source = Source(advisory.Id, advisory.Url, advisory.Source),
            References = advisory.Aliases.Count == 0 ? null : advisory.Aliases.Select(a => new VulnerabilityReference { Id = a, Source = Source(a, null, null) }).ToList(),
            Ratings = Ratings(advisory, finding),
            Cwes = advisory.Cwes.Count == 0 ? null : advisory.Cwes.ToList(),
            Description = advisory.Summary,
            Recommendation = finding.FixedIn is null ? "No fixed version is published." : $"Update {finding.Package} to {finding.FixedIn} or later.",
            Published = advisory.Published is { } p ? BuildTimestamp.Format(p) : null,
            Updated = advisory.Modified is { } m ? BuildTimestamp.Format(m) : null,
            Affects = new() { new Affects { Ref = affects } },
        };
        if (finding.Suppression is { } s)
        {
            vulnerability.Analysis = new Analysis
            {
                State = s.State,
                Justification = s.Justification,
                Response = s.Response.Count == 0 ? null : s.Response.ToList(),
                Detail = $"{s.Detail} (Decision owner: {s.Owner}; it holds until {s.ExpiresText}.)",
            };
        }

        return vulnerability;
    }

    private static List<Rating> Ratings(Advisory advisory, AuditFinding finding)
    {
        var ratings = new List<Rating>();
        if (advisory.CvssVector is { } vector && advisory.CvssScore is { } score)
        {
            ratings.Add(new Rating
            {
                Score = score,
                Severity = CycloneDxSeverity(AdvisorySeveritySupport.FromScore(score), score),
                Method = vector.StartsWith("CVSS:4.0", StringComparison.Ordinal) ? "CVSSv4" : vector.StartsWith("CVSS:3.1", StringComparison.Ordinal) ? "CVSSv31" : "CVSSv3",
                Vector = vector,
            });
        }

        if (advisory.SeverityBasis == "database_specific.severity" || ratings.Count == 0)
        {
            ratings.Insert(0, new Rating
            {
                Source = new VulnerabilitySource { Name = advisory.Source },
                Severity = advisory.Severity == AdvisorySeverity.Unknown ? "unknown" : CycloneDxSeverity(finding.Severity, null),
                Method = "other",
            });
        }

        return ratings;
    }

    private static string CycloneDxSeverity(AdvisorySeverity severity, double? score) => severity switch
    {
        AdvisorySeverity.Critical => "critical",
        AdvisorySeverity.High => "high",
        AdvisorySeverity.Moderate => "medium",
        AdvisorySeverity.Low => "low",
        _ => score == 0 ? "none" : "unknown",
    };

    private static VulnerabilitySource Source(string id, string? url, string? fallbackName) => id switch
    {
        _ when id.StartsWith("GHSA-", StringComparison.OrdinalIgnoreCase) => new VulnerabilitySource { Name = "GitHub", Url = url ?? "https://github.com/advisories/" + id },
        _ when id.StartsWith("CVE-", StringComparison.OrdinalIgnoreCase) => new VulnerabilitySource { Name = "NVD", Url = "https://nvd.nist.gov/vuln/detail/" + id },
        _ => new VulnerabilitySource { Name = fallbackName, Url = url is not null && Uri.IsWellFormedUriString(url, UriKind.Absolute) ? url : null },
    };
}
