using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Availability;
using SecureDev.Analyzers.Injection;
using SecureDev.Analyzers.Taint;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Taint;

/// <summary>What the engine does for every rule: configuration, entry points, fields, diagnostics' shape, robustness.</summary>
public class TaintEngineTests
{
    private const string ConfigurationCase = "Taint/Configuration.cs";
    private const string ConfigurationFile = "Taint/acme.securedev-taint.json";
    private static readonly string[] Libraries = TaintLibraries.All.Append("Taint/StubsAcme.cs").ToArray();

    [Fact]
    public Task A_configuration_file_adds_a_source_a_sink_and_a_sanitizer() =>
        AnalyzerVerifier.VerifyCaseFileAsync(new SqlInjectionAnalyzer(), ConfigurationCase, Array.Empty<string>(), additionalFiles: new[] { ConfigurationFile }, libraries: Libraries);

    [Fact]
    public async Task Without_the_configuration_file_the_vendor_api_is_unknown()
    {
        var compilation = TestCompilation.Create(new[] { Read(ConfigurationCase) }, extraReferences: new[] { TestCompilation.Library(Libraries.Select(Read)) });
        var diagnostics = await AnalyzerVerifier.RunAsync(compilation, new DiagnosticAnalyzer[] { new SqlInjectionAnalyzer() });
        Assert.Empty(diagnostics);
    }

    [Fact]
    public Task Entry_points_and_fields() =>
        AnalyzerVerifier.VerifyAsync(
            new DiagnosticAnalyzer[] { new PathTraversalAnalyzer(), new SqlInjectionAnalyzer() },
            new[] { Read("Taint/EntryPointsAndFields.cs") },
            librarySources: TaintLibraries.All.Select(Read).ToArray());

    [Fact]
    public async Task The_diagnostic_carries_the_source_as_its_additional_location()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            [ApiController]
            public class C : ControllerBase
            {
                [HttpGet]
                public void Get(string path) => Forward(path);

                private static void Forward(string file) => System.IO.File.Delete(file);
            }
            """;
        var diagnostics = await AnalyzerVerifier.RunAsync(TestCompilation.Create(new[] { ("C.cs", source) }), new DiagnosticAnalyzer[] { new PathTraversalAnalyzer() });
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("file", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        var origin = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal("path", origin.SourceTree!.GetText().ToString(origin.SourceSpan));
        Assert.Equal(5, origin.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public async Task Every_kind_of_member_is_analyzed_in_its_file()
    {
        // The rules take a file's roots from one semantic model action (TaintEngine.RootsIn), so each kind of member
        // that can hold a flow must be found there: top-level statements, an action the reach pass cannot see (its
        // class carries the attributes, the method names no source), a constructor, an accessor, an expression-bodied
        // property. A [GeneratedCode] member is not the developer's to fix. (Per method, the setter was lost: it shared
        // its property's result slot with the getter, and the expression-bodied property was never handed over.)
        const string program = """
            System.IO.File.Delete(args[0]);
            """;
        const string members = """
            using Microsoft.AspNetCore.Mvc;
            [ApiController]
            public class ExportController : ControllerBase
            {
                public void Remove(string file) => System.IO.File.Delete(file);
            }

            public class Recipe
            {
                private string _name = "";

                public Recipe() { System.IO.File.Delete(System.Console.ReadLine()!); }

                public string Name
                {
                    get => _name;
                    set { _name = value; System.IO.File.Delete(System.Console.ReadLine()!); }
                }

                public string Text => System.IO.File.ReadAllText(System.Console.ReadLine()!);

