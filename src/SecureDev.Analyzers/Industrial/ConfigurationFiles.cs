using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// The configuration files the industrial rules read when the project passes them as AdditionalFiles: OPC UA
/// application configurations (*.Config.xml, root element ApplicationConfiguration) and appsettings*.json. Each file
/// is parsed once per text and shared by the analyzers that look at it; a file that does not parse yields nothing.
/// No file is opened: the text comes from the compiler.
/// </summary>
internal static class ConfigurationFiles
{
    private static readonly ConditionalWeakTable<SourceText, XmlElementNode> XmlCache = new();
    private static readonly ConditionalWeakTable<SourceText, JsonSettings> JsonCache = new();
    private static readonly XmlElementNode NoXml = new("", null, default);

    /// <summary>The root of an OPC UA application configuration file, or null for any other file.</summary>
    public static XmlElementNode? OpcUaConfiguration(AdditionalText file, CancellationToken cancellationToken)
    {
        if (!file.Path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || file.GetText(cancellationToken) is not { } text)
        {
            return null;
        }

        var root = XmlCache.GetValue(text, ParseXml);
        return root.Name == "ApplicationConfiguration" ? root : null;
    }

    /// <summary>The scalar settings of an appsettings*.json file, or null for any other file.</summary>
    public static JsonSettings? AppSettings(AdditionalText file, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file.Path);
        if (!name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) || !name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || file.GetText(cancellationToken) is not { } text)
        {
            return null;
        }

        return JsonCache.GetValue(text, t => JsonSettings.Parse(t));
    }

    /// <summary>A location in an additional file, from a zero-based line and column to the end of that line's content.</summary>
    public static Location LocationOf(AdditionalText file, SourceText text, LinePosition start)
    {
        if (start.Line >= text.Lines.Count)
        {
            return Location.None;
        }

        var line = text.Lines[start.Line];
        var content = line.ToString();
        var end = content.TrimEnd().Length;
        var column = Math.Min(start.Character, end);
        var span = TextSpan.FromBounds(line.Start + column, line.Start + end);
        return Location.Create(file.Path, span, new LinePositionSpan(new LinePosition(start.Line, column), new LinePosition(start.Line, end)));
    }

    private static XmlElementNode ParseXml(SourceText text)
    {
        var content = text.ToString();
        if (content.IndexOf("ApplicationConfiguration", StringComparison.Ordinal) < 0)
        {
            return NoXml;
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(content), settings);
            var info = (IXmlLineInfo)reader;
            XmlElementNode? root = null;
            var open = new Stack<XmlElementNode>();
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var parent = open.Count > 0 ? open.Peek() : null;
                        // LinePosition points at the name; the tag starts one character earlier.
                        var node = new XmlElementNode(reader.LocalName, parent, new LinePosition(info.LineNumber - 1, Math.Max(0, info.LinePosition - 2)));
                        parent?.Children.Add(node);
                        root ??= node;
                        if (!reader.IsEmptyElement)
                        {
                            open.Push(node);
                        }

                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA when open.Count > 0:
                        open.Peek().Value += reader.Value.Trim();
                        break;
                    case XmlNodeType.EndElement when open.Count > 0:
                        open.Pop();
                        break;
                }
            }

            return root ?? NoXml;
        }
        catch (XmlException)
        {
            return NoXml;
        }
    }
}

/// <summary>An element of an XML configuration file: its local name, its text, where its start tag is, its children.</summary>
internal sealed class XmlElementNode
{
    public XmlElementNode(string name, XmlElementNode? parent, LinePosition start)
    {
        Name = name;
        Parent = parent;
        Start = start;
    }

    public string Name { get; }

    public XmlElementNode? Parent { get; }

    public LinePosition Start { get; }

    public string Value { get; set; } = string.Empty;

    public List<XmlElementNode> Children { get; } = new();

    public XmlElementNode? Child(string name)
    {
        foreach (var child in Children)
        {
            if (child.Name == name)
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>Every element below this one, depth first.</summary>
    public IEnumerable<XmlElementNode> Descendants()
    {
        var stack = new Stack<XmlElementNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!ReferenceEquals(node, this))
            {
                yield return node;
            }

            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(node.Children[i]);
            }
        }
    }

    /// <summary>The element's value as the data contract serializer writes an enum ("None_1") or a plain value.</summary>
    public string EnumName
    {
        get
        {
            var underscore = Value.LastIndexOf('_');
            return underscore > 0 && underscore < Value.Length - 1 && char.IsDigit(Value[underscore + 1]) ? Value.Substring(0, underscore) : Value;
        }
    }

    public bool IsTrue => Value.Equals("true", StringComparison.OrdinalIgnoreCase);

    public bool IsFalse => Value.Equals("false", StringComparison.OrdinalIgnoreCase);

    public bool TryGetInteger(out long value) =>
        long.TryParse(Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value);
}

