using System.Text;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Availability;
using SecureDev.Analyzers.Injection;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Taint;

/// <summary>
/// The taint engine, sink class by sink class, along four axes: every propagation form, every source kind, every
/// sanitizer (and constants), and chains of two and three calls. Each row generates one compilation in which every
/// case is a method with the sink on one annotated line; the harness requires exactly the annotated diagnostics.
/// </summary>
public class TaintMatrixTests
{
    private const string Value = "{v}";

    /// <summary>A sink class: its rule, the analyzer, the line that uses the value, and the kind of value it takes.</summary>
    public sealed record Sink(string Id, Func<DiagnosticAnalyzer> Analyzer, string Line, ValueKind Kind);

    public enum ValueKind
    {
        Text,
        Number,
        Exception,
    }

    public static readonly IReadOnlyDictionary<string, Sink> Sinks = new Dictionary<string, Sink>
    {
        ["sql"] = new("SD4001", () => new SqlInjectionAnalyzer(), "_ = new Microsoft.Data.Sqlite.SqliteCommand({v});", ValueKind.Text),
        ["command"] = new("SD4002", () => new CommandInjectionAnalyzer(), "System.Diagnostics.Process.Start({v});", ValueKind.Text),
        ["path"] = new("SD4003", () => new PathTraversalAnalyzer(), "_ = System.IO.File.ReadAllText({v});", ValueKind.Text),
        ["xpath"] = new("SD4004", () => new XPathInjectionAnalyzer(), "_ = new System.Xml.XmlDocument().SelectNodes({v});", ValueKind.Text),
        ["ldap"] = new("SD4005", () => new LdapInjectionAnalyzer(), "_ = new System.DirectoryServices.DirectorySearcher({v});", ValueKind.Text),
        ["regex"] = new("SD4006", () => new RegexInjectionAnalyzer(), "_ = System.Text.RegularExpressions.Regex.IsMatch(\"input\", {v});", ValueKind.Text),
        ["url"] = new("SD4007", () => new ServerSideRequestForgeryAnalyzer(), "_ = Client.GetStringAsync({v});", ValueKind.Text),
        ["log"] = new("SD4008", () => new LogForgingAnalyzer(), "Log.LogWarning({v});", ValueKind.Text),
        ["allocation"] = new("SD7001", () => new NetworkSizedAllocationAnalyzer(), "_ = new byte[{v}];", ValueKind.Number),
        ["index"] = new("SD7002", () => new NetworkControlledIndexAnalyzer(), "_ = Table[{v}];", ValueKind.Number),
        ["loop"] = new("SD7003", () => new NetworkControlledLoopBoundAnalyzer(), "for (var i = 0; i < {v}; i++) { Work(); }", ValueKind.Number),
        ["peer"] = new("SD7004", () => new ExceptionDetailsToPeerAnalyzer(), "_ = Microsoft.AspNetCore.Http.Results.Problem({v});", ValueKind.Exception),
    };

    public static TheoryData<string> SinkNames() => new(Sinks.Keys);

