using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace SecureDev.Analyzers.Tests.Harness;

/// <summary>
/// Applies a code fix in a real workspace and compares the document with the expected text: one diagnostic at a
/// time (<see cref="VerifyFixAsync"/>), or all of them at once through the provider's fix-all (<see cref="VerifyFixAllAsync"/>).
/// The fixed code must compile and the fixed diagnostics must be gone.
/// </summary>
public static class CodeFixVerifier
{
    /// <summary>Fixes the first diagnostic the fix offers an action for, repeatedly, until none is left.</summary>
    public static async Task VerifyFixAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fix, string before, string after)
    {
        var document = CreateDocument(before);
        for (var round = 0; round < 100; round++)
        {
            var diagnostics = await FixableDiagnosticsAsync(document, analyzer, fix);
            CodeAction? action = null;
            foreach (var diagnostic in diagnostics)
            {
                action = await FirstActionAsync(document, fix, diagnostic);
                if (action is not null)
                {
                    break;
                }
            }

            if (action is null)
            {
                break;
            }

            document = await ApplyAsync(document, action);
        }

        await AssertResultAsync(document, analyzer, fix, after);
    }

    /// <summary>Fixes every diagnostic of the document in one fix-all operation.</summary>
    public static async Task VerifyFixAllAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fix, string before, string after)
    {
        var document = CreateDocument(before);
        var diagnostics = await FixableDiagnosticsAsync(document, analyzer, fix);
        Assert.NotEmpty(diagnostics);
        var action = await FirstActionAsync(document, fix, diagnostics[0]);
        Assert.NotNull(action);

        var fixAll = fix.GetFixAllProvider();
        Assert.NotNull(fixAll);
        var context = new FixAllContext(
            document,
            fix,
            FixAllScope.Document,
            action!.EquivalenceKey,
            fix.FixableDiagnosticIds,
            new FixedDiagnostics(diagnostics),
            CancellationToken.None);
        var fixAllAction = await fixAll!.GetFixAsync(context);
        Assert.NotNull(fixAllAction);
        document = await ApplyAsync(document, fixAllAction!);
        await AssertResultAsync(document, analyzer, fix, after);
    }

    /// <summary>Asserts that the fix offers nothing for the diagnostics in <paramref name="source"/>.</summary>
    public static async Task VerifyNoFixAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fix, string source)
    {
        var document = CreateDocument(source);
        var diagnostics = await FixableDiagnosticsAsync(document, analyzer, fix);
        Assert.NotEmpty(diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            Assert.Null(await FirstActionAsync(document, fix, diagnostic));
        }
    }

    private static Document CreateDocument(string source)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "TestProject",
            "TestProject",
            LanguageNames.CSharp,
            compilationOptions: TestCompilation.Options,
            parseOptions: TestCompilation.ParseOptions,
            metadataReferences: TestReferences.All));
        return workspace.AddDocument(project.Id, "Test0.cs", SourceText.From(Normalize(source)));
    }

    private static async Task<ImmutableArray<Diagnostic>> FixableDiagnosticsAsync(Document document, DiagnosticAnalyzer analyzer, CodeFixProvider fix)
    {
        var compilation = await document.Project.GetCompilationAsync();
        var diagnostics = await AnalyzerVerifier.RunAsync(compilation!, new[] { analyzer });
        return diagnostics.Where(d => fix.FixableDiagnosticIds.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    private static async Task<CodeAction?> FirstActionAsync(Document document, CodeFixProvider fix, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await fix.RegisterCodeFixesAsync(context);
        return actions.FirstOrDefault();
    }

    private static async Task<Document> ApplyAsync(Document document, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return solution.GetDocument(document.Id)!;
    }

    private static async Task AssertResultAsync(Document document, DiagnosticAnalyzer analyzer, CodeFixProvider fix, string after)
    {
        var text = (await document.GetTextAsync()).ToString();
        Assert.Equal(Normalize(after), text);

        var compilation = await document.Project.GetCompilationAsync();
        var errors = TestCompilation.Errors(compilation!);
        Assert.True(errors.IsEmpty, "The fixed code does not compile:\n" + string.Join("\n", errors));
        Assert.Empty(await FixableDiagnosticsAsync(document, analyzer, fix));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());
    }
}
