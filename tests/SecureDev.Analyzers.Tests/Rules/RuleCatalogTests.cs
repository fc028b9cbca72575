using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SecureDev.Analyzers.Rules;
using SecureDev.Analyzers.Tests.Harness;
using SecureDev.Tests;
using Xunit;

namespace SecureDev.Analyzers.Tests.Rules;

/// <summary>
/// Keeps the catalog, the analyzers, the docs, the release tracking and the tests from drifting apart: a rule without
/// its page, tags, analyzer or test cases fails here, and so does a page or case file for no rule.
/// </summary>
public class RuleCatalogTests
{
    public static TheoryData<string> AnalyzerRuleIds() => new(Catalog.Descriptors.Select(d => d.Id));

    public static TheoryData<string> AllRuleIds() => new(Catalog.AllIds);

    [Fact]
    public void Ids_are_unique_and_in_their_family_block()
    {
        Assert.Equal(Catalog.AllIds.Count(), Catalog.AllIds.Distinct().Count());
        foreach (var d in Catalog.Descriptors)
        {
            Assert.Matches(@"^SD[1-8]\d{3}$", d.Id);
            var family = (RuleFamily)(d.Id[2] - '0');
            Assert.Equal(family.ToString(), d.Category);
        }

        Assert.All(Catalog.BuildRules, r => Assert.Matches(@"^SD9\d{3}$", r.Id));
    }