    /// <summary>Ways a text value travels from <c>v</c> to the sink: statements, then the expression the sink gets.</summary>
    private static readonly (string Name, string Statements, string Expression)[] TextForms =
    {
        ("direct", "", "v"),
        ("local copy", "var a = v; var b = a;", "b"),
        ("reassigned local", "var a = \"none\"; if (flag) { a = v; }", "a"),
        ("concatenation", "", "\"SELECT \" + v + \" x\""),
        ("compound assignment", "var a = \"x\"; a += v;", "a"),
        ("interpolation", "", "$\"a{v}b\""),
        ("string.Format", "", "string.Format(\"a{0}\", v)"),
        ("string.Concat", "", "string.Concat(\"a\", v)"),
        ("string.Join", "", "string.Join(\",\", new[] { \"a\", v })"),
        ("StringBuilder", "var sb = new StringBuilder(); sb.Append(\"a\").Append(v);", "sb.ToString()"),
        ("StringBuilder.AppendFormat", "var sb = new StringBuilder(); sb.AppendFormat(\"{0}\", v);", "sb.ToString()"),
        ("string methods", "", "v.Trim().ToUpperInvariant().Replace(\"a\", \"b\")"),
        ("array element", "var items = new string[2]; items[1] = v;", "items[1]"),
        ("array initializer", "var items = new[] { \"a\", v };", "items[1]"),
        ("List", "var list = new List<string>(); list.Add(v);", "list[0]"),
        ("collection initializer", "var list = new List<string> { v };", "list[0]"),
        ("Dictionary", "var map = new Dictionary<string, string>(); map[\"k\"] = v;", "map[\"k\"]"),
        ("Queue", "var queue = new Queue<string>(); queue.Enqueue(v);", "queue.Dequeue()"),
        ("foreach", "var list = new List<string> { v }; var last = \"\"; foreach (var item in list) { last = item; }", "last"),
        ("LINQ", "", "new[] { v }.Select(x => x.Trim()).First()"),
        ("tuple", "var pair = (1, v);", "pair.Item2"),
        ("deconstruction", "var (first, second) = (1, v);", "second"),
        ("await", "var a = await Task.FromResult(v);", "a"),
        ("ternary", "", "flag ? v : \"none\""),
        ("null coalescing", "string? maybe = flag ? v : null;", "maybe ?? \"none\""),
        ("char array", "", "new string(v.ToCharArray())"),
        ("out parameter", "Helper.Copy(v, out var a);", "a"),
        ("ref parameter", "var a = \"\"; Helper.Fill(ref a, v);", "a"),
        ("method return", "", "Helper.Wrap(v)"),
        ("property setter", "var box = new Box { Value = v };", "box.Value"),
        ("constructor", "var box = new Box(v);", "box.Value"),
        ("method on object", "var box = new Box(); box.Set(v);", "box.Get()"),
        ("static field", "Helper.Last = v;", "Helper.Last"),
        ("static field across methods", "Helper.Remember(v);", "Helper.Recall()"),
        ("field of this across methods", "var keeper = new Keeper(); keeper.Keep(v);", "keeper.Give()"),
        ("interface call", "IFormatter formatter = new Brackets();", "formatter.Format(v)"),
        ("virtual call", "Decorator decorator = new Quotes();", "decorator.Decorate(v)"),
        ("lambda", "Func<string, string> wrap = x => \"<\" + x + \">\";", "wrap(v)"),
        ("local function", "string Wrap(string x) => \"[\" + x + \"]\";", "Wrap(v)"),
        ("captured by a lambda", "var captured = v; Func<string> get = () => captured;", "get()"),
        ("async method", "var a = await Helper.WrapAsync(v);", "a"),
        ("extension method", "", "v.Quoted()"),
        ("property getter", "var holder = new Holder(v);", "holder.Text"),
    };

    private static readonly (string Name, string Statements, string Expression)[] NumberForms =
    {
        ("direct", "", "n"),
        ("local copy", "var a = n; var b = a;", "b"),
        ("arithmetic", "", "n * 2 + 4"),
        ("conversion", "long wide = n;", "(int)wide"),
        ("compound assignment", "var a = 8; a += n;", "a"),
        ("array element", "var sizes = new int[1]; sizes[0] = n;", "sizes[0]"),
        ("List", "var sizes = new List<int> { n };", "sizes[0]"),
        ("tuple", "var pair = (n, 1);", "pair.Item1"),
        ("out parameter", "Helper.CopyNumber(n, out var a);", "a"),
        ("method return", "", "Helper.Twice(n)"),
        ("await", "var a = await Task.FromResult(n);", "a"),
        ("property setter", "var box = new Box { Count = n };", "box.Count"),
        ("static field", "Helper.Size = n;", "Helper.Size"),
        ("Math.Abs", "", "Math.Abs(n)"),
        ("local function", "int Plus(int x) => x + 1;", "Plus(n)"),
        ("ternary", "", "flag ? n : 16"),
    };

    /// <summary>
    /// Forms whose result starts with a constant that has no colon: a relative reference, so the value cannot choose the
    /// host of a request (SD4007 stays quiet; the other classes do not care about prefixes).
    /// </summary>
    private static readonly HashSet<string> FixedPrefixForms = new()
    {
        "concatenation", "interpolation", "method return", "field of this across methods", "interface call",
        "virtual call", "lambda", "local function", "async method", "extension method",
    };

