using System.Runtime.CompilerServices;
using static SecureDev.Analyzers.Common.Jit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SecureDev.Analyzers.Taint;

/// <summary>
/// Which members can hold untrusted data, decided from names alone before any flow analysis runs, so that the engine
/// analyzes only methods that touch a source or reach one through another member. One pass over the identifiers of the
/// compilation: a member is in reach when it mentions a source name (a source member or type) or the name of a member
/// in reach (a method that returns a source, a field a member in reach assigns). It over-approximates on purpose (names,
/// not symbols), so it never hides a flow the engine would find; what it saves is the analysis of every other method.
/// </summary>
internal sealed class SourceReach
{
    /// <summary>Words after which a name is read, not declared ("return x", "new T", "in items", "is null").</summary>
    private static readonly string[] NotDeclaring =
    {
        "return", "new", "in", "is", "as", "await", "yield", "case", "else", "out", "ref", "throw", "goto", "when", "and", "or",
        "not", "select", "where", "orderby", "group", "by", "on", "equals", "ascending", "descending", "do", "lock", "typeof",
        "sizeof", "nameof", "default", "checked", "unchecked", "stackalloc", "with", "this", "base",
    };

    /// <summary>Calls that fill the receiver: _items.Add(x) stores x into _items as an assignment would.</summary>
    private static readonly string[] Mutators =
    {
        "Add", "AddRange", "Insert", "InsertRange", "Enqueue", "Push", "TryAdd", "AddOrUpdate", "GetOrAdd", "Append", "AppendLine",
        "AppendFormat", "Write", "WriteLine", "CopyTo", "Set", "SetValue", "Post", "SendAsync", "TryWrite", "WriteAsync",
    };

    private static readonly List<int> NoUsers = new();

    private readonly NameTable _table = new();
    private readonly List<SyntaxNode> _declarations = new();
    private readonly List<int[]> _stored = new();
    /// <summary>The declarations in reach, each with its index among them (the engine keeps a result slot per index).</summary>
    private readonly Dictionary<SyntaxNode, int> _inReach = new();
    private readonly List<List<int>?> _users = new();

    /// <param name="sourceNames">Names of sources: a member mentioning one is in reach, and so is whoever mentions its name.</param>
    /// <param name="entryNames">Names that mark entry points (HttpGet, MapGet, args): a member mentioning one is in reach, but
    /// only what it stores in fields reaches others (nobody consumes an action's return value).</param>
    [MethodImpl(Hot)]
    public SourceReach(Compilation compilation, IEnumerable<string> sourceNames, IEnumerable<string> entryNames, CancellationToken cancellationToken)
    {
        var reader = new MemberReader(_table);
        var names = new List<int[]>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The text as one string: for a file's text (StringText) that is the string it holds, no copy.
            var text = tree.GetText(cancellationToken).ToString();
            foreach (var declaration in Declarations(tree.GetRoot(cancellationToken)))
            {
                var member = _declarations.Count;
                reader.Read(declaration, text);
                _declarations.Add(declaration);
                _stored.Add(ToArray(reader.Stored));
                names.Add(ToArray(reader.Names));
                foreach (var name in reader.Mentioned)
                {
                    while (_users.Count <= name)
                    {
                        _users.Add(null);
                    }

                    (_users[name] ??= new List<int>()).Add(member);
                }
            }
        }

        var reached = new bool[_declarations.Count];
        var named = new bool[_table.Count];
        var pending = new Stack<int>();
        void Reach(int name)
        {
            if (name >= 0 && !named[name])
            {
                named[name] = true;
                pending.Push(name);
            }
        }

        foreach (var name in sourceNames)
        {
            Reach(_table.Find(name));
        }

        foreach (var entryName in entryNames)
        {
            foreach (var member in Users(_table.Find(entryName)))
            {
                MarkInReach(_declarations[member]);
                foreach (var stored in _stored[member])
                {
                    Reach(stored);
                }
            }
        }

