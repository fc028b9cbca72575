using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.IO;
using SecureDev.Core.Sbom;

namespace SecureDev.Core.Advisories;

/// <summary>
/// The audit as a SARIF 2.1.0 log (audit.sarif), so that code-scanning tools list vulnerable packages next to the code
/// findings: one rule per severity (SD9001 to SD9004, with GitHub's security-severity), one result per finding located
/// at the PackageReference that brings the package in, and accepted findings as suppressed results with their reason.
/// </summary>
public static partial class AuditSarif
{
    private static readonly (BuildRule Rule, string Name, string SecuritySeverity)[] Rules =
    {
        (BuildRules.VulnerablePackageLow, "VulnerablePackageLow", "3.0"),
        (BuildRules.VulnerablePackageModerate, "VulnerablePackageModerate", "5.5"),
        (BuildRules.VulnerablePackageHigh, "VulnerablePackageHigh", "8.0"),
        (BuildRules.VulnerablePackageCritical, "VulnerablePackageCritical", "9.5"),
    };

    /// <param name="locationFile">Where results point: the project file (its PackageReference lines are found), or the BOM the CLI audited.</param>
    public static string Write(AuditResult result, string? locationFile)
    {
        var lines = locationFile is not null && File.Exists(locationFile) ? File.ReadAllLines(locationFile) : Array.Empty<string>();
        var log = new Dictionary<string, object>
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new[]
            {
                new
                {
                    tool = new
                    {
                        driver = new
                        {
                            name = BomBuilder.ToolName,
                            version = BomBuilder.ToolVersion,
                            informationUri = "https://github.com/securedev/securedev",
                            rules = Rules.Select(r => new
                            {
                                id = r.Rule.Id,
                                name = r.Name,
                                shortDescription = new { text = r.Rule.Title },
                                fullDescription = new { text = r.Rule.Description },
                                helpUri = r.Rule.HelpLink,
                                help = new { text = "Update the package to the fixed version the result names, or record an accepted decision in the suppressions file (SecureDevSuppressionsFile); see " + r.Rule.HelpLink },
                                defaultConfiguration = new { level = "warning" },
                                properties = new Dictionary<string, object>
                                {
                                    ["tags"] = new[] { "security", "vulnerability", "dependency", "IEC62443-4-1:" + r.Rule.Requirement },
                                    ["precision"] = "very-high",
                                    ["security-severity"] = r.SecuritySeverity,
                                },
                            }),
                        },
                    },
                    results = result.Findings.Select(f => Result(f, locationFile, lines)),
                },
            },
        };
        return CanonicalJson.Serialize(log);
    }

    private static object Result(AuditFinding finding, string? locationFile, string[] lines)
    {
        var index = Array.FindIndex(Rules, r => r.Rule == Auditor.FindingRule(finding.Severity));
        var line = Line(lines, DirectPackage(finding));
        var result = new Dictionary<string, object>
        {
            ["ruleId"] = Rules[index].Rule.Id,
            ["ruleIndex"] = index,
            ["level"] = finding.AtOrAboveLevel ? "error" : "warning",
            ["message"] = new { text = Auditor.Describe(finding) },
        };
        if (locationFile is not null)
        {
            result["locations"] = new[]
            {
                new
                {
                    physicalLocation = new
                    {
                        artifactLocation = new { uri = new Uri(Path.GetFullPath(locationFile)).AbsoluteUri },
                        region = line is null ? null : new { startLine = line.Value },
                    },
                },
            };
        }

        result["partialFingerprints"] = new Dictionary<string, string> { ["securedevFinding/v1"] = Fingerprint(finding) };
        result["properties"] = new
        {
            package = finding.Package,
            version = finding.Version,
            advisory = finding.Advisory.Id,
            aliases = finding.Advisory.Aliases,
            severity = finding.Severity.Name(),
            fixedIn = finding.FixedIn,
            path = finding.Path,
            url = finding.Advisory.Url,
        };
        if (finding.Suppression is { } s)
        {
            result["suppressions"] = new[]
            {
                new
                {
                    kind = "external",
                    status = s.State == "in_triage" ? "underReview" : "accepted",
                    justification = $"{s.State}{(s.Justification is null ? "" : " (" + s.Justification + ")")}: {s.Detail} Owner {s.Owner}, until {s.ExpiresText}.",
                },
            };
        }

        return result;
    }

    /// <summary>The package the project references that brings the finding in: the first step of its path.</summary>
    private static string DirectPackage(AuditFinding finding)
    {
        var first = finding.Path.Count > 0 ? finding.Path[0] : finding.Package;
        var space = first.LastIndexOf(' ');
        return space > 0 ? first[..space] : first;
    }

    /// <summary>The 1-based line of the PackageReference (or PackageVersion) of <paramref name="package"/>, if the file has one.</summary>
    private static int? Line(string[] lines, string package)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match match in ReferencePattern().Matches(lines[i]))
            {
                if (string.Equals(match.Groups["id"].Value, package, StringComparison.OrdinalIgnoreCase))
                {
                    return i + 1;
                }
            }
        }

        return null;
    }

    private static string Fingerprint(AuditFinding finding) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{finding.Package.ToLowerInvariant()}|{finding.Version}|{finding.Advisory.Id}"))).ToLowerInvariant();

    [GeneratedRegex(@"<Package(Reference|Version)\b[^>]*\b(Include|Update)\s*=\s*""(?<id>[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex ReferencePattern();
}