    /// <summary>Statements that put untrusted text into <c>v</c>, one per source kind.</summary>
    private static readonly (string Name, string Statements, bool Web)[] TextSources =
    {
        ("action parameter", "", true),
        ("HttpRequest", "string v = request.Query[\"q\"]!;", false),
        ("Console.ReadLine", "var v = Console.ReadLine()!;", false),
        ("command line", "var v = Environment.GetCommandLineArgs()[1];", false),
        ("environment", "var v = Environment.GetEnvironmentVariable(\"RECIPE\")!;", false),
        ("file contents", "var v = File.ReadAllText(\"recipe.txt\");", false),
        ("NetworkStream", "var buffer = new byte[64]; stream.Read(buffer, 0, buffer.Length); var v = Encoding.ASCII.GetString(buffer);", false),
        ("StreamReader over a NetworkStream", "var v = new StreamReader(stream).ReadLine()!;", false),
        ("Socket", "var buffer = new byte[64]; socket.Receive(buffer); var v = Encoding.UTF8.GetString(buffer);", false),
        ("UdpClient", "var v = Encoding.UTF8.GetString(udp.Receive(ref remote));", false),
        ("SerialPort", "var v = port.ReadLine();", false),
        ("MQTT payload", "var v = e.ApplicationMessage.ConvertPayloadToString();", false),
        ("OPC UA read", "var v = (string)session.ReadValue(new Opc.Ua.NodeId(\"ns=2;s=Recipe\")).Value;", false),
        ("Modbus registers", "var v = new string(Array.ConvertAll(master.ReadHoldingRegisters(1, 0, 8), r => (char)r));", false),
        ("archive entry name", "var v = entry.FullName;", false),
    };

    private static readonly (string Name, string Statements, bool Web)[] NumberSources =
    {
        ("action parameter", "", true),
        ("HttpRequest", "var n = int.Parse(request.Query[\"size\"]!);", false),
        ("BinaryReader over a NetworkStream", "var n = new BinaryReader(stream).ReadInt32();", false),
        ("BinaryPrimitives", "var header = new byte[4]; stream.ReadExactly(header); var n = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header);", false),
        ("BitConverter over Socket.Receive", "var header = new byte[4]; socket.Receive(header); var n = BitConverter.ToInt32(header, 0);", false),
        ("byte arithmetic", "var header = new byte[2]; stream.ReadExactly(header); var n = header[0] << 8 | header[1];", false),
        ("SerialPort", "var n = port.ReadByte() << 8 | port.ReadByte();", false),
        ("MQTT payload", "var payload = e.ApplicationMessage.Payload.ToArray(); var n = payload[0] << 8 | payload[1];", false),
        ("OPC UA value", "var n = session.ReadValue(new Opc.Ua.NodeId(\"ns=2;s=Count\")).GetValue(0);", false),
        ("Modbus register", "int n = master.ReadHoldingRegisters(1, 0, 1)[0];", false),
    };

    [Theory]
    [MemberData(nameof(SinkNames))]
    public Task Flagged_through_each_propagation_form(string sink)
    {
        var s = Sinks[sink];
        var cases = new List<Case>();
        if (s.Kind == ValueKind.Number)
        {
            cases.AddRange(NumberForms.Select(f => new Case("Number " + f.Name, "var n = new BinaryReader(stream).ReadInt32();\n" + f.Statements, f.Expression, Flagged: true)));
        }
        else
        {
            var source = s.Kind == ValueKind.Exception ? null : "var v = Console.ReadLine()!;\n";
            cases.AddRange(TextForms.Select(f => new Case("Text " + f.Name, source + f.Statements, f.Expression, Flagged: sink != "url" || !FixedPrefixForms.Contains(f.Name))));
        }

        return VerifyAsync(s, cases);
    }

    [Theory]
    [MemberData(nameof(SinkNames))]
    public Task Flagged_from_each_source_kind(string sink)
    {
        var s = Sinks[sink];
        var cases = new List<Case>();
        switch (s.Kind)
        {
            case ValueKind.Text:
                cases.AddRange(TextSources.Select(source => new Case("Source " + source.Name, source.Statements, "v", Flagged: true, Web: source.Web, WebType: "string")));
                break;
            case ValueKind.Number:
                cases.AddRange(NumberSources.Select(source => new Case("Source " + source.Name, source.Statements, "n", Flagged: true, Web: source.Web, WebType: "int", WebName: "n")));

                // Local sources (an operator, the machine's own files) do not size allocations: only remote ones do.
                cases.Add(new Case("Local console number", "var n = int.Parse(Console.ReadLine()!);", "n", Flagged: false));
                cases.Add(new Case("Local file number", "var n = int.Parse(File.ReadAllText(\"count.txt\"));", "n", Flagged: false));
                break;
            default:
                cases.Add(new Case("Source exception message", "", "v", Flagged: true));
                cases.Add(new Case("Source exception ToString", "", "ex.ToString()", Flagged: true));
                cases.Add(new Case("Source stack trace", "", "ex.StackTrace", Flagged: true));
                cases.Add(new Case("Source exception interpolated", "", "$\"failed: {ex}\"", Flagged: true));
                break;
        }

        return VerifyAsync(s, cases);
    }

