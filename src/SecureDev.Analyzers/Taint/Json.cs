using System.Globalization;
using System.Text;

namespace SecureDev.Analyzers.Taint;

/// <summary>
/// A small JSON reader for the taint configuration (netstandard2.0 has no System.Text.Json, and an analyzer should not
/// carry a dependency for this). Objects become <see cref="Dictionary{TKey,TValue}"/> of string to value, arrays
/// <see cref="List{T}"/>, strings <see cref="string"/>, numbers <see cref="double"/>, and true/false/null themselves.
/// Comments (// and /* */) and trailing commas are accepted, as in .editorconfig-adjacent files users write by hand.
/// </summary>
internal sealed class Json
{
    private readonly string _text;
    private int _position;

    private Json(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>; on malformed input returns false and a message with the line and column.</summary>
    public static bool TryParse(string text, out object? value, out string error)
    {
        var reader = new Json(text);
        try
        {
            reader.SkipWhitespace();
            value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader._position != text.Length)
            {
                throw reader.Error("unexpected text after the end of the document");
            }

            error = string.Empty;
            return true;
        }
        catch (FormatException exception)
        {
            value = null;
            error = exception.Message;
            return false;
        }
    }

    private object? ReadValue(int depth)
    {
        if (depth > 64)
        {
            throw Error("nesting is too deep");
        }

        if (_position >= _text.Length)
        {
            throw Error("unexpected end of the document");
        }

        switch (_text[_position])
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                return ReadString();
            case 't':
                Expect("true");
                return true;
            case 'f':
                Expect("false");
                return false;
            case 'n':
                Expect("null");
                return null;
            default:
                return ReadNumber();
        }
    }

    private Dictionary<string, object?> ReadObject(int depth)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        _position++;
        while (true)
        {
            SkipWhitespace();
            if (Peek() == '}')
            {
                _position++;
                return result;
            }

            if (Peek() != '"')
            {
                throw Error("expected a property name in double quotes");
            }

            var name = ReadString();
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Error("expected ':' after the property name");
            }

            _position++;
            SkipWhitespace();
            result[name] = ReadValue(depth + 1);
            SkipWhitespace();
            if (Peek() == ',')
            {
                _position++;
            }
            else if (Peek() != '}')
            {
                throw Error("expected ',' or '}'");
            }
        }
    }

    private List<object?> ReadArray(int depth)
    {
        var result = new List<object?>();
        _position++;
        while (true)
        {
            SkipWhitespace();
            if (Peek() == ']')
            {
                _position++;
                return result;
            }

            result.Add(ReadValue(depth + 1));
            SkipWhitespace();
            if (Peek() == ',')
            {
                _position++;
            }
            else if (Peek() != ']')
            {
                throw Error("expected ',' or ']'");
            }
        }
    }

    private string ReadString()
    {
        var builder = new StringBuilder();
        _position++;
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("unterminated string");
            }

            var c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                throw Error("unterminated escape");
            }

            var escape = _text[_position++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u' when _position + 4 <= _text.Length
                              && int.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw Error("invalid escape sequence");
            }
        }
    }

    private double ReadNumber()
    {
        var start = _position;
        while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
        {
            _position++;
        }

        if (start == _position || !double.TryParse(_text.Substring(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            _position = start;
            throw Error("unexpected character");
        }

        return number;
    }

    private void Expect(string word)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
        {
            throw Error("unexpected character");
        }

        _position += word.Length;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhitespace()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                _position = end < 0 ? _text.Length : end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private FormatException Error(string message)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < _position && i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new FormatException($"({line},{column}): {message}");
    }
}
