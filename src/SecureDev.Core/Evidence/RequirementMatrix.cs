namespace SecureDev.Core.Evidence;

/// <summary>The state of a requirement's evidence in a release bundle.</summary>
public static class RequirementState
{
    /// <summary>The records are there and show the practice was carried out without an open problem.</summary>
    public const string Present = "present";

    /// <summary>A record is missing, stale or could not show the practice ran.</summary>
    public const string Missing = "missing";

    /// <summary>The records are there and show a problem: open findings, a failed check, altered evidence.</summary>
    public const string Failing = "failing";
}

/// <summary>One row of the requirement matrix: an IEC 62443-4-1 requirement, the bundle files that are its evidence, and their state.</summary>
public sealed record RequirementStatus(string Id, string Title, string Status, IReadOnlyList<string> Artifacts, string Detail);

/// <summary>
/// Maps a release's build evidence onto the IEC 62443-4-1 requirements a build can support (see shared/iec62443.md):
/// SM-6, SM-9, SM-11, SM-12, SI-1, SI-2, SVV-3, DM-1 to DM-4, SUM-2, SG-2, SG-3 and SG-6.
/// </summary>
public static class RequirementMatrix
{
    public static IReadOnlyList<RequirementStatus> Evaluate(IReadOnlyList<BuildEvidence> builds)
    {
        var all = builds;
        var existing = builds.Where(b => b.Exists).ToList();
        var n = all.Count;

        IReadOnlyList<string> Artifacts(params EvidenceRecord[] records) => existing
            .SelectMany(b => records.Where(b.Has).Select(r => $"{b.BundlePath}/{r.Name}"))
            .ToList();

        string Lacking(EvidenceRecord record)
        {
            var lacking = all.Where(b => !b.Has(record)).Select(b => b.Label).ToList();
            return lacking.Count == 0 ? "" : $"{record.Name} missing for {string.Join(", ", lacking)}. ";
        }

        bool AllHave(params EvidenceRecord[] records) => n > 0 && all.All(b => records.All(b.Has));

        var rows = new List<RequirementStatus>();

        // SM-6 File integrity.
        {
            var altered = all.Where(b => b.Altered.Count > 0).ToList();
            var outputs = existing.Sum(b => b.Present.Contains(EvidenceRecords.Outputs.Name) ? 1 : 0);
            var status = altered.Count > 0 ? RequirementState.Failing : AllHave(EvidenceRecords.Outputs) ? RequirementState.Present : RequirementState.Missing;
            var detail = altered.Count > 0
                ? $"Evidence altered after the build: {string.Join("; ", altered.Select(b => $"{b.Label}: {string.Join(", ", b.Altered)}"))}."
                : $"SHA-256 of the build outputs of {outputs} of {n} build(s); manifest.json seals every file of this bundle (check it with 'securedev verify'). " + Lacking(EvidenceRecords.Outputs);
            rows.Add(new("SM-6", "File integrity", status, new[] { Manifest.FileName }.Concat(Artifacts(EvidenceRecords.Outputs)).ToList(), detail.Trim()));
        }

        // SM-9 Security requirements for externally provided components.
        {
            var status = AllHave(EvidenceRecords.Bom, EvidenceRecords.Audit) ? RequirementState.Present : RequirementState.Missing;
            rows.Add(new("SM-9", "Security requirements for externally provided components", status, Artifacts(EvidenceRecords.Bom, EvidenceRecords.Audit),
                (status == RequirementState.Present
                    ? $"A CycloneDX SBOM and an advisory audit for each of the {n} build(s)."
                    : Lacking(EvidenceRecords.Bom) + Lacking(EvidenceRecords.Audit)).Trim()));
        }

        // SM-11 Assessing and addressing security-related issues before release: the release gate.
        {
            var open = existing.Sum(b => b.OpenFindings.Count());
            var unresolved = existing.Sum(b => b.UnresolvedAdvisories.Count());
            var notChecked = existing.Where(b => b.Audit is { Checked: false }).Select(b => b.Label).ToList();
            var status = open + unresolved > 0 ? RequirementState.Failing
                : !AllHave(EvidenceRecords.CompilerLog, EvidenceRecords.Audit) || notChecked.Count > 0 ? RequirementState.Missing
                : RequirementState.Present;
            var detail = $"{open} open security finding(s) in the compiler logs and {unresolved} unresolved advisory finding(s)" +
                         (status == RequirementState.Failing ? ": the release gate is closed until each is fixed, or suppressed or triaged with a justification. " : ". ") +
                         (notChecked.Count > 0 ? $"Dependencies NOT checked against advisory data: {string.Join(", ", notChecked)}. " : "") +
                         Lacking(EvidenceRecords.CompilerLog) + Lacking(EvidenceRecords.Audit);
            rows.Add(new("SM-11", "Assessing and addressing security-related issues (release gate)", status, Artifacts(EvidenceRecords.CompilerLog, EvidenceRecords.Audit, EvidenceRecords.Vex), detail.Trim()));
        }

        // SM-12 Process verification: the records of every build of the release, complete, intact and fresh.
        {
            var incomplete = all.Where(b => !b.Complete).ToList();
            var status = n == 0 ? RequirementState.Missing
                : all.Any(b => b.Altered.Count > 0) ? RequirementState.Failing
                : incomplete.Count > 0 ? RequirementState.Missing
                : RequirementState.Present;
            var detail = n == 0
                ? "No project to release was found."
                : incomplete.Count == 0
                    ? $"Complete: all {n} build(s) have every required record, intact and built from the sources on disk."
                    : "Incomplete: " + string.Join("; ", incomplete.Select(Problem)) + ".";
            rows.Add(new("SM-12", "Process verification (completeness of the release records)", status, new[] { "evidence.json" }.Concat(Artifacts(EvidenceRecords.Project)).ToList(), detail));
        }

        // SI-1 Security implementation review: static analysis by a tool, in this build.
        {
            var failed = existing.Where(b => b.Log is { } log && (!log.ExecutionSuccessful || !log.Rules.Any(r => r.IsSecureDev))).Select(b => b.Label).ToList();
            var status = failed.Count > 0 ? RequirementState.Failing : AllHave(EvidenceRecords.CompilerLog) ? RequirementState.Present : RequirementState.Missing;
            var rules = existing.Where(b => b.Log is not null).Select(b => b.Log!.Rules.Count(r => r.EffectiveLevel != "none")).DefaultIfEmpty(0).Max();
            rows.Add(new("SI-1", "Security implementation review (static analysis)", status, Artifacts(EvidenceRecords.CompilerLog),
                (failed.Count > 0
                    ? $"The analysis did not run completely, or without the SecureDev rules, for {string.Join(", ", failed)}."
                    : $"The compiler ran the analyzers in every build (up to {rules} rules enabled); its SARIF log records every finding. " + Lacking(EvidenceRecords.CompilerLog)).Trim()));
        }

        // SI-2 Secure coding standards: the rules in force and justified suppressions.
        {
            var unjustified = existing.SelectMany(b => b.Suppressions.Where(s => s.Weakens && s.SecurityRule && !s.Justified).Select(s => (b, s))).ToList();
            var total = existing.Sum(b => b.Suppressions.Count(s => s.Weakens));
            var status = unjustified.Count > 0 ? RequirementState.Failing
                : AllHave(EvidenceRecords.CodingStandard, EvidenceRecords.CodeSuppressions) ? RequirementState.Present
                : RequirementState.Missing;
            rows.Add(new("SI-2", "Secure coding standards", status, Artifacts(EvidenceRecords.CodingStandard, EvidenceRecords.CodeSuppressions),
                (unjustified.Count > 0
                    ? $"{unjustified.Count} suppression(s) of security rules without a justification: {string.Join("; ", unjustified.Take(10).Select(x => $"{x.s.Target} by {x.s.Mechanism} at {x.s.File}{(x.s.Line > 0 ? ":" + x.s.Line : "")}"))}."
                    : $"The rules in force with their effective severities; {total} suppression(s) or lowered severities, each with its justification. " + Lacking(EvidenceRecords.CodingStandard) + Lacking(EvidenceRecords.CodeSuppressions)).Trim()));
        }

        // SVV-3 Vulnerability testing: software composition analysis against a recent public source.
        {
            var failed = existing.Where(b => b.Audit is { Verdict: "failed" }).Select(b => b.Label).ToList();
            var notChecked = existing.Where(b => b.Audit is { Checked: false }).Select(b => b.Label).ToList();
            var status = failed.Count > 0 ? RequirementState.Failing
                : notChecked.Count > 0 || !AllHave(EvidenceRecords.Audit) ? RequirementState.Missing
                : RequirementState.Present;
            var sources = existing.SelectMany(b => b.Audit?.Sources ?? Array.Empty<string>()).Distinct(StringComparer.Ordinal).ToList();
            rows.Add(new("SVV-3", "Vulnerability testing (software composition analysis)", status, Artifacts(EvidenceRecords.Audit, EvidenceRecords.AuditSarif),
                ((failed.Count > 0 ? $"The audit failed at the project's level for {string.Join(", ", failed)}. " : "") +
                 (notChecked.Count > 0 ? $"NOT checked (no advisory data) for {string.Join(", ", notChecked)}. " : "") +
                 (sources.Count > 0 ? $"Advisory sources: {string.Join("; ", sources)}. " : "") +
                 Lacking(EvidenceRecords.Audit)).Trim()));
        }

        // DM-1 Receiving notifications of security-related issues (from component suppliers: the advisory data).
        {
            var used = existing.Where(b => b.Audit is { Checked: true }).ToList();
            var status = n > 0 && used.Count == n ? RequirementState.Present : RequirementState.Missing;
            rows.Add(new("DM-1", "Receiving notifications of security-related issues", status, Artifacts(EvidenceRecords.Audit),
                status == RequirementState.Present
                    ? "Each build read published advisories for its components; audit.json names each source and its snapshot date."
                    : $"Advisory data was read for {used.Count} of {n} build(s)."));
        }

        // DM-2, DM-3: reviewing and assessing the issues (VEX triage, severity and CVSS).
        var withFindings = existing.Where(b => b.Audit is { Findings.Count: > 0 }).ToList();
        var withoutVex = withFindings.Where(b => !b.Has(EvidenceRecords.Vex)).Select(b => b.Label).ToList();
        var findings = withFindings.Sum(b => b.Audit!.Findings.Count);
        {
            var status = !AllHave(EvidenceRecords.Audit) ? RequirementState.Missing : withoutVex.Count > 0 ? RequirementState.Missing : RequirementState.Present;
            rows.Add(new("DM-2", "Reviewing security-related issues", status, Artifacts(EvidenceRecords.Vex, EvidenceRecords.Audit),
                findings == 0 ? "No advisory finding to review." : withoutVex.Count > 0 ? $"{findings} advisory finding(s); no VEX triage record for {string.Join(", ", withoutVex)}." : $"{findings} advisory finding(s), each with a VEX statement."));
            rows.Add(new("DM-3", "Assessing security-related issues", status, Artifacts(EvidenceRecords.Audit, EvidenceRecords.Vex),
                findings == 0 ? "No advisory finding to assess." : $"{findings} advisory finding(s) with severity, CVSS vector where published, fixed version and dependency path in audit.json" + (withoutVex.Count > 0 ? $"; no VEX assessment for {string.Join(", ", withoutVex)}." : "; VEX records the assessment.")));
        }

        // DM-4 Addressing security-related issues: every open issue reviewed for this release.
        {
            var unresolved = existing.SelectMany(b => b.UnresolvedAdvisories.Select(f => (b, f))).ToList();
            var status = !AllHave(EvidenceRecords.Audit) ? RequirementState.Missing : unresolved.Count > 0 ? RequirementState.Failing : RequirementState.Present;
            rows.Add(new("DM-4", "Addressing security-related issues", status, Artifacts(EvidenceRecords.Audit, EvidenceRecords.Vex, EvidenceRecords.AuditMarkdown),
                unresolved.Count == 0
                    ? "No unresolved advisory finding in this release."
                    : $"Unresolved in this release: {string.Join("; ", unresolved.Select(x => $"{x.f.Package} {x.f.Version} {x.f.Advisory} ({x.f.Severity}{(x.f.FixedIn is null ? ", no fix published" : ", fixed in " + x.f.FixedIn)}) in {x.b.Project.Name}").Distinct())}."));
        }

        // SUM-2 Security update documentation: versions, file hashes, components.
        {
            var status = AllHave(EvidenceRecords.Bom, EvidenceRecords.Outputs) ? RequirementState.Present : RequirementState.Missing;
            rows.Add(new("SUM-2", "Security update documentation", status, Artifacts(EvidenceRecords.Bom, EvidenceRecords.Outputs),
                (status == RequirementState.Present
                    ? "The components (SBOM) and the SHA-256 of every delivered file, for the release notes' security section; how to apply an update is written by people."
                    : Lacking(EvidenceRecords.Bom) + Lacking(EvidenceRecords.Outputs)).Trim()));
        }

        // SG-2 Defense in depth measures expected in the environment: compensating countermeasures.
        {
            var countermeasures = existing.Sum(b => b.Suppressions.Count(s => s.CompensatingCountermeasure is not null));
            var status = AllHave(EvidenceRecords.CodeSuppressions) ? RequirementState.Present : RequirementState.Missing;
            rows.Add(new("SG-2", "Defense in depth measures expected in the environment", status, Artifacts(EvidenceRecords.CodeSuppressions),
                ($"{countermeasures} compensating countermeasure(s) the environment must provide, from suppressions justified with \"{Suppression.CountermeasurePrefix} ...\". " + Lacking(EvidenceRecords.CodeSuppressions)).Trim()));
        }

        // SG-3 Security hardening guidelines: security-relevant configuration found in code.
        {
            var points = existing.Sum(b => SecurityConfiguration(b).Count());
            var status = AllHave(EvidenceRecords.CompilerLog) ? RequirementState.Present : RequirementState.Missing;
            rows.Add(new("SG-3", "Security hardening guidelines", status, Artifacts(EvidenceRecords.CompilerLog, EvidenceRecords.Project),
                ($"{points} security-relevant configuration point(s) found in code (communication and industrial-protocol rules, SD2xxx and SD5xxx, suppressed or not) to document with their defaults; the build settings are in project.json. " + Lacking(EvidenceRecords.CompilerLog)).Trim()));
        }

        // SG-6 Account management guidelines: default credentials found.
        {
            var credentials = existing.SelectMany(DefaultCredentials).ToList();
            var status = AllHave(EvidenceRecords.CompilerLog) ? RequirementState.Present : RequirementState.Missing;
            rows.Add(new("SG-6", "Account management guidelines", status, Artifacts(EvidenceRecords.CompilerLog),
                ($"{credentials.Count} built-in credential(s) found (SD3xxx), {credentials.Count(c => !c.Suppressed)} of them open: the guidelines must say how to change each. " + Lacking(EvidenceRecords.CompilerLog)).Trim()));
        }

        return rows;
    }