                [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                public void Generated() => System.IO.File.Delete(System.Console.ReadLine()!);
            }
            """;
        var compilation = TestCompilation.Create(new[] { ("Program.cs", program), ("Members.cs", members) })
            .WithOptions(TestCompilation.Options.WithOutputKind(OutputKind.ConsoleApplication));
        Assert.Empty(TestCompilation.Errors(compilation));
        var diagnostics = await AnalyzerVerifier.RunAsync(compilation, new DiagnosticAnalyzer[] { new PathTraversalAnalyzer() });
        var places = diagnostics.Select(d => $"{d.Location.SourceTree!.FilePath}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}").Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "Members.cs:12", "Members.cs:17", "Members.cs:20", "Members.cs:5", "Program.cs:1" }, places);
    }

    [Fact]
    public async Task Every_rule_reports_the_same_findings_whatever_the_order_of_analysis()
    {
        var sources = new[] { "Injection/SqlInjection.cs", "Injection/PathTraversal.cs", "Availability/NetworkSizedAllocation.cs", "Taint/EntryPointsAndFields.cs" }.Select(Read).ToArray();
        var library = TestCompilation.Library(TaintLibraries.All.Select(Read));
        var analyzers = AllTaintAnalyzers();
        string Run(System.Collections.Immutable.ImmutableArray<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()}").Order(StringComparer.Ordinal));
        var first = Run(await AnalyzerVerifier.RunAsync(TestCompilation.Create(sources, extraReferences: new[] { library }), analyzers));
        var second = Run(await AnalyzerVerifier.RunAsync(TestCompilation.Create(sources.Reverse(), extraReferences: new[] { library }), analyzers.Reverse().ToArray()));
        Assert.Equal(first, second);
        Assert.NotEmpty(first);
    }

    [Theory]
    [InlineData("public class C { public void M(System.Net.Sockets.NetworkStream s) { var n = new System.IO.BinaryReader(s).ReadInt32(); var b = new byte[n")]
    [InlineData("public class C { public void M(string x) { System.IO.File.Delete(x + ); } }")]
    [InlineData("public class C { public void M() { for (var i = 0; i < ; i++) { } var s = System.Console.ReadLine(); System.Diagnostics.Process.Start(s, ) } }")]
    [InlineData("class C { void M() { Undefined.Call(System.Console.ReadLine()); new Missing(System.Console.ReadLine()).Run(); } }")]
    [InlineData("class C { string F = System.Console.ReadLine(); void M() { System.IO.File.Delete(F); M(); N(F); } void N(string s) => N(s); }")]
    public async Task No_exception_on_incomplete_or_recursive_code(string source)
    {
        // RunAsync fails on any analyzer exception; what incomplete code reports is not asserted.
        await AnalyzerVerifier.RunAsync(TestCompilation.Create(new[] { ("Test0.cs", source) }), AllTaintAnalyzers());
    }

    [Fact]
    public void Configuration_errors_are_collected_and_the_valid_entries_kept()
    {
        var spec = TaintSpec.Parse(new[]
        {
            ("good.securedev-taint.json", """{ "sources": [ { "type": "A.B", "member": "C", "kind": "fieldbus" } ] }"""),
            ("bad.securedev-taint.json", """{ "sinks": [ { "type": "A.B", "member": "D", "class": "nosuch" }, { "member": "E" } ], "enableSourceKinds": [ "telepathy" ] }"""),
            ("broken.securedev-taint.json", """{ "sources": [ """),
        });
        Assert.Single(spec.Entries);
        Assert.Equal(4, spec.Errors.Length);
        Assert.Contains(spec.Errors, e => e.StartsWith("broken.securedev-taint.json(1,", StringComparison.Ordinal));
        Assert.Contains(spec.Errors, e => e.Contains("unknown source kind 'telepathy'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_specification_is_valid()
    {
        Assert.Empty(TaintSpec.Default.Errors);
        Assert.True(TaintSpec.Default.Entries.Length > 100);
        Assert.DoesNotContain(SourceKind.Database, TaintSpec.Default.EnabledKinds);
    }

    [Theory]
    [InlineData("https://historian.plant.local/api/", true)]
    [InlineData("api/tags/", true)]
    [InlineData("/api/tags/", true)]
    [InlineData("https://", false)]
    [InlineData("http://historian", false)]
    [InlineData("//", false)]
    [InlineData("", false)]
    [InlineData("file:", false)]
    public void A_constant_prefix_fixes_the_host_only_when_it_closes_the_authority(string prefix, bool fixedHost) =>
        Assert.Equal(fixedHost, MethodAnalysis.IsFixedHostPrefix(prefix));

    private static DiagnosticAnalyzer[] AllTaintAnalyzers() => typeof(TaintRuleAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(TaintRuleAnalyzer).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToArray();

    private static (string Path, string Text) Read(string path) => (path, File.ReadAllText(Path.Combine(AnalyzerVerifier.CasesDirectory, path)));
}
