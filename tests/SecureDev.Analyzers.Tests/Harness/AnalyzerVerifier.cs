using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace SecureDev.Analyzers.Tests.Harness;

/// <summary>
/// Runs analyzers over annotated sources and asserts that they report exactly the annotated diagnostics (id, line,
/// columns and message where given) and nothing else. The sources must compile; an analyzer that throws fails the test.
/// </summary>
public static class AnalyzerVerifier
{
    /// <summary>Where the annotated case files live (copied next to the test assembly).</summary>
    public static string CasesDirectory => Path.Combine(AppContext.BaseDirectory, "Cases");

    /// <summary>Verifies a case file (Cases/&lt;Family&gt;/&lt;Rule&gt;.cs) together with the support files it names.</summary>
    public static Task VerifyCaseFileAsync(DiagnosticAnalyzer analyzer, string caseFile, params string[] supportFiles) =>
        VerifyAsync(
            new[] { analyzer },
            new[] { caseFile }.Concat(supportFiles).Select(f => (f, File.ReadAllText(Path.Combine(CasesDirectory, f)))).ToArray());

    /// <summary>
    /// Verifies a case file with support files and AdditionalFiles (Cases-relative paths), for analyzers that read
    /// configuration the way a build passes it (an &lt;AdditionalFiles&gt; item). AdditionalFiles are annotated like the
    /// sources: a line with <c>// Noncompliant SDxxxx</c>, inside an XML comment if need be.
    /// </summary>
    /// <param name="libraries">Stand-ins compiled into a referenced assembly (metadata, as the real package would be).</param>
    public static Task VerifyCaseFileAsync(DiagnosticAnalyzer analyzer, string caseFile, string[] supportFiles, string[]? additionalFiles = null, string[]? libraries = null) =>
        VerifyAsync(
            new[] { analyzer },
            new[] { caseFile }.Concat(supportFiles).Select(Read).ToArray(),
            additionalFiles: (additionalFiles ?? Array.Empty<string>()).Select(Read).ToArray(),
            librarySources: (libraries ?? Array.Empty<string>()).Select(Read).ToArray());

    private static (string Path, string Text) Read(string caseRelativePath) =>
        (caseRelativePath, File.ReadAllText(Path.Combine(CasesDirectory, caseRelativePath)));

    public static Task VerifyAsync(DiagnosticAnalyzer analyzer, string source) =>
        VerifyAsync(new[] { analyzer }, new[] { ("Test0.cs", source) });

    /// <param name="additionalFiles">Passed to the analyzers as AdditionalFiles (path, text); none when omitted.</param>
    /// <param name="librarySources">Compiled into a separate assembly the sources reference; none when omitted.</param>
    public static async Task VerifyAsync(IReadOnlyList<DiagnosticAnalyzer> analyzers, IReadOnlyList<(string Path, string Text)> sources, bool allowCompilerErrors = false, IReadOnlyList<(string Path, string Text)>? additionalFiles = null, IReadOnlyList<(string Path, string Text)>? librarySources = null)
    {
        var compilation = TestCompilation.Create(
            sources,
            extraReferences: librarySources is { Count: > 0 } ? new[] { TestCompilation.Library(librarySources) } : null);
        if (!allowCompilerErrors)
        {
            var errors = TestCompilation.Errors(compilation);
            Assert.True(errors.IsEmpty, "The test source does not compile:\n" + string.Join("\n", errors));
        }

        var actual = await RunAsync(compilation, analyzers, additionalFiles);
        // Configuration files carry annotations too (inside an XML comment if need be).
        var expected = sources.Concat(additionalFiles ?? Array.Empty<(string Path, string Text)>()).SelectMany(s => Annotations.Read(s.Path, s.Text)).ToList();
        AssertMatch(expected, actual);
    }

    /// <summary>Runs the analyzers; any exception they throw fails the test (it would be AD0001 in a real build).</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(Compilation compilation, IReadOnlyList<DiagnosticAnalyzer> analyzers, IReadOnlyList<(string Path, string Text)>? additionalFiles = null)
    {
        var exceptions = new List<string>();
        var additional = (additionalFiles ?? Array.Empty<(string Path, string Text)>())
            .Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text))
            .ToImmutableArray();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additional),
            onAnalyzerException: (exception, analyzer, diagnostic) =>
            {
                lock (exceptions)
                {
                    exceptions.Add($"{analyzer.GetType().Name}: {exception}");
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers.ToImmutableArray(), options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.True(exceptions.Count == 0, "An analyzer threw:\n" + string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    private static void AssertMatch(List<Expectation> expected, ImmutableArray<Diagnostic> actual)
    {
        var unmatched = actual.OrderBy(d => d.Location.SourceSpan.Start).ToList();
        var missing = new List<Expectation>();
        foreach (var expectation in expected)
        {
            var match = unmatched.FirstOrDefault(d => Matches(expectation, d));
            if (match is null)
            {
                missing.Add(expectation);
            }
            else
            {
                unmatched.Remove(match);
            }
        }

        if (missing.Count == 0 && unmatched.Count == 0)
        {
            return;
        }

        var report = new StringBuilder();
        foreach (var expectation in missing)
        {
            report.AppendLine("expected but not reported: " + expectation);
        }

        foreach (var diagnostic in unmatched)
        {
            var span = diagnostic.Location.GetLineSpan();
            report.AppendLine($"reported but not expected: {Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}-{span.EndLinePosition.Character + 1}): {diagnostic.Id} {{{{{diagnostic.GetMessage()}}}}}");
        }

        Assert.Fail(report.ToString());
    }

    private static bool Matches(Expectation expectation, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        if (diagnostic.Id != expectation.Id || span.StartLinePosition.Line != expectation.Line || span.Path != expectation.Path)
        {
            return false;
        }

        if (expectation.Message is not null && diagnostic.GetMessage() != expectation.Message)
        {
            return false;
        }

        if (expectation.StartColumn is null)
        {
            return true;
        }

        if (span.StartLinePosition.Character != expectation.StartColumn)
        {
            return false;
        }

        // A span that runs over several lines is marked up to the end of the code on its first line.
        if (span.EndLinePosition.Line == span.StartLinePosition.Line)
        {
            return span.EndLinePosition.Character == expectation.EndColumn;
        }

        var firstLine = diagnostic.Location.SourceTree!.GetText().Lines[span.StartLinePosition.Line].ToString();
        var comment = firstLine.IndexOf("//", span.StartLinePosition.Character, StringComparison.Ordinal);
        var codeEnd = (comment < 0 ? firstLine : firstLine[..comment]).TrimEnd().Length;
        return codeEnd == expectation.EndColumn;
    }

    /// <summary>An AdditionalFile held in memory, as the compiler would read it from disk.</summary>
    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly Microsoft.CodeAnalysis.Text.SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = Microsoft.CodeAnalysis.Text.SourceText.From(text);
        }

        public override string Path { get; }

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