    public static string Problem(BuildEvidence b)
    {
        if (!b.Exists)
        {
            return $"{b.Label}: no evidence folder (build it with SecureDev)";
        }

        var parts = new List<string>();
        if (b.Missing.Count > 0)
        {
            parts.Add("missing " + string.Join(", ", b.Missing));
        }

        if (b.Stale.Count > 0)
        {
            parts.Add("stale (" + string.Join(", ", b.Stale.Take(5)) + (b.Stale.Count > 5 ? $", and {b.Stale.Count - 5} more" : "") + ")");
        }

        if (b.Altered.Count > 0)
        {
            parts.Add("altered (" + string.Join(", ", b.Altered) + ")");
        }

        return $"{b.Label}: {string.Join("; ", parts)}";
    }

    /// <summary>Communication and industrial-protocol findings (SD2xxx, SD5xxx): configuration a hardening guide must cover.</summary>
    public static IEnumerable<CompilerFinding> SecurityConfiguration(BuildEvidence b) =>
        b.Log?.Findings.Where(f => f.RuleId.StartsWith("SD2", StringComparison.Ordinal) || f.RuleId.StartsWith("SD5", StringComparison.Ordinal)) ?? Enumerable.Empty<CompilerFinding>();

    /// <summary>Hard-coded and default credentials (SD3xxx).</summary>
    public static IEnumerable<CompilerFinding> DefaultCredentials(BuildEvidence b) =>
        b.Log?.Findings.Where(f => f.RuleId.StartsWith("SD3", StringComparison.Ordinal)) ?? Enumerable.Empty<CompilerFinding>();
}