    [Theory]
    [MemberData(nameof(AnalyzerRuleIds))]
    public void Descriptor_carries_cwe_requirement_level_and_help_link(string id)
    {
        var d = Catalog.Descriptors.Single(x => x.Id == id);
        Assert.Contains(d.CustomTags, t => Regex.IsMatch(t, @"^CWE-\d+$"));
        Assert.Single(d.CustomTags, t => Regex.IsMatch(t, @"^IEC62443-4-2:CR\d+\.\d+$"));
        Assert.Single(d.CustomTags, t => Regex.IsMatch(t, @"^SL[1-4]$"));
        Assert.Equal(Rule.DocsBaseUrl + id + ".md", d.HelpLinkUri);
        Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(d.Description.ToString()));
        Assert.True(d.IsEnabledByDefault);
    }

    [Theory]
    [MemberData(nameof(AnalyzerRuleIds))]
    public void Exactly_one_analyzer_reports_the_rule(string id) =>
        Assert.Single(Catalog.Analyzers, a => a.SupportedDiagnostics.Any(d => d.Id == id));

    [Fact]
    public void Analyzers_support_only_catalog_descriptors()
    {
        foreach (var analyzer in Catalog.Analyzers)
        {
            Assert.All(analyzer.SupportedDiagnostics, d => Assert.Same(Catalog.Descriptors.Single(c => c.Id == d.Id), d));
        }
    }

    [Theory]
    [MemberData(nameof(AllRuleIds))]
    public void Rule_has_a_doc_page_that_matches_the_catalog(string id)
    {
        var page = Repository.Path("rules-docs", id + ".md");
        Assert.True(File.Exists(page), $"rules-docs/{id}.md is missing");
        var text = File.ReadAllText(page);
        var descriptor = Catalog.Descriptors.SingleOrDefault(d => d.Id == id);
        var title = descriptor?.Title.ToString() ?? Catalog.BuildRules.Single(r => r.Id == id).Title;
        Assert.StartsWith($"# {id}: {title}\n", text.Replace("\r\n", "\n"));
        if (descriptor is null)
        {
            Assert.Contains(Catalog.BuildRules.Single(r => r.Id == id).Requirement, text);
            return;
        }

        foreach (var cwe in descriptor.CustomTags.Where(t => t.StartsWith("CWE-", StringComparison.Ordinal)))
        {
            Assert.Contains(cwe, text);
        }

        Assert.Contains(Catalog.Requirement(descriptor), text);
        foreach (var section in new[] { "## What it finds", "## Why it matters", "## Noncompliant code", "## Compliant code", "## How to suppress" })
        {
            Assert.Contains(section, text);
        }
    }

    [Fact]
    public void Every_doc_page_names_a_rule()
    {
        var ids = Catalog.AllIds.ToHashSet();
        var pages = Directory.GetFiles(Repository.Path("rules-docs"), "SD*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, page => Assert.Contains(page!, ids));
    }

    [Fact]
    public void Rules_readme_has_the_generated_catalog()
    {
        var path = Repository.Path("rules-docs", "README.md");
        var text = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : "";
        var begin = text.IndexOf(RulesReadme.Begin, StringComparison.Ordinal);
        var end = text.IndexOf(RulesReadme.End, StringComparison.Ordinal);
        var expected = RulesReadme.Generate();
        var actual = begin >= 0 && end > begin ? text[begin..(end + RulesReadme.End.Length)] + "\n" : "";
        if (actual != expected && Environment.GetEnvironmentVariable("SECUREDEV_UPDATE_DOCS") == "1")
        {
            var updated = begin >= 0 && end > begin
                ? text[..begin] + expected + text[(end + RulesReadme.End.Length + 1)..]
                : text + "\n" + expected;
            File.WriteAllText(path, updated);
            return;
        }

        Assert.True(actual == expected, "rules-docs/README.md is out of date with the catalog: run the tests with SECUREDEV_UPDATE_DOCS=1 to regenerate it.");
    }

    [Theory]
    [MemberData(nameof(AnalyzerRuleIds))]
    public void Rule_has_a_case_file_with_flagged_and_quiet_cases(string id)
    {
        var files = Directory.GetFiles(AnalyzerVerifier.CasesDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => Annotations.CountNoncompliant(File.ReadAllText(f), id) > 0)
            .ToList();
        Assert.True(files.Count > 0, $"No case file under tests/SecureDev.Analyzers.Tests/Cases flags {id}.");
        Assert.True(files.Sum(f => Annotations.CountNoncompliant(File.ReadAllText(f), id)) >= 3, $"{id} needs at least three flagged cases.");
        Assert.True(files.Sum(f => Annotations.CountCompliant(File.ReadAllText(f))) >= 3, $"The case files of {id} need at least three look-alikes marked // Compliant.");
    }

    [Fact]
    public void Every_case_file_is_verified_by_a_test()
    {
        var testSources = string.Join("\n", Directory.GetFiles(Repository.Path("tests", "SecureDev.Analyzers.Tests"), "*Tests.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        foreach (var file in Directory.GetFiles(AnalyzerVerifier.CasesDirectory, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(AnalyzerVerifier.CasesDirectory, file).Replace('\\', '/');
            Assert.True(testSources.Contains($"\"{relative}\"", StringComparison.Ordinal), $"Cases/{relative} is not verified by any test.");
        }
    }

    [Theory]
    [MemberData(nameof(AllRuleIds))]
    public void Build_rule_is_exercised_by_a_test(string id)
    {
        if (Catalog.Descriptors.Any(d => d.Id == id))
        {
            return;
        }

        var sources = Directory.GetFiles(Repository.Path("tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => !f.EndsWith("RuleCatalogTests.cs", StringComparison.Ordinal))
            .Select(File.ReadAllText);
        var rule = Catalog.BuildRules.Single(r => r.Id == id);
        var field = typeof(Core.Diagnostics.BuildRules).GetFields().Single(f => ReferenceEquals(f.GetValue(null), rule)).Name;
        Assert.True(sources.Any(s => s.Contains(id, StringComparison.Ordinal) || s.Contains("BuildRules." + field, StringComparison.Ordinal)), $"No test exercises {id} ({field}).");
    }

    [Fact]
    public void Every_code_fix_has_fix_and_fix_all_tests()
    {
        var testSources = string.Join("\n", Directory.GetFiles(Repository.Path("tests", "SecureDev.Analyzers.Tests"), "*Tests.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        foreach (var fix in Catalog.CodeFixes)
        {
            Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, Catalog.Descriptors.Select(d => d.Id)));
            Assert.NotNull(fix.GetFixAllProvider());
            var name = fix.GetType().Name;
            Assert.True(Regex.IsMatch(testSources, $@"new {name}\(\)|{name}\b"), $"{name} has no tests.");
        }
    }

    [Fact]
    public void Release_tracking_lists_every_rule()
    {
        var tracked = File.ReadAllLines(Repository.Path("src", "SecureDev.Analyzers", "AnalyzerReleases.Shipped.md"))
            .Concat(File.ReadAllLines(Repository.Path("src", "SecureDev.Analyzers", "AnalyzerReleases.Unshipped.md")))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length >= 3 && Regex.IsMatch(cells[0], @"^SD\d{4}$"))
            .ToDictionary(cells => cells[0], cells => (Category: cells[1], Severity: cells[2]));
        Assert.Equal(Catalog.Descriptors.Select(d => d.Id).Order(), tracked.Keys.Order());
        foreach (var d in Catalog.Descriptors)
        {
            Assert.Equal(d.Category, tracked[d.Id].Category);
            Assert.Equal(d.DefaultSeverity.ToString(), tracked[d.Id].Severity);
        }
    }
}