        while (pending.Count > 0)
        {
            foreach (var member in Users(pending.Pop()))
            {
                if (reached[member])
                {
                    continue;
                }

                reached[member] = true;
                MarkInReach(_declarations[member]);
                foreach (var name in names[member])
                {
                    Reach(name);
                }
            }
        }
    }

    /// <summary>The declarations in reach that store into a field or property called <paramref name="name"/>.</summary>
    public IEnumerable<SyntaxNode> Writing(string name)
    {
        var id = _table.Find(name);
        foreach (var member in Users(id))
        {
            if (Array.IndexOf(_stored[member], id) >= 0 && _inReach.ContainsKey(_declarations[member]))
            {
                yield return _declarations[member];
            }
        }
    }

    /// <summary>The declarations in reach that mention <paramref name="name"/>.</summary>
    public IEnumerable<SyntaxNode> Mentioning(string name)
    {
        foreach (var member in Users(_table.Find(name)))
        {
            if (_inReach.ContainsKey(_declarations[member]))
            {
                yield return _declarations[member];
            }
        }
    }

    /// <summary>How many declarations are in reach.</summary>
    public int Count => _inReach.Count;

    /// <summary>True when the member declared by <paramref name="declaration"/> (or enclosing it) may see untrusted data.</summary>
    public bool InReach(SyntaxNode? declaration) => IndexInReach(declaration) >= 0;

    /// <summary>The index among the declarations in reach of the member declared by (or enclosing) <paramref name="declaration"/>, or -1.</summary>
    public int IndexInReach(SyntaxNode? declaration)
    {
        for (var node = declaration; node is not null; node = node.Parent)
        {
            if (IsDeclaration(node))
            {
                return _inReach.TryGetValue(node, out var index) ? index : -1;
            }
        }

        return -1;
    }

    private void MarkInReach(SyntaxNode declaration)
    {
        if (!_inReach.ContainsKey(declaration))
        {
            _inReach.Add(declaration, _inReach.Count);
        }
    }

    /// <summary>The members mentioning the name with id <paramref name="name"/> (none for -1, a name no member spells).</summary>
    private List<int> Users(int name) => name >= 0 && name < _users.Count ? _users[name] ?? NoUsers : NoUsers;

    private static int[] ToArray(HashSet<int> names)
    {
        if (names.Count == 0)
        {
            return Array.Empty<int>();
        }

        var array = new int[names.Count];
        names.CopyTo(array);
        return array;
    }

    private static bool IsDeclaration(SyntaxNode node) =>
        node is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or FieldDeclarationSyntax or CompilationUnitSyntax;

    /// <summary>The member declarations of a file, each once: members, primary constructor parameter lists, and the
    /// compilation unit itself when it holds top-level statements.</summary>
    internal static IEnumerable<SyntaxNode> Declarations(SyntaxNode root)
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            switch (node)
            {
                case CompilationUnitSyntax unit:
                    if (unit.Members.Any(m => m is GlobalStatementSyntax))
                    {
                        yield return unit;
                    }

                    foreach (var member in unit.Members)
                    {
                        if (member is not GlobalStatementSyntax)
                        {
                            stack.Push(member);
                        }
                    }

                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    foreach (var member in ns.Members)
                    {
                        stack.Push(member);
                    }

                    break;
                case TypeDeclarationSyntax type:
                    foreach (var member in type.Members)
                    {
                        stack.Push(member);
                    }

                    // A primary constructor's parameters are read by every member that captures them, like fields.
                    // (Found among the children: the Roslyn the analyzers compile against has ParameterList on records only.)
                    foreach (var child in type.ChildNodes())
                    {
                        if (child is ParameterListSyntax)
                        {
                            yield return child;
                        }
                    }

                    break;
                case BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or FieldDeclarationSyntax:
                    yield return node;
                    break;
            }
        }
    }

    /// <summary>
    /// Reads one member from the source text: the names it mentions, the fields and properties it stores into, and the
    /// names a reader of it may receive data through (its own, and what it stores). Stores are recognized from the tokens
    /// around a name (an assignment, ++, ref/out, an element store, a filling call like Add); a name the member declares
    /// as a local or parameter is not a store. Where the tokens are ambiguous the reader errs toward a store.
    /// </summary>
    private sealed class MemberReader
    {
        private readonly NameTable _table;
        private readonly NameScanner _scanner;
        // The reader's own words are the first names its fresh table interns, so each set is a range of ids: a test
        // per token is two comparisons, not a hash lookup.
        private readonly int _notDeclaringEnd;
        private readonly int _mutatorsEnd;
        private readonly int _this;
        private readonly int _ref;
        private readonly int _out;
        private readonly int _discard;
        private readonly List<int> _written = new();
        private readonly List<(int Receiver, int Name)> _typeQualified = new();
        private readonly HashSet<int> _locals = new();
        private readonly List<int> _mentioned = new();
        private int[] _seenIn = new int[1024];
        private int _member;
        private int _count;
        private readonly HashSet<int> _stored = new();
        private readonly HashSet<int> _names = new();

        public MemberReader(NameTable table)
        {
            _table = table;
            _scanner = new NameScanner(table);
            if (table.Count != 0)
            {
                throw new ArgumentException("The reader's words must be the first names of the table.", nameof(table));
            }

            foreach (var word in NotDeclaring)
            {
                Intern(word);
            }

            _notDeclaringEnd = table.Count;
            foreach (var word in Mutators)
            {
                Intern(word);
            }

            _mutatorsEnd = table.Count;
            _this = Intern("this");
            _ref = Intern("ref");
            _out = Intern("out");
            _discard = Intern("_");
        }

        public List<int> Mentioned => _mentioned;

        public HashSet<int> Stored => _stored;

        public HashSet<int> Names => _names;

        [MethodImpl(Hot)]
        public void Read(SyntaxNode declaration, string text)
        {
            _written.Clear();
            _typeQualified.Clear();
            _locals.Clear();
            _mentioned.Clear();
            _stored.Clear();
            _names.Clear();
            var span = declaration is CompilationUnitSyntax unit ? GlobalStatementsSpan(unit) : declaration.Span;
            _scanner.Scan(text, span.Start, span.End);
            var tokens = _scanner.Tokens;
            _count = _scanner.Count;
            _member++;
            for (var k = 0; k < _count; k++)
            {
                var name = tokens[k].Name;
                if (name < 0)
                {
                    continue;
                }

                if (name >= _seenIn.Length)
                {
                    Array.Resize(ref _seenIn, Math.Max(name + 1, _seenIn.Length * 2));
                }

                if (_seenIn[name] != _member)
                {
                    _seenIn[name] = _member;
                    _mentioned.Add(name);
                }

                if (Declares(tokens, k))
                {
                    _locals.Add(name);
                }
                else if (name != _discard && name != _this && IsStore(tokens, k))
                {
                    if (!IsPunctuation(tokens, k - 1, '.'))
                    {
                        _written.Add(name);
                    }
                    else if (k >= 2 && tokens[k - 2].Name >= 0 && !IsPunctuation(tokens, k - 3, '.'))
                    {
                        // this.Value = x and Type.Value = x store into a member every reader shares; o.Value = x stores
                        // into the object o (its callers see it through o).
                        var receiver = tokens[k - 2].Name;
                        if (receiver == _this)
                        {
                            _stored.Add(name);
                        }
                        else if (char.IsUpper(_table[receiver][0]))
                        {
                            _typeQualified.Add((receiver, name));
                        }
                    }
                }
            }

            foreach (var name in _written)
            {
                if (!_locals.Contains(name))
                {
                    _stored.Add(name);
                }
            }

            foreach (var (receiver, name) in _typeQualified)
            {
                if (!_locals.Contains(receiver))
                {
                    _stored.Add(name);
                }
            }

            // A method that returns nothing hands nothing to its callers by its name (only through what it stores).
            switch (declaration)
            {
                case MethodDeclarationSyntax method when !ReturnsNothing(method.ReturnType):
                    _names.Add(Intern(method.Identifier.ValueText));
                    break;
                case ConstructorDeclarationSyntax constructor:
                    _names.Add(Intern(constructor.Identifier.ValueText));
                    break;
                case PropertyDeclarationSyntax property:
                    _names.Add(Intern(property.Identifier.ValueText));
                    break;
                case IndexerDeclarationSyntax:
                    _names.Add(Intern("this[]"));
                    break;
                case FieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        _names.Add(Intern(variable.Identifier.ValueText));
                    }

                    break;
                case ParameterListSyntax primaryConstructor:
                    foreach (var parameter in primaryConstructor.Parameters)
                    {
                        _names.Add(Intern(parameter.Identifier.ValueText));
                    }

                    break;
                case CompilationUnitSyntax:
                    _names.Add(Intern("<Main>$"));
                    break;
            }

            _names.UnionWith(_stored);
        }

        /// <summary>A name right after a type: "var x", "string name", "List&lt;T&gt; items", "byte[] buffer", "int? count".</summary>
        [MethodImpl(Hot)]
        private bool Declares(NameToken[] tokens, int k)
        {
            if (k == 0)
            {
                return false;
            }

            var previous = tokens[k - 1];
            if (previous.Name >= 0)
            {
                return previous.Name >= _notDeclaringEnd;
            }

            return previous.Punctuation switch
            {
                '>' => !previous.Spaced && !IsPunctuation(tokens, k - 2, '=') && !IsPunctuation(tokens, k - 2, '-'),
                ']' => IsPunctuation(tokens, k - 2, '[') || IsPunctuation(tokens, k - 2, ','),
                '?' => !previous.Spaced,
                _ => false,
            };
        }

        [MethodImpl(Hot)]
        private bool IsStore(NameToken[] tokens, int k)
        {
            // ++x, --x; ref x and out x (but not "out var x", where the name after "out" is a type).
            if (k >= 2 && IsPair(tokens, k - 2, '+', '+') || k >= 2 && IsPair(tokens, k - 2, '-', '-'))
            {
                return true;
            }

            if (k >= 1 && (tokens[k - 1].Name == _ref || tokens[k - 1].Name == _out))
            {
                return k + 1 >= _count || tokens[k + 1].Name < 0;
            }

            // x[i] = v stores into x, as x = v does.
            var after = k + 1;
            while (IsPunctuation(tokens, after, '['))
            {
                after = Closing(tokens, after);
            }

            if (IsAssignment(tokens, after) || IsPair(tokens, after, '+', '+') || IsPair(tokens, after, '-', '-'))
            {
                return true;
            }

            // x.Add(v), x?.Append(v)
            if (IsPunctuation(tokens, after, '?'))
            {
                after++;
            }

            return IsPunctuation(tokens, after, '.')
                   && after + 2 < _count
                   && tokens[after + 1].Name >= _notDeclaringEnd && tokens[after + 1].Name < _mutatorsEnd
                   && IsPunctuation(tokens, after + 2, '(');
        }

        /// <summary>"=" (not "==" or "=>"), or a compound assignment: "+=", "??=", "&lt;&lt;=" and the rest.</summary>
        [MethodImpl(Hot)]
        private bool IsAssignment(NameToken[] tokens, int at)
        {
            if (at >= _count || tokens[at].Name >= 0)
            {
                return false;
            }

            var first = tokens[at].Punctuation;
            if (first == '=')
            {
                return !(at + 1 < _count && !tokens[at + 1].Spaced && tokens[at + 1].Punctuation is '=' or '>');
            }

            var next = at + 1;
            if (first is '?' or '<' or '>')
            {
                // ??=, <<=, >>= (but not <=, >=, ?.)
                if (!IsAdjacent(tokens, next, first))
                {
                    return false;
                }

                next++;
                if (first == '>' && IsAdjacent(tokens, next, '>'))
                {
                    next++;
                }
            }
            else if (first is not ('+' or '-' or '*' or '/' or '%' or '&' or '|' or '^'))
            {
                return false;
            }

            return IsAdjacent(tokens, next, '=') && !IsAdjacent(tokens, next + 1, '=');
        }

        private int Closing(NameToken[] tokens, int open)
        {
            var depth = 0;
            for (var i = open; i < _count; i++)
            {
                if (tokens[i].Name < 0)
                {
                    depth += tokens[i].Punctuation == '[' ? 1 : tokens[i].Punctuation == ']' ? -1 : 0;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                }
            }

            return _count;
        }

        private bool IsPunctuation(NameToken[] tokens, int at, char punctuation) =>
            at >= 0 && at < _count && tokens[at].Name < 0 && tokens[at].Punctuation == punctuation;

        private bool IsPair(NameToken[] tokens, int at, char first, char second) =>
            IsPunctuation(tokens, at, first) && IsAdjacent(tokens, at + 1, second);

        private bool IsAdjacent(NameToken[] tokens, int at, char punctuation) =>
            IsPunctuation(tokens, at, punctuation) && !tokens[at].Spaced;

        private int Intern(string name) => _table.Intern(name);

        private static TextSpan GlobalStatementsSpan(CompilationUnitSyntax unit)
        {
            var statements = unit.Members.OfType<GlobalStatementSyntax>().ToList();
            return TextSpan.FromBounds(statements[0].SpanStart, statements[statements.Count - 1].Span.End);
        }
    }


    private static bool ReturnsNothing(TypeSyntax type) =>
        type is PredefinedTypeSyntax predefined && predefined.Keyword.IsKind(SyntaxKind.VoidKeyword)
        || type is IdentifierNameSyntax { Identifier.ValueText: "Task" or "ValueTask" };
}