    [Theory]
    [MemberData(nameof(SinkNames))]
    public Task Quiet_after_each_sanitizer_and_for_constants(string sink)
    {
        var s = Sinks[sink];
        var cases = new List<Case>();
        switch (s.Kind)
        {
            case ValueKind.Text:
                const string source = "var v = Console.ReadLine()!;\n";
                cases.Add(new Case("Constant", "", "\"constant\"", Flagged: false));
                cases.Add(new Case("Constant local", "var c = \"constant\"; if (flag) { c = \"other\"; }", "c", Flagged: false));
                cases.Add(new Case("Parsed to a number", source, "int.Parse(v).ToString()", Flagged: false));
                cases.Add(new Case("Parsed with TryParse", source + "if (!int.TryParse(v, out var number)) { return; }", "\"x\" + number", Flagged: false));
                cases.Add(new Case("Allow-list", source + "if (!Allowed.Contains(v)) { return; }", "v", Flagged: false));
                cases.Add(new Case("Allow-list dictionary", source + "if (!Known.TryGetValue(v, out var known)) { return; }", "known", Flagged: false));
                cases.Add(new Case("Equality with constants", source + "if (v != \"a\" && v != \"b\") { return; }", "v", Flagged: false));
                cases.Add(new Case("Anchored pattern check", source + "if (!System.Text.RegularExpressions.Regex.IsMatch(v, \"^[a-z0-9]{1,16}$\")) { return; }", "v", Flagged: false));
                cases.Add(new Case("URL encoder", source, "Uri.EscapeDataString(v)", Flagged: false));
                cases.Add(new Case("Length only", source, "\"x\" + v.Length", Flagged: false));
                cases.Add(new Case("Overwritten", source + "v = \"constant\";", "v", Flagged: false));
                cases.Add(new Case("Check on another variable does not help", source + "var other = \"a\"; if (!Allowed.Contains(other)) { return; }", "v", Flagged: true));
                cases.Add(new Case("Unanchored pattern does not help", source + "if (!System.Text.RegularExpressions.Regex.IsMatch(v, \"[a-z]\")) { return; }", "v", Flagged: true));
                cases.Add(new Case("Sanitized on one path only", source + "if (flag) { v = Uri.EscapeDataString(v); }", "v", Flagged: true));
                break;
            case ValueKind.Number:
                const string number = "var n = new BinaryReader(stream).ReadInt32();\n";
                cases.Add(new Case("Constant", "", "64", Flagged: false));
                cases.Add(new Case("Upper and lower check", number + "if (n < 0 || n > 1024) { return; }", "n", Flagged: false));
                cases.Add(new Case("Upper and lower check, throwing", number + "if (n > 1024) { throw new InvalidDataException(); } if (n < 0) { throw new InvalidDataException(); }", "n", Flagged: false));
                cases.Add(new Case("Inside the checked branch", number + "if (n >= 0 && n <= 1024) { " + s.Line.Replace(Value, "n", StringComparison.Ordinal) + " // Compliant\n }", null, Flagged: false));
                cases.Add(new Case("Unsigned compare", number + "if ((uint)n >= (uint)Table.Length) { return; }", "n", Flagged: false));
                cases.Add(new Case("Math.Clamp", number, "Math.Clamp(n, 0, 1024)", Flagged: false));
                cases.Add(new Case("Mask", number, "n & 0x3FF", Flagged: false));
                cases.Add(new Case("Throw helpers", number + "ArgumentOutOfRangeException.ThrowIfNegative(n); ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 1024);", "n", Flagged: false));
                cases.Add(new Case("Unsigned source checked above", "var n = new BinaryReader(stream).ReadUInt16(); if (n > 1024) { return; }", "n", Flagged: false));
                cases.Add(new Case("Length of received data", "var data = new byte[64]; stream.Read(data, 0, data.Length);", "data.Length - 1", Flagged: false));
                cases.Add(new Case("Check on the other branch does not help", number + "if (n > 1024) { Work(); }", "n", Flagged: true));
                cases.Add(new Case("Checked after use does not help", number + "var copy = n; if (n > 1024) { return; }", "copy", Flagged: true));
                if (sink != "loop")
                {
                    cases.Add(new Case("Upper check only on a signed value", number + "if (n > 1024) { return; }", "n", Flagged: true));
                }
                else
                {
                    cases.Add(new Case("Upper check is enough for a loop", number + "if (n > 1024) { return; }", "n", Flagged: false));
                }

                break;
            default:
                cases.Add(new Case("Generic message", "", "\"The request failed.\"", Flagged: false));
                cases.Add(new Case("Error code", "", "\"Error \" + ex.HResult", Flagged: false));
                cases.Add(new Case("Exception type only", "", "ex.GetType().Name", Flagged: false));
                break;
        }

        return VerifyAsync(s, cases);
    }

