using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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
    private readonly HashSet<SyntaxNode> _inReach = new();
    private readonly Dictionary<string, List<int>> _byToken = new(StringComparer.Ordinal);
    private readonly List<SyntaxNode> _declarations = new();
    private readonly List<HashSet<string>> _written = new();
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>The names that put a member in reach (for tests and diagnosis).</summary>
    public IReadOnlyCollection<string> Names => _names;

    /// <param name="sourceNames">Names of sources: a member mentioning one is in reach, and so is whoever mentions its name.</param>
    /// <param name="entryNames">Names that mark entry points (HttpGet, MapGet, args): a member mentioning one is in reach, but
    /// only what it stores in fields reaches others (nobody consumes an action's return value).</param>
    public SourceReach(Compilation compilation, IEnumerable<string> sourceNames, IEnumerable<string> entryNames, CancellationToken cancellationToken)
    {
        var members = new List<Member>();
        var byToken = _byToken;
        var scratch = new Scratch();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var declaration in Declarations(tree.GetRoot(cancellationToken)))
            {
                var member = Read(declaration, scratch);
                var index = members.Count;
                members.Add(member);
                _declarations.Add(declaration);
                _written.Add(member.Written);
                foreach (var token in scratch.Tokens)
                {
                    if (!byToken.TryGetValue(token, out var list))
                    {
                        byToken[token] = list = new List<int>();
                    }

                    list.Add(index);
                }
            }
        }

        var names = _names;
        var pending = new Stack<string>();
        foreach (var name in sourceNames)
        {
            if (names.Add(name))
            {
                pending.Push(name);
            }
        }

        var reached = new bool[members.Count];
        foreach (var entryName in entryNames)
        {
            if (byToken.TryGetValue(entryName, out var entries))
            {
                foreach (var index in entries)
                {
                    _inReach.Add(members[index].Declaration);
                    foreach (var name in members[index].Written)
                    {
                        if (names.Add(name))
                        {
                            pending.Push(name);
                        }
                    }
                }
            }
        }

        while (pending.Count > 0)
        {
            if (!byToken.TryGetValue(pending.Pop(), out var users))
            {
                continue;
            }

            foreach (var index in users)
            {
                if (reached[index])
                {
                    continue;
                }

                reached[index] = true;
                var member = members[index];
                _inReach.Add(member.Declaration);
                foreach (var name in member.Names)
                {
                    if (names.Add(name))
                    {
                        pending.Push(name);
                    }
                }
            }
        }
    }

    /// <summary>The declarations in reach that store into a field or property called <paramref name="name"/>.</summary>
    public IEnumerable<SyntaxNode> Writing(string name)
    {
        if (_byToken.TryGetValue(name, out var users))
        {
            foreach (var index in users)
            {
                if (_written[index].Contains(name) && _inReach.Contains(_declarations[index]))
                {
                    yield return _declarations[index];
                }
            }
        }
    }

    /// <summary>The declarations in reach that mention <paramref name="name"/>.</summary>
    public IEnumerable<SyntaxNode> Mentioning(string name)
    {
        if (_byToken.TryGetValue(name, out var users))
        {
            foreach (var index in users)
            {
                if (_inReach.Contains(_declarations[index]))
                {
                    yield return _declarations[index];
                }
            }
        }
    }

    /// <summary>True when the member declared by <paramref name="declaration"/> (or enclosing it) may see untrusted data.</summary>
    public bool InReach(SyntaxNode? declaration)
    {
        for (var node = declaration; node is not null; node = node.Parent)
        {
            if (IsDeclaration(node))
            {
                return _inReach.Contains(node);
            }
        }

        return false;
    }

    private static bool IsDeclaration(SyntaxNode node) =>
        node is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or FieldDeclarationSyntax or CompilationUnitSyntax;

    private static IEnumerable<SyntaxNode> Declarations(SyntaxNode root)
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

                    break;
                case BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or FieldDeclarationSyntax:
                    yield return node;
                    break;
            }
        }
    }

    /// <summary>
    /// What a member declares and stores into; the names it mentions are left in <paramref name="scratch"/>'s Tokens
    /// until the next member is read. The working sets are reused across members: the pass reads every member of the
    /// compilation, and growing fresh sets for each was most of its cost.
    /// </summary>
    private static Member Read(SyntaxNode declaration, Scratch scratch)
    {
        var tokens = scratch.Tokens;
        var written = scratch.Written;
        var locals = scratch.Locals;
        var typeQualified = scratch.TypeQualified;
        tokens.Clear();
        written.Clear();
        locals.Clear();
        typeQualified.Clear();
        var names = new HashSet<string>(StringComparer.Ordinal);
        switch (declaration)
        {
            // A method that returns nothing hands nothing to its callers by its name (only through what it writes).
            case MethodDeclarationSyntax method when !ReturnsNothing(method.ReturnType):
                names.Add(method.Identifier.ValueText);
                break;
            case ConstructorDeclarationSyntax constructor:
                names.Add(constructor.Identifier.ValueText);
                break;
            case PropertyDeclarationSyntax property:
                names.Add(property.Identifier.ValueText);
                break;
            case IndexerDeclarationSyntax:
                names.Add("this[]");
                break;
            case FieldDeclarationSyntax field:
                foreach (var variable in field.Declaration.Variables)
                {
                    names.Add(variable.Identifier.ValueText);
                }

                break;
            case CompilationUnitSyntax:
                names.Add("<Main>$");
                break;
        }

        IEnumerable<SyntaxNode> nodes = declaration is CompilationUnitSyntax unit
            ? unit.Members.OfType<GlobalStatementSyntax>().SelectMany(s => s.DescendantNodes())
            : declaration.DescendantNodes();
        foreach (var node in nodes)
        {
            switch (node)
            {
                case SimpleNameSyntax name:
                    var text = name.Identifier.ValueText;
                    tokens.Add(text);
                    if (IsWritten(name))
                    {
                        // o.Value = x stores into the object o (its callers see it through o), not into a field
                        // every reader of Value shares; this.Value = x and Type.Value = x do.
                        if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name)
                        {
                            if (access.Expression is ThisExpressionSyntax)
                            {
                                written.Add(text);
                            }
                            else if (access.Expression is IdentifierNameSyntax receiver && char.IsUpper(receiver.Identifier.ValueText, 0))
                            {
                                typeQualified.Add((receiver.Identifier.ValueText, text));
                            }
                        }
                        else
                        {
                            written.Add(text);
                        }
                    }

                    break;
                case VariableDeclaratorSyntax variable:
                    locals.Add(variable.Identifier.ValueText);
                    break;
                case ParameterSyntax parameter:
                    locals.Add(parameter.Identifier.ValueText);
                    break;
                case SingleVariableDesignationSyntax designation:
                    locals.Add(designation.Identifier.ValueText);
                    break;
                case ForEachStatementSyntax forEach:
                    locals.Add(forEach.Identifier.ValueText);
                    break;
            }
        }

        if (declaration is BaseMethodDeclarationSyntax { ParameterList: { } parameters })
        {
            foreach (var parameter in parameters.Parameters)
            {
                locals.Add(parameter.Identifier.ValueText);
            }
        }

        // What the member stores into fields and properties (not its own locals) reaches whoever reads them.
        var stored = written.Count == 0 && typeQualified.Count == 0 ? NothingStored : new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in written)
        {
            if (!locals.Contains(name))
            {
                stored.Add(name);
            }
        }

        foreach (var (receiver, name) in typeQualified)
        {
            if (!locals.Contains(receiver))
            {
                stored.Add(name);
            }
        }

        names.UnionWith(stored);
        return new Member(declaration, names, stored);
    }

    /// <summary>Shared by the members that store nothing (most of them); never modified.</summary>
    private static readonly HashSet<string> NothingStored = new(StringComparer.Ordinal);

    private static bool ReturnsNothing(TypeSyntax type) =>
        type is PredefinedTypeSyntax predefined && predefined.Keyword.IsKind(SyntaxKind.VoidKeyword)
        || type is IdentifierNameSyntax { Identifier.ValueText: "Task" or "ValueTask" };

    /// <summary>True for the name of something assigned, passed by out/ref, incremented or filled element-wise.</summary>
    private static bool IsWritten(SimpleNameSyntax name)
    {
        var expression = (SyntaxNode)name;

        // _items.Add(x), _builder.Append(x): a collection or builder filled with what the member has.
        if (expression.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax } receiver
            && receiver.Expression == expression
            && Mutators.Contains(receiver.Name.Identifier.ValueText))
        {
            return true;
        }

        if (expression.Parent is MemberAccessExpressionSyntax access && access.Name == name)
        {
            expression = access;
        }

        while (expression.Parent is ElementAccessExpressionSyntax element && element.Expression == expression)
        {
            expression = element;
        }

        return expression.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == expression,
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
            PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax => true,
            InvocationExpressionSyntax => false,
            _ => false,
        };
    }

    private static readonly HashSet<string> Mutators = new(StringComparer.Ordinal)
    {
        "Add", "AddRange", "Insert", "InsertRange", "Enqueue", "Push", "TryAdd", "AddOrUpdate", "GetOrAdd", "Append", "AppendLine",
        "AppendFormat", "Write", "WriteLine", "CopyTo", "Set", "SetValue", "Post", "SendAsync", "TryWrite", "WriteAsync",
    };

    private sealed class Scratch
    {
        public HashSet<string> Tokens { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Written { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Locals { get; } = new(StringComparer.Ordinal);

        public List<(string Receiver, string Name)> TypeQualified { get; } = new();
    }

    private readonly struct Member
    {
        public Member(SyntaxNode declaration, HashSet<string> names, HashSet<string> written)
        {
            Declaration = declaration;
            Names = names;
            Written = written;
        }

        /// <summary>The fields and properties the member stores into.</summary>
        public HashSet<string> Written { get; }

        public SyntaxNode Declaration { get; }

        /// <summary>The member's own names and the names it writes: what a reader of them may receive from it.</summary>
        public HashSet<string> Names { get; }
    }
}
