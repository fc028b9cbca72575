using System.Runtime.CompilerServices;
using static SecureDev.Analyzers.Common.Jit;
namespace SecureDev.Analyzers.Taint;

/// <summary>One token of C# text as the reach pass sees it: a name (interned), or one punctuation character.</summary>
internal readonly struct NameToken
{
    public NameToken(int name, char punctuation, bool spaced)
    {
        Name = name;
        Punctuation = punctuation;
        Spaced = spaced;
    }

    /// <summary>The name's id in the <see cref="NameTable"/>, or -1 for punctuation and literals.</summary>
    public int Name { get; }

    /// <summary>The character of a punctuation token; '"' stands for any string, '0' for any number or character literal.</summary>
    public char Punctuation { get; }

    /// <summary>True when whitespace or a comment separates the token from the one before it (">>" from "> >").</summary>
    public bool Spaced { get; }
}

/// <summary>
/// Splits C# source text into names and punctuation, skipping comments, preprocessor lines and the text of string
/// literals but reading the code inside interpolation holes. A lexer this small reads a whole compilation far faster
/// than a walk of its syntax trees, which is what lets the reach pass run on every compilation.
/// </summary>
internal sealed class NameScanner
{
    // What a character starts, for the ASCII range (everything else is looked up with char.Is*).
    private const byte Other = 0, Space = 1, Letter = 2, Digit = 3;
    private static readonly byte[] Classes = CharacterClasses();

    private readonly NameTable _names;
    private NameToken[] _tokens = new NameToken[256];
    private string _text = string.Empty;
    private bool _spaced;

    public NameScanner(NameTable names) => _names = names;

    /// <summary>The tokens of the last <see cref="Scan"/>, the first <see cref="Count"/> of this array.</summary>
    public NameToken[] Tokens => _tokens;

    public int Count { get; private set; }

    public void Scan(string text, int start, int end)
    {
        Count = 0;
        _text = text;
        _spaced = true;
        Code(start, end, hole: false);
    }

    /// <summary>Reads code up to <paramref name="end"/>, or inside a hole up to its closing brace (returned at it).</summary>
    [MethodImpl(Hot)]
    private int Code(int i, int end, bool hole)
    {
        var text = _text;
        var depth = 0;
        while (i < end)
        {
            var c = text[i];
            var kind = c < 128 ? Classes[c] : char.IsLetter(c) ? Letter : char.IsWhiteSpace(c) ? Space : Other;
            if (kind == Space)
            {
                _spaced = true;
                i++;
            }
            else if (c == '/' && i + 1 < end && text[i + 1] == '/' || c == '#')
            {
                i = LineEnd(i, end);
                _spaced = true;
            }
            else if (c == '/' && i + 1 < end && text[i + 1] == '*')
            {
                i = CommentEnd(i + 2, end);
                _spaced = true;
            }
            else if (kind == Letter)
            {
                i = Name(i, end);
            }
            else if (c == '@' && i + 1 < end && (char.IsLetter(text[i + 1]) || text[i + 1] == '_'))
            {
                i = Name(i + 1, end);
            }
            else if (c == '"' || (c is '@' or '$' && i + 1 < end && text[i + 1] is '"' or '@' or '$'))
            {
                i = StringLiteral(i, end);
                Add(-1, '"');
            }
            else if (kind == Digit || c == '\'')
            {
                i = c == '\'' ? CharacterEnd(i + 1, end) : NumberEnd(i, end);
                Add(-1, '0');
            }
            else if (hole && c == '}' && depth == 0)
            {
                return i;
            }
            else
            {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                Add(-1, c);
                i++;
            }
        }

        return i;
    }

    [MethodImpl(Hot)]
    private int Name(int start, int end)
    {
        var text = _text;
        var hash = NameTable.Start;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c < 128 ? Classes[c] is not (Letter or Digit) : !char.IsLetterOrDigit(c))
            {
                break;
            }

            hash = NameTable.Step(hash, c);
            i++;
        }

        Add(_names.Intern(text, start, i - start, hash), '\0');
        return i;
    }

    private void Add(int name, char punctuation)
    {
        if (Count == _tokens.Length)
        {
            Array.Resize(ref _tokens, _tokens.Length * 2);
        }

        _tokens[Count++] = new NameToken(name, punctuation, _spaced);
        _spaced = false;
    }

    private static byte[] CharacterClasses()
    {
        var classes = new byte[128];
        for (var c = 0; c < 128; c++)
        {
            classes[c] = c == '_' || char.IsLetter((char)c) ? Letter : char.IsDigit((char)c) ? Digit : char.IsWhiteSpace((char)c) ? Space : Other;
        }

        return classes;
    }

    /// <summary>Skips a string literal of any form (regular, verbatim, raw, interpolated), reading its holes as code.</summary>
    [MethodImpl(Hot)]
    private int StringLiteral(int i, int end)
    {
        var text = _text;
        var dollars = 0;
        var verbatim = false;
        while (i < end && text[i] is '$' or '@')
        {
            dollars += text[i] == '$' ? 1 : 0;
            verbatim |= text[i] == '@';
            i++;
        }

        var quotes = 0;
        while (i < end && text[i] == '"')
        {
            quotes++;
            i++;
        }

        if (quotes == 2)
        {
            return i; // ""
        }

        var raw = quotes >= 3;
        while (i < end)
        {
            var c = text[i];
            if (c == '"')
            {
                if (!raw)
                {
                    if (verbatim && i + 1 < end && text[i + 1] == '"')
                    {
                        i += 2;
                        continue;
                    }

                    return i + 1;
                }

                var run = Run(i, end, '"');
                if (run >= quotes)
                {
                    return i + run;
                }

                i += run;
            }
            else if (c == '\\' && !verbatim && !raw)
            {
                i += 2;
            }
            else if (c == '{' && dollars > 0)
            {
                var run = Run(i, end, '{');
                if (raw ? run >= dollars : run % 2 == 1)
                {
                    i = Code(i + run, end, hole: true);
                    i += Run(i, end, '}');
                }
                else
                {
                    i += run;
                }
            }
            else if (c == '\n' && !verbatim && !raw)
            {
                return i; // unterminated, as typed in an editor
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    private int Run(int i, int end, char c)
    {
        var start = i;
        while (i < end && _text[i] == c)
        {
            i++;
        }

        return i - start;
    }

    private int LineEnd(int i, int end)
    {
        while (i < end && _text[i] != '\n')
        {
            i++;
        }

        return i;
    }

    private int CommentEnd(int i, int end)
    {
        while (i + 1 < end && !(_text[i] == '*' && _text[i + 1] == '/'))
        {
            i++;
        }

        return Math.Min(i + 2, end);
    }

    private int CharacterEnd(int i, int end)
    {
        while (i < end && _text[i] != '\'' && _text[i] != '\n')
        {
            i += _text[i] == '\\' ? 2 : 1;
        }

        return Math.Min(i + 1, end);
    }

    private int NumberEnd(int i, int end)
    {
        while (i < end && (char.IsLetterOrDigit(_text[i]) || _text[i] == '_' || (_text[i] == '.' && i + 1 < end && char.IsDigit(_text[i + 1]))))
        {
            i++;
        }

        return i;
    }
}
