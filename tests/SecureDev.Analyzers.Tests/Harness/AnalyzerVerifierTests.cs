using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Cryptography;
using Xunit;
using Xunit.Sdk;

namespace SecureDev.Analyzers.Tests.Harness;

/// <summary>The harness itself: each way a test source can disagree with the analyzer must fail the test.</summary>
public class AnalyzerVerifierTests
{
    private static readonly WeakHashAlgorithmAnalyzer Analyzer = new();

    private const string Flagged = """
        using System.Security.Cryptography;
        class C
        {
            object M() => MD5.Create(); // Noncompliant SD1001
        //                ^^^^^^^^^^^^
        }
        """;

    [Fact]
    public Task Passes_when_annotations_match() => AnalyzerVerifier.VerifyAsync(Analyzer, Flagged);

    [Fact]
    public Task Fails_on_a_missing_diagnostic() =>
        Assert.ThrowsAnyAsync<XunitException>(() => AnalyzerVerifier.VerifyAsync(Analyzer, Flagged.Replace("MD5.Create()", "SHA256.Create()")));

    [Fact]
    public Task Fails_on_an_unexpected_diagnostic() =>
        Assert.ThrowsAnyAsync<XunitException>(() => AnalyzerVerifier.VerifyAsync(Analyzer, Flagged.Replace("// Noncompliant SD1001", "")));

    [Fact]
    public Task Fails_on_wrong_columns() =>
        Assert.ThrowsAnyAsync<XunitException>(() => AnalyzerVerifier.VerifyAsync(Analyzer, Flagged.Replace("//                ^^^^^^^^^^^^", "//                 ^^^^^^^^^^^")));

    [Fact]
    public Task Fails_on_a_wrong_message() =>
        Assert.ThrowsAnyAsync<XunitException>(() => AnalyzerVerifier.VerifyAsync(Analyzer, Flagged.Replace("SD1001", "SD1001 {{SHA-1 is a broken hash algorithm; use SHA-256 or stronger}}")));

    [Fact]
    public Task Fails_on_a_wrong_id() =>
        Assert.ThrowsAnyAsync<XunitException>(() => AnalyzerVerifier.VerifyAsync(Analyzer, Flagged.Replace("SD1001", "SD1002")));

    [Fact]
    public Task Fails_when_the_source_does_not_compile() =>
        Assert.ThrowsAnyAsync<XunitException>(() => AnalyzerVerifier.VerifyAsync(Analyzer, Flagged.Replace("object M()", "object M(")));

    [Fact]
    public Task Fails_when_an_analyzer_throws() =>
        Assert.ThrowsAnyAsync<XunitException>(() => AnalyzerVerifier.VerifyAsync(new ThrowingAnalyzer(), "class C { }"));

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
            Analyzer.SupportedDiagnostics;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxTreeAction(_ => throw new InvalidOperationException("boom"));
        }
    }
}
