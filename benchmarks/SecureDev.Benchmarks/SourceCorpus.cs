using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SecureDev.Benchmarks;

/// <summary>
/// A large generated source set: the templates in Corpus/ (code that uses the security APIs the rules look at, safe
/// and unsafe) and in Corpus/Plain/ (ordinary product code: alarms and reports, a historian, a configuration model, a
/// telegram codec, a batch sequencer, HMI view models, a repository), copied under distinct namespaces until the line
/// count is reached. The mix follows the templates' sizes: about one line in four is in a template that uses security
/// APIs, still denser than a real product. The dense set leaves the ordinary code out, a stress case.
/// </summary>
public static class SourceCorpus
{
    public const string TemplateNamespace = "Corpus.Template";

    /// <summary>The first line of a template that compiles only against the stand-in libraries in Corpus/StandIns.</summary>
    public const string StandInsMarker = "// corpus: stand-ins";

    /// <summary>How the in-process benchmarks compile the source set: a release library with nullable annotations, as the products' projects build.</summary>
    public static CSharpCompilationOptions CompilationOptions { get; } =
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release)
            .WithNullableContextOptions(NullableContextOptions.Enable);

    /// <summary>The folder of the ordinary code templates, and the prefix of their copies' file names.</summary>
    private const string Plain = "Plain";

    /// <param name="standIns">Adds the stand-in library declarations (once) and the templates that use them; without
    /// it the source set references none of the industrial libraries, as most products' projects do not.</param>
    /// <param name="dense">Leaves out the ordinary code: every line is in a template that uses security APIs.</param>
    public static IReadOnlyList<SyntaxTree> Generate(int minimumLines, CSharpParseOptions options, bool standIns = false, bool dense = false)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Corpus");
        var templates = Templates(directory, "")
            .Concat(dense ? [] : Templates(Path.Combine(directory, Plain), Plain + "."))
            .Where(t => standIns || !t.Text.StartsWith(StandInsMarker, StringComparison.Ordinal))
            .ToArray();
        if (templates.Length == 0)
        {
            throw new InvalidOperationException("No templates in " + directory);
        }

        var trees = new List<SyntaxTree>();
        if (standIns)
        {
            trees.AddRange(Directory.GetFiles(Path.Combine(directory, "StandIns"), "*.cs").OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, "StandIns/" + Path.GetFileName(f))));
        }

        var lines = 0;
        for (var copy = 0; lines < minimumLines; copy++)
        {
            foreach (var (name, text) in templates)
            {
                var source = text.Replace(TemplateNamespace, $"Corpus.N{copy}", StringComparison.Ordinal);
                trees.Add(CSharpSyntaxTree.ParseText(source, options, $"{name}{copy}.cs"));
                lines += source.Count(c => c == '\n');
            }
        }

        return trees;
    }

    public static int CountLines(IEnumerable<SyntaxTree> trees) => trees.Sum(t => t.GetText().Lines.Count);

    /// <summary>The share of the lines that are in templates using security APIs (the rest is ordinary code), in percent.</summary>
    public static double SecurityShare(IReadOnlyList<SyntaxTree> trees) =>
        100.0 * CountLines(trees.Where(t => !t.FilePath.StartsWith(Plain + ".", StringComparison.Ordinal))) / CountLines(trees);

    private static IEnumerable<(string Name, string Text)> Templates(string directory, string prefix) =>
        Directory.GetFiles(directory, "*.cs").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (prefix + Path.GetFileNameWithoutExtension(f), File.ReadAllText(f)));
}
