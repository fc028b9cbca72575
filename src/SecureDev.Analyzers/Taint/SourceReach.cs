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

    public SourceReach(Compilation compilation, IEnumerable<string> sourceNames, CancellationToken cancellationToken)
    {
        var members = new List<Member>();
        var byToken = _byToken;
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var declaration in Declarations(tree.GetRoot(cancellationToken)))
            {
                var member = Read(declaration);
                var index = members.Count;
                members.Add(member);
                _declarations.Add(declaration);
                foreach (var token in member.Tokens)
                {
                    if (!byToken.TryGetValue(token, out var list))
                    {
                        byToken[token] = list = new List<int>();
                    }

                    list.Add(index);
                }
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        foreach (var name in sourceNames)
        {
            if (names.Add(name))
            {
                pending.Push(name);
            }
        }

        var reached = new bool[members.Count];
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

    private static Member Read(SyntaxNode declaration)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        switch (declaration)
        {
            case MethodDeclarationSyntax method:
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

        foreach (var node in declaration is CompilationUnitSyntax unit
                     ? unit.Members.OfType<GlobalStatementSyntax>().SelectMany(s => s.DescendantTokens())
                     : declaration.DescendantTokens())
        {
            if (!node.IsKind(SyntaxKind.IdentifierToken))
            {
                continue;
            }

            var text = node.ValueText;
            tokens.Add(text);
            if (IsWritten(node.Parent))
            {
                names.Add(text);
            }
        }

        return new Member(declaration, tokens, names);
    }

    /// <summary>True for the name of something assigned, passed by out/ref, incremented or filled element-wise.</summary>
    private static bool IsWritten(SyntaxNode? name)
    {
        if (name is not SimpleNameSyntax)
        {
            return false;
        }

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

    private readonly struct Member
    {
        public Member(SyntaxNode declaration, HashSet<string> tokens, HashSet<string> names)
        {
            Declaration = declaration;
            Tokens = tokens;
            Names = names;
        }

        public SyntaxNode Declaration { get; }

        public HashSet<string> Tokens { get; }

        /// <summary>The member's own names and the names it writes: what a reader of them may receive from it.</summary>
        public HashSet<string> Names { get; }
    }
}