/// <summary>
/// The scalar values of a JSON configuration file, keyed the way Microsoft.Extensions.Configuration keys them
/// ("AmsRouter:RemoteConnections:0:Tls:Insecure"), with where each value is. Comments and trailing commas are
/// accepted, as the configuration JSON reader accepts them.
/// </summary>
internal sealed class JsonSettings
{
    private JsonSettings(List<JsonSetting> values) => Values = values;

    public IReadOnlyList<JsonSetting> Values { get; }

    public static JsonSettings Parse(SourceText text)
    {
        var values = new List<JsonSetting>();
        var parser = new Parser(text.ToString(), text, values);
        try
        {
            parser.SkipTrivia();
            parser.Value(new List<string>());
        }
        catch (FormatException)
        {
            // A file that does not parse as a whole still yields the values read before the error.
        }

        return new JsonSettings(values);
    }

    private sealed class Parser
    {
        private readonly string _json;
        private readonly SourceText _text;
        private readonly List<JsonSetting> _values;
        private int _position;

        public Parser(string json, SourceText text, List<JsonSetting> values)
        {
            _json = json;
            _text = text;
            _values = values;
        }

        public void Value(List<string> path)
        {
            SkipTrivia();
            if (_position >= _json.Length)
            {
                throw new FormatException();
            }

            switch (_json[_position])
            {
                case '{':
                    _position++;
                    Members(path);
                    break;
                case '[':
                    _position++;
                    Elements(path);
                    break;
                default:
                    var start = _position;
                    var scalar = _json[_position] == '"' ? ReadString() : ReadBare();
                    _values.Add(new JsonSetting(string.Join(":", path), scalar, _text.Lines.GetLinePosition(start)));
                    break;
            }
        }

        private void Members(List<string> path)
        {
            while (true)
            {
                SkipTrivia();
                Expect();
                if (_json[_position] == '}')
                {
                    _position++;
                    return;
                }

                if (_json[_position] != '"')
                {
                    throw new FormatException();
                }

                var name = ReadString();
                SkipTrivia();
                Expect();
                if (_json[_position] != ':')
                {
                    throw new FormatException();
                }

                _position++;
                path.Add(name);
                Value(path);
                path.RemoveAt(path.Count - 1);
                SkipSeparator('}');
            }
        }

        private void Elements(List<string> path)
        {
            for (var index = 0; ; index++)
            {
                SkipTrivia();
                Expect();
                if (_json[_position] == ']')
                {
                    _position++;
                    return;
                }

                path.Add(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Value(path);
                path.RemoveAt(path.Count - 1);
                SkipSeparator(']');
            }
        }

        private void SkipSeparator(char close)
        {
            SkipTrivia();
            Expect();
            if (_json[_position] == ',')
            {
                _position++;
            }
            else if (_json[_position] != close)
            {
                throw new FormatException();
            }
        }

        private string ReadString()
        {
            var builder = new StringBuilder();
            _position++;
            while (_position < _json.Length && _json[_position] != '"')
            {
                if (_json[_position] == '\\' && _position + 1 < _json.Length)
                {
                    _position++;
                }

                builder.Append(_json[_position]);
                _position++;
            }

            Expect();
            _position++;
            return builder.ToString();
        }

        private string ReadBare()
        {
            var start = _position;
            while (_position < _json.Length && _json[_position] is not (',' or '}' or ']' or '/') && !char.IsWhiteSpace(_json[_position]))
            {
                _position++;
            }

            if (_position == start)
            {
                throw new FormatException();
            }

            return _json.Substring(start, _position - start);
        }

        public void SkipTrivia()
        {
            while (_position < _json.Length)
            {
                var c = _json[_position];
                if (char.IsWhiteSpace(c))
                {
                    _position++;
                }
                else if (c == '/' && _position + 1 < _json.Length && _json[_position + 1] == '/')
                {
                    while (_position < _json.Length && _json[_position] != '\n')
                    {
                        _position++;
                    }
                }
                else if (c == '/' && _position + 1 < _json.Length && _json[_position + 1] == '*')
                {
                    var end = _json.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                    _position = end < 0 ? _json.Length : end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private void Expect()
        {
            if (_position >= _json.Length)
            {
                throw new FormatException();
            }
        }
    }
}

/// <summary>One scalar of a JSON configuration file: its configuration key, its text and where the value starts.</summary>
internal readonly struct JsonSetting
{
    public JsonSetting(string key, string value, LinePosition start)
    {
        Key = key;
        Value = value;
        Start = start;
    }

    public string Key { get; }

    public string Value { get; }

    public LinePosition Start { get; }
}