    [Theory]
    [MemberData(nameof(SinkNames))]
    public Task Flagged_through_two_and_three_levels_of_calls(string sink)
    {
        var s = Sinks[sink];
        var (source, value, type) = s.Kind switch
        {
            ValueKind.Number => ("var n = new BinaryReader(stream).ReadInt32();\n", "n", "int"),
            ValueKind.Text => ("var v = Console.ReadLine()!;\n", "v", "string"),
            _ => ("", "v", "string"),
        };
        var cases = new List<Case>
        {
            // The value goes down: the sink is two or three calls deep.
            new("Sink two levels down", source, null, Flagged: true, Helpers: Chain("Down2", 2, type, s.Line)) { Call = $"Down2_1({value});" },
            new("Sink three levels down", source, null, Flagged: true, Helpers: Chain("Down3", 3, type, s.Line)) { Call = $"Down3_1({value});" },

            // The value comes back up: two and three returns between the source and the sink.
            new("Returned through two levels", source, $"Up2_1({value})", Flagged: true, Helpers: Returns("Up2", 2, type)),
            new("Returned through three levels", source, $"Up3_1({value})", Flagged: true, Helpers: Returns("Up3", 3, type)),

            // The source itself is deep: a method that reads it, called through others.
            new("Source three levels down", "", s.Kind == ValueKind.Exception ? "v" : "ReadDeep_1()", Flagged: true, Helpers: s.Kind == ValueKind.Exception ? "" : SourceChain("ReadDeep", 3, type, value)),

            // A helper that does not pass its parameter on stays quiet.
            new("Helper that drops the value", source, $"Drop({value})", Flagged: false, Helpers: $"static {type} Drop({type} x) => {(type == "int" ? "16" : "\"constant\"")};"),
        };
        return VerifyAsync(s, cases);
    }

    private static string Chain(string name, int depth, string type, string sinkLine)
    {
        var text = new StringBuilder();
        for (var i = 1; i < depth; i++)
        {
            text.AppendLine($"static void {name}_{i}({type} x) => {name}_{i + 1}(x);");
        }

        text.AppendLine($"static void {name}_{depth}({type} x)\n{{\n{sinkLine.Replace(Value, "x", StringComparison.Ordinal)} // Noncompliant {{id}}\n}}");
        return text.ToString();
    }

    private static string Returns(string name, int depth, string type)
    {
        var text = new StringBuilder();
        for (var i = 1; i < depth; i++)
        {
            text.AppendLine($"static {type} {name}_{i}({type} x) => {name}_{i + 1}(x);");
        }

        text.AppendLine(type == "int" ? $"static int {name}_{depth}(int x) => x + 1;" : $"static string {name}_{depth}(string x) => x.Trim() + \"]\";");
        return text.ToString();
    }

    private static string SourceChain(string name, int depth, string type, string value)
    {
        var source = type == "int" ? "var n = new BinaryReader(NetworkSource).ReadInt32();" : "var v = Console.ReadLine()!;";
        var text = new StringBuilder();
        for (var i = 1; i < depth; i++)
        {
            text.AppendLine($"{type} {name}_{i}() => {name}_{i + 1}();");
        }

        text.AppendLine($"{type} {name}_{depth}()\n{{\n{source}\nreturn {value};\n}}");
        return text.ToString();
    }

    public sealed record Case(string Name, string? Statements, string? Expression, bool Flagged, string Helpers = "", bool Web = false, string WebType = "string", string WebName = "v")
    {
        /// <summary>A statement that replaces the sink line (the sink is in a helper).</summary>
        public string? Call { get; init; }
    }

    private static Task VerifyAsync(Sink sink, IReadOnlyList<Case> cases)
    {
        var source = Generate(sink, cases);
        if (Environment.GetEnvironmentVariable("SECUREDEV_MATRIX_DUMP") is { Length: > 0 } dump)
        {
            File.WriteAllText(Path.Combine(dump, $"{sink.Id}-{cases[0].Name.Split(' ')[0]}.cs"), source);
        }

        var files = new[] { ("Matrix.cs", source), Read("Taint/MatrixSupport.cs") };
        return AnalyzerVerifier.VerifyAsync(new[] { sink.Analyzer() }, files, librarySources: Libraries.Value);
    }

    private static string Generate(Sink sink, IReadOnlyList<Case> cases)
    {
        var plain = new StringBuilder();
        var web = new StringBuilder();
        var index = 0;
        foreach (var c in cases)
        {
            index++;
            var target = c.Web ? web : plain;
            var annotation = c.Flagged ? $"// Noncompliant {sink.Id}" : "// Compliant";
            var parameters = c.Web
                ? $"{c.WebType} {c.WebName}, bool flag"
                : "HttpRequest request, NetworkStream stream, Socket socket, UdpClient udp, IPEndPoint remote, SerialPort port, MqttApplicationMessageReceivedEventArgs e, Opc.Ua.Client.ISession session, IModbusMaster master, ZipArchiveEntry entry, bool flag";
            target.AppendLine($"    // {c.Name}");
            target.AppendLine($"    public async Task Case{index}({parameters})");
            target.AppendLine("    {");
            target.AppendLine("        await Task.Yield();");
            var body = new StringBuilder();
            body.AppendLine(c.Statements ?? "");
            if (c.Call is not null)
            {
                body.AppendLine(c.Call);
            }
            else if (c.Expression is not null)
            {
                var expression = sink.Kind == ValueKind.Number && c.Expression.Contains(' ', StringComparison.Ordinal) ? "(" + c.Expression + ")" : c.Expression;
                body.AppendLine(sink.Line.Replace(Value, expression, StringComparison.Ordinal) + " " + annotation);
            }

            if (sink.Kind == ValueKind.Exception)
            {
                target.AppendLine("        try { Work(); }");
                target.AppendLine("        catch (Exception ex)");
                target.AppendLine("        {");
                target.AppendLine("            var v = ex.Message;");
                target.Append(Indent(body.ToString(), "            "));
                target.AppendLine("        }");
            }
            else
            {
                target.Append(Indent(body.ToString(), "        "));
            }

            target.AppendLine("    }");
            target.AppendLine();
            if (c.Helpers.Length > 0)
            {
                target.AppendLine(Indent(c.Helpers.Replace("{id}", sink.Id, StringComparison.Ordinal), "    "));
            }
        }

        return $$"""
            #pragma warning disable CS1998, CS0162, CS0219, CS8321, CS8600, CS8602, CS8604
            using System;
            using System.Buffers;
            using System.Collections.Generic;
            using System.IO;
            using System.IO.Compression;
            using System.IO.Ports;
            using System.Linq;
            using System.Net;
            using System.Net.Sockets;
            using System.Text;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;
            using MQTTnet;
            using NModbus;
            using Matrix.Support;

            namespace Matrix;

            public class Cases : CaseBase
            {
            {{plain}}
            }

            [ApiController]
            [Route("matrix")]
            public class WebCases : ControllerBase
            {
                private static readonly byte[] Table = new byte[16];
                private static readonly System.Net.Http.HttpClient Client = new();
                private static readonly ILogger Log = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

                private static void Work() { }

            {{web}}
            }
            """;
    }

    private static readonly Lazy<(string, string)[]> Libraries = new(() => new[] { Read("Taint/StubsIndustrial.cs"), Read("Taint/StubsData.cs") });

    private static (string Path, string Text) Read(string path) => (path, File.ReadAllText(Path.Combine(AnalyzerVerifier.CasesDirectory, path)));

    private static string Indent(string text, string indent) =>
        string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : indent + line)) + "\n";
}
