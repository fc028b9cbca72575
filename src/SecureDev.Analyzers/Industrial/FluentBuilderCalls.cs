using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// The calls made on one fluent builder object inside one function body: the chain a call is part of, and the calls
/// made through locals that hold the same builder (<c>var b = new Builder().WithX(); if (tls) b = b.WithTls();</c>).
/// <see cref="Escapes"/> is true when the builder came from, or goes to, code the rule cannot see (a parameter, a
/// field, a method argument, a return): the missing setting may be made there, so the rules stay quiet.
/// </summary>
internal sealed class FluentBuilderCalls
{
    private FluentBuilderCalls(List<IInvocationOperation> calls, bool escapes)
    {
        Calls = calls;
        Escapes = escapes;
    }

    public IReadOnlyList<IInvocationOperation> Calls { get; }

    public bool Escapes { get; }

    public bool Has(string method)
    {
        foreach (var call in Calls)
        {
            if (call.TargetMethod.Name == method)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The last call of <paramref name="method"/> in source order, if any.</summary>
    public IInvocationOperation? Last(string method)
    {
        IInvocationOperation? last = null;
        foreach (var call in Calls)
        {
            if (call.TargetMethod.Name == method && (last is null || call.Syntax.SpanStart > last.Syntax.SpanStart))
            {
                last = call;
            }
        }

        return last;
    }

    public static FluentBuilderCalls Collect(IInvocationOperation call, INamedTypeSymbol builder)
    {
        var root = call.Root();

        var sets = new DisjointSets();
        var invocations = new List<(IInvocationOperation Call, object Origin)>();
        var external = false;
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvocationOperation invocation when IsBuilder(invocation.Instance?.Type, builder):
                    invocations.Add((invocation, Origin(invocation.Instance!, builder)));
                    break;
                case IVariableDeclaratorOperation declarator when IsBuilder(declarator.Symbol.Type, builder):
                    if ((declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer) is { } initializer)
                    {
                        sets.Union(declarator.Symbol, Origin(initializer.Value, builder));
                    }

                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when IsBuilder(target.Type, builder):
                    sets.Union(target.Local, Origin(assignment.Value, builder));
                    break;
            }
        }

        var origin = sets.Find(Origin(call.Instance!, builder));
        var group = new List<IInvocationOperation>();
        foreach (var (invocation, from) in invocations)
        {
            if (KeyComparer.Same(sets.Find(from), origin))
            {
                group.Add(invocation);
                external |= from is ISymbol { Kind: not SymbolKind.Local } or IOperation { Kind: not (OperationKind.ObjectCreation or OperationKind.Invocation) };
            }
        }

        return new FluentBuilderCalls(group, external || LeavesTheBody(group, builder));
    }

    /// <summary>Where a chain on the builder starts: the creation (or factory call), a local, or something outside.</summary>
    private static object Origin(IOperation value, INamedTypeSymbol builder)
    {
        var current = value.WithoutConversions();
        while (current is IInvocationOperation { Instance: { } instance } invocation && IsBuilder(invocation.Type, builder) && IsBuilder(instance.Type, builder))
        {
            current = instance.WithoutConversions();
        }

        return current switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => current,
        };
    }

    /// <summary>True when the builder (not the options it builds) is handed to other code: an argument, a return, a field.</summary>
    private static bool LeavesTheBody(List<IInvocationOperation> group, INamedTypeSymbol builder)
    {
        foreach (var call in group)
        {
            if (!IsBuilder(call.Type, builder))
            {
                continue;
            }

            var parent = call.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IInvocationOperation next when ReferenceEquals(next.Instance?.WithoutConversions(), call):
                case IExpressionStatementOperation:
                case IVariableInitializerOperation:
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation }:
                    continue;
                default:
                    return true;
            }
        }

        return false;
    }

    private static bool IsBuilder(ITypeSymbol? type, INamedTypeSymbol builder) => SymbolEqualityComparer.Default.Equals(type, builder);

    private sealed class DisjointSets
    {
        private readonly Dictionary<object, object> _parent = new(new KeyComparer());

        public object Find(object key)
        {
            while (_parent.TryGetValue(key, out var parent) && !KeyComparer.Same(parent, key))
            {
                key = parent;
            }

            return key;
        }

        public void Union(object a, object b)
        {
            var rootA = Find(a);
            var rootB = Find(b);
            if (!KeyComparer.Same(rootA, rootB))
            {
                _parent[rootA] = rootB;
            }
        }
    }

    private sealed class KeyComparer : IEqualityComparer<object>
    {
        public static bool Same(object a, object b) =>
            a is ISymbol sa && b is ISymbol sb ? SymbolEqualityComparer.Default.Equals(sa, sb) : ReferenceEquals(a, b);

        bool IEqualityComparer<object>.Equals(object? x, object? y) => x is not null && y is not null && Same(x, y);

        public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
