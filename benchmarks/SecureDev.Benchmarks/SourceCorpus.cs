using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SecureDev.Benchmarks;

/// <summary>
/// A large generated source set: the templates in Corpus/ (plain product code, and code that uses the security APIs
/// the rules look at, safe and unsafe), copied under distinct namespaces until the line count is reached. The mix
/// follows the templates' sizes, so adding a family's template adds its APIs at a realistic density.
/// </summary>
public static class SourceCorpus
{
    public const string TemplateNamespace = "Corpus.Template";

    /// <summary>The first line of a template that compiles only against the stand-in libraries in Corpus/StandIns.</summary>
    public const string StandInsMarker = "// corpus: stand-ins";

    /// <param name="standIns">Adds the stand-in library declarations (once) and the templates that use them; without
    /// it the source set references none of the industrial libraries, as most products' projects do not.</param>
    public static IReadOnlyList<SyntaxTree> Generate(int minimumLines, CSharpParseOptions options, bool standIns = false)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Corpus");
        var templates = Directory.GetFiles(directory, "*.cs").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileNameWithoutExtension(f), Text: File.ReadAllText(f)))
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
}
