using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SecureDev.Analyzers.Tests.Harness;

/// <summary>A compilation of test sources against the real reference assemblies, with the newest language version.</summary>
public static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    public static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithNullableContextOptions(NullableContextOptions.Enable)
        .WithAllowUnsafe(true);

    public static CSharpCompilation Create(IEnumerable<(string Path, string Text)> sources, string assemblyName = "TestCases", IEnumerable<MetadataReference>? extraReferences = null) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
            extraReferences is null ? TestReferences.All : TestReferences.All.AddRange(extraReferences),
            Options);

    /// <summary>
    /// Compiles stand-ins of libraries that are not on the feed into an assembly the test sources reference, so that
    /// an analyzer sees them as it sees the real package: metadata, outside the compilation it analyzes.
    /// </summary>
    public static MetadataReference Library(IEnumerable<(string Path, string Text)> sources, string assemblyName = "TestLibraries")
    {
        var library = Create(sources, assemblyName);
        using var image = new MemoryStream();
        var result = library.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The library stand-ins do not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>Compiler errors, formatted for a test failure message.</summary>
    public static ImmutableArray<Diagnostic> Errors(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
}
