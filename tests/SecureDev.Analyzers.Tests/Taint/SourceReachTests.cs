using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureDev.Analyzers.Taint;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Taint;

/// <summary>
/// The name-level reach pass reads source text with its own small lexer: what it must see (code, interpolation holes,
/// stores into fields) and what it must not (comments, string text, locals that shadow a field).
/// </summary>
public class SourceReachTests
{
    private const string Fields = """
        using System;

        public class Plant
        {
            private string _tag = "";
            private string _unit = "";
            private readonly string[] _names = new string[4];
            private readonly System.Collections.Generic.List<string> _log = new();
            public string Label { get; set; } = "";

            public void StoreTag() => _tag = Console.ReadLine() ?? "";
            public void StoreUnitInLocal() { var _unit = Console.ReadLine(); Console.WriteLine(_unit); }
            public void StoreLabel() { this.Label = Console.ReadLine() ?? ""; }
            public void StoreName() { _names[0] += Console.ReadLine(); }
            public void StoreLog() { _log.Add(Console.ReadLine() ?? ""); }
            public void StoreSettings() { Settings.Mode = Console.ReadLine() ?? ""; }
            public void StoreOther(Settings other) { other.Site = Console.ReadLine() ?? ""; }

            public string ReadTag() => _tag;
            public string ReadUnit() => _unit;
            public string ReadLabel() => Label;
            public string ReadName() => _names[0];
            public string ReadLog() => _log[0];
            public string ReadMode() => Settings.Mode;
            public string ReadSite(Settings settings) => settings.Site;
        }

        public class Settings
        {
            public static string Mode = "";
            public string Site = "";
        }
        """;

    private const string Literals = """"
        using System;

        public class Console2
        {
            // Console.ReadLine() is not called here.
            public string InComment() => "x";
            public string InString() => "Console.ReadLine()";
            public string InVerbatim() => @"Console.ReadLine() "" still text";
            public string InRaw() => """Console.ReadLine()""";
            public string InHole() => $"{Console.ReadLine()} typed";
            public string InNestedHole() => $"{(true ? $"{Console.ReadLine()}" : "")}";
            public string InRawHole() => $$"""{"tag": {{Console.ReadLine()}}}""";
            public string AfterHole() => $"{1}" + Console.ReadLine();
            public char InCharacter() => '"';
            public string AfterCharacter() => Console.ReadLine() ?? "";
        }
        """";

    [Theory]
    [InlineData("StoreTag", true)]
    [InlineData("ReadTag", true)]
    [InlineData("ReadUnit", false)]
    [InlineData("ReadLabel", true)]
    [InlineData("ReadName", true)]
    [InlineData("ReadLog", true)]
    [InlineData("ReadMode", true)]
    [InlineData("ReadSite", false)]
    public void Stores_into_fields_reach_their_readers(string method, bool inReach) =>
        Assert.Equal(inReach, Reach(Fields).InReach(Method(Fields, method)));

    [Theory]
    [InlineData("InComment", false)]
    [InlineData("InString", false)]
    [InlineData("InVerbatim", false)]
    [InlineData("InRaw", false)]
    [InlineData("InHole", true)]
    [InlineData("InNestedHole", true)]
    [InlineData("InRawHole", true)]
    [InlineData("AfterHole", true)]
    [InlineData("InCharacter", false)]
    [InlineData("AfterCharacter", true)]
    public void Comments_and_string_text_are_not_code_but_interpolation_holes_are(string method, bool inReach) =>
        Assert.Equal(inReach, Reach(Literals).InReach(Method(Literals, method)));

    [Fact]
    public void Writers_of_a_field_are_the_members_in_reach_that_store_into_it()
    {
        var reach = Reach(Fields);
        var writers = reach.Writing("_tag").Select(d => ((MethodDeclarationSyntax)d).Identifier.ValueText).ToList();
        Assert.Equal(new[] { "StoreTag" }, writers);
        Assert.Empty(reach.Writing("_unit"));
    }

    private static SourceReach Reach(string source)
    {
        var compilation = Compile(source);
        return new SourceReach(compilation, new[] { "ReadLine" }, Array.Empty<string>(), CancellationToken.None);
    }

    private static readonly Dictionary<string, Compilation> Compilations = new();

    private static Compilation Compile(string source)
    {
        lock (Compilations)
        {
            if (!Compilations.TryGetValue(source, out var compilation))
            {
                compilation = TestCompilation.Create(new[] { ("Test.cs", source) });
                Assert.Empty(TestCompilation.Errors(compilation));
                Compilations[source] = compilation;
            }

            return compilation;
        }
    }

    private static SyntaxNode Method(string source, string name) => Compile(source).SyntaxTrees.Single().GetRoot()
        .DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == name);
}
