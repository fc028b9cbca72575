using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;
using SecureDev.CodeFixes.Cryptography;
using SecureDev.Core.Diagnostics;

namespace SecureDev.Analyzers.Tests.Rules;

/// <summary>The shipped rules as the tests see them: every descriptor, analyzer and code fix, found by reflection.</summary>
public static class Catalog
{
    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = typeof(RuleCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToArray();

    public static IReadOnlyList<DiagnosticAnalyzer> Analyzers { get; } = typeof(SecureDevAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .OrderBy(a => a.GetType().Name, StringComparer.Ordinal)
        .ToArray();

    public static IReadOnlyList<CodeFixProvider> CodeFixes { get; } = typeof(WeakHashToSha256CodeFix).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .OrderBy(f => f.GetType().Name, StringComparer.Ordinal)
        .ToArray();

    public static IReadOnlyList<BuildRule> BuildRules => Core.Diagnostics.BuildRules.All;

    public static IEnumerable<string> AllIds => Descriptors.Select(d => d.Id).Concat(BuildRules.Select(r => r.Id)).Order(StringComparer.Ordinal);

    public static string? Cwe(DiagnosticDescriptor descriptor) =>
        string.Join(", ", descriptor.CustomTags.Where(t => t.StartsWith(Rule.CweTagPrefix, StringComparison.Ordinal)));

    public static string Requirement(DiagnosticDescriptor descriptor) =>
        descriptor.CustomTags.Single(t => t.StartsWith(Rule.RequirementTagPrefix, StringComparison.Ordinal))[Rule.RequirementTagPrefix.Length..].Replace("CR", "CR ");

    public static int SecurityLevel(DiagnosticDescriptor descriptor) =>
        int.Parse(descriptor.CustomTags.Single(t => t.StartsWith(Rule.SecurityLevelTagPrefix, StringComparison.Ordinal) && t.Length == 3)[2..]);

    public static IReadOnlyList<string> FixTitles(string id) => CodeFixes
        .Where(f => f.FixableDiagnosticIds.Contains(id))
        .Select(f => f.GetType().Name)
        .ToArray();
}
