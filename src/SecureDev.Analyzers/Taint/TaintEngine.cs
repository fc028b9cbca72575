using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Taint;

/// <summary>
/// One request to the engine (a method's findings, or the writers of a field), analyzed on one thread. Results a cycle
/// or the depth limit cut short depend on where the request started, so they are kept here, for this request only;
/// complete ones go into the engine's caches. That keeps every result a function of its request alone: the same
/// findings whatever the order in which the driver analyzes methods.
/// </summary>
internal sealed class AnalysisContext
{
    public HashSet<ISymbol> InProgress { get; } = new(SymbolEqualityComparer.Default);

    public Dictionary<IMethodSymbol, MethodSummary?> LocalSummaries { get; } = new(SymbolEqualityComparer.Default);

    public int Depth { get; set; }

    /// <summary>Set when a cycle or the depth limit cut the computation short: the result is not cached globally.</summary>
    public bool Incomplete { get; set; }

    /// <summary>
    /// For the writers of a field: fields read inside count as untainted, so field taint never depends on field taint
    /// (one level of flow through fields between methods; deeper chains through several fields are not followed).
    /// </summary>
    public bool Shallow { get; set; }
}

/// <summary>
/// The taint engine of one compilation, shared by every taint rule (each rule reports its own sink class from the same
/// results, so the analysis runs once whatever the number of rules). It holds the resolved specification, the
/// name-level reach index, and caches: per-method results (findings), per-method summaries (what callers apply), and
/// the taint each field receives from the whole program.
/// </summary>
internal sealed class TaintEngine
{
    private const int MaxSummaryDepth = 8;
    private const int MaxFieldDepth = 4;
    private const int MaxImplementations = 8;
    private const int MaxWriters = 32;

    private static readonly ConditionalWeakTable<Compilation, Holder> Engines = new();

    /// <summary>The findings of each member in reach (by its index in <see cref="SourceReach"/>), filled on first request.</summary>
    private readonly Lazy<RootFindings?[]> _roots;

    /// <summary>
    /// The findings of roots without a slot of their own: entry points outside reach (an action that mentions no source:
    /// its parameters are the source), and accessors (a property's getter and setter share its slot in reach).
    /// </summary>
    private readonly ConcurrentDictionary<IMethodSymbol, RootFindings> _otherRoots = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, MethodResult> _writerRoots = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary> _summaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary> _bodySummaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, Taint?> _fields = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<SyntaxTree, Lazy<ImmutableArray<IMethodSymbol>>> _rootsByFile = new();
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _containers = new(SymbolEqualityComparer.Default);
    private readonly Lazy<SourceReach> _reach;
    private readonly Lazy<ImmutableArray<INamedTypeSymbol>> _sourceTypes;

    private TaintEngine(Compilation compilation, TaintSpec spec)
    {
        Compilation = compilation;
        Spec = new SpecIndex(compilation, spec);
        EntryPoints = new EntryPoints(compilation);
        _reach = new Lazy<SourceReach>(() => new SourceReach(compilation, Spec.SourceNames, EntryPoints.Names, CancellationToken.None));
        _roots = new Lazy<RootFindings?[]>(() => new RootFindings?[_reach.Value.Count]);
        _sourceTypes = new Lazy<ImmutableArray<INamedTypeSymbol>>(() => SourceTypes(compilation.Assembly.GlobalNamespace));
    }

    public Compilation Compilation { get; }

    /// <summary>Work counters (graphs built, summaries, analyses, blocks evaluated), for the tests that watch the cost.</summary>
    internal int[] Counters { get; } = new int[6];

    public SpecIndex Spec { get; }

    public EntryPoints EntryPoints { get; }

    /// <summary>The name-level reach index, built on first use.</summary>
    internal SourceReach Reach => _reach.Value;

    /// <summary>The engine for <paramref name="compilation"/> with the configuration files among <paramref name="options"/>' AdditionalFiles.</summary>
    public static TaintEngine For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var files = new List<(string Name, string Text)>();
        foreach (var file in options.AdditionalFiles)
        {
            if (TaintSpec.IsConfigurationFile(file.Path) && file.GetText(cancellationToken) is { } text)
            {
                files.Add((file.Path, text.ToString()));
            }
        }

        var fingerprint = string.Join("\u0000", files.Select(f => f.Name + "\u0001" + f.Text));
        var holder = Engines.GetValue(compilation, _ => new Holder());
        lock (holder)
        {
            if (holder.Engine is null || holder.Fingerprint != fingerprint)
            {
                holder.Engine = new TaintEngine(compilation, TaintSpec.WithUserFiles(files));
                holder.Fingerprint = fingerprint;
            }

            return holder.Engine;
        }
    }

    /// <summary>True when some sink of <paramref name="sinkClass"/> can occur in this compilation.</summary>
    public bool CanReport(SinkClass sinkClass) =>
        sinkClass is SinkClass.Allocation or SinkClass.Index or SinkClass.Loop || Spec.HasSink(sinkClass);

    /// <summary>
    /// The findings of a method analyzed on its own: only for methods that touch a source (or reach one through another
    /// member, by name) and for entry points. Every other method, most of them, costs a lookup in a table that no longer
    /// changes once the reach pass is done, so the twelve taint rules asking about it on many threads never contend.
    /// The first rule to ask about a method in reach analyzes it; the others wait for and share its findings.
    /// The engine builds the method's graph itself rather than through the analysis context: a delegate to the context's
    /// GetControlFlowGraph boxes the whole context for every method, and the driver would keep every graph alive.
    /// </summary>
    /// <param name="graphOf">How to build the graph of <paramref name="body"/> (the profiler times it); <see cref="GraphOf"/> when null.</param>
    public ImmutableArray<Finding> Findings(IMethodSymbol method, IOperation body, CancellationToken cancellationToken, Func<IOperation, ControlFlowGraph?>? graphOf = null)
    {
        RootFindings? root;
        var index = _reach.Value.IndexInReach(body.Syntax);
        if (index >= 0 && body.Syntax is not AccessorDeclarationSyntax)
        {
            var slots = _roots.Value;
            root = Volatile.Read(ref slots[index]) ?? Interlocked.CompareExchange(ref slots[index], new RootFindings(), null) ?? slots[index]!;
        }
        else if (index >= 0 || EntryPoints.Describe(method) is not null)
        {
            root = _otherRoots.GetOrAdd(method, _ => new RootFindings());
        }
        else
        {
            return ImmutableArray<Finding>.Empty;
        }

        if (root.TryGet(out var findings))
        {
            return findings;
        }

        lock (root)
        {
            if (!root.TryGet(out findings))
            {
                findings = Root(method, body, EntryPoints.Describe(method), graphOf, cancellationToken).Findings;
                root.Set(findings);
            }

            return findings;
        }
    }

    /// <summary>
    /// The methods declared in <paramref name="model"/>'s file that <see cref="Findings"/> may analyze: members in reach,
    /// Main, top-level statements and the methods of controllers and page models; none inside [GeneratedCode].
    /// The rules ask once per file, from a semantic model action, not once per method. In a build, the driver runs
    /// semantic model actions after the compiler has bound every method body, and the models it hands out keep those
    /// bound bodies, so a callee's operations cost the engine a lookup. Asked per method, while the compiler was
    /// still binding, the engine bound a third of the callees itself, each a second time: most of the taint rules' time
    /// in csc.
    /// </summary>
    public ImmutableArray<IMethodSymbol> RootsIn(SemanticModel model, AnalyzerOptions options, CancellationToken cancellationToken) =>
        _rootsByFile.GetOrAdd(
            model.SyntaxTree,
            _ => new Lazy<ImmutableArray<IMethodSymbol>>(() => FindRoots(model, options, cancellationToken), LazyThreadSafetyMode.PublicationOnly)).Value;

    private ImmutableArray<IMethodSymbol> FindRoots(SemanticModel model, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var reach = _reach.Value;
        var roots = ImmutableArray.CreateBuilder<IMethodSymbol>();
        var entryTypes = new Dictionary<SyntaxNode, bool>();
        void Add(ISymbol? symbol, SyntaxNode declaration)
        {
            if (symbol is IMethodSymbol method && !GeneratedCode.Contains(declaration.GetLocation(), options, cancellationToken))
            {
                roots.Add(method);
            }
        }

        bool MayBeEntryPoint(BaseMethodDeclarationSyntax declaration)
        {
            if (declaration is not MethodDeclarationSyntax { Parent: TypeDeclarationSyntax type } method)
            {
                return false;
            }

            if (method.Identifier.ValueText == "Main")
            {
                return true;
            }

            if (!entryTypes.TryGetValue(type, out var may))
            {
                may = model.GetDeclaredSymbol(type, cancellationToken) is INamedTypeSymbol symbol && EntryPoints.MayDeclareEntryPoints(symbol);
                entryTypes.Add(type, may);
            }

            return may;
        }

        foreach (var declaration in SourceReach.Declarations(model.SyntaxTree.GetRoot(cancellationToken)))
        {
            switch (declaration)
            {
                case CompilationUnitSyntax unit:
                    // Top-level statements: their args are a source, so they are a root even out of reach.
                    foreach (var member in unit.Members)
                    {
                        if (member is GlobalStatementSyntax)
                        {
                            Add(model.GetEnclosingSymbol(member.SpanStart, cancellationToken), unit);
                            break;
                        }
                    }

                    break;
                case BaseMethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null:
                    if (reach.InReach(method) || MayBeEntryPoint(method))
                    {
                        Add(model.GetDeclaredSymbol(method, cancellationToken), method);
                    }

                    break;
                case BasePropertyDeclarationSyntax property when reach.InReach(property):
                    if (property is PropertyDeclarationSyntax { ExpressionBody: not null } or IndexerDeclarationSyntax { ExpressionBody: not null })
                    {
                        Add((model.GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol)?.GetMethod, property);
                    }

                    foreach (var accessor in property.AccessorList?.Accessors ?? default)
                    {
                        if (accessor.Body is not null || accessor.ExpressionBody is not null)
                        {
                            Add(model.GetDeclaredSymbol(accessor, cancellationToken), accessor);
                        }
                    }

                    break;
            }
        }

        return roots.ToImmutable();
    }

    // A method in reach by name that the screen clears costs one walk of its tree instead of a graph and an analysis.
    private MethodResult Root(IMethodSymbol method, IOperation body, string? entryKind, Func<IOperation, ControlFlowGraph?>? graphOf, CancellationToken cancellationToken) =>
        entryKind is not null || new FindingScreen(this).MayFind(body)
            ? Analyze(method, body, entryKind, new AnalysisContext(), graphOf, cancellationToken)
            : MethodResult.Empty;

    public bool IsInCompilation(ISymbol symbol) =>
        SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, Compilation.Assembly) && !symbol.DeclaringSyntaxReferences.IsEmpty;

    /// <summary>
    /// False when no member in reach can have put untrusted data into the field or auto-property, so that
    /// <see cref="FieldTaint"/> is certainly empty: no initializer in reach, no member in reach that stores into its name
    /// (a readonly instance field: no constructor of its type in reach). Names, not symbols: it over-approximates.
    /// </summary>
    public bool MayBeWritten(ISymbol member)
    {
        member = member.OriginalDefinition;
        if (_fields.TryGetValue(member, out var known))
        {
            return known is not null;
        }

        var reach = _reach.Value;
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            if (reach.InReach(reference.GetSyntax()))
            {
                return true;
            }
        }

        if (member is IFieldSymbol { IsReadOnly: true, IsStatic: false })
        {
            return member.ContainingType.InstanceConstructors.Any(InReach);
        }

        return reach.Writing(member.Name).Any();
    }

    /// <summary>A property with no accessor bodies, declared in this compilation: it reads and writes like a field.</summary>
    public bool IsAutoProperty(IPropertySymbol property)
    {
        if (!IsInCompilation(property))
        {
            return false;
        }

        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors }
                && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the member may produce untrusted data itself (by name; see <see cref="SourceReach"/>).</summary>
    public bool InReach(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (_reach.Value.InReach(reference.GetSyntax()))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A type whose value a callee can write into for its caller: a container, or a span or memory over one.</summary>
    private bool IsFilledInPlace(ITypeSymbol type) =>
        IsContainer(type) || IsMemoryView(type) || IsSystemGeneric(type) && type.Name is "Span" or "ArraySegment";

    /// <summary>System.Memory&lt;T&gt; or ReadOnlyMemory&lt;T&gt;: its Span is a view of the memory's buffer.</summary>
    internal static bool IsMemoryView(ITypeSymbol? type) =>
        IsSystemGeneric(type) && type!.Name is "Memory" or "ReadOnlyMemory";

    private static bool IsSystemGeneric(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsGenericType: true } named && named.ContainingNamespace.IsNamespace("System");

    /// <summary>A collection, builder, stream or writer: calls that pass it data fill it, lookups return what it holds.</summary>
    public bool IsContainer(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        if (type is IArrayTypeSymbol)
        {
            return true;
        }

        return _containers.GetOrAdd(type, t =>
        {
            if (t.SpecialType != SpecialType.None)
            {
                return false;
            }

            for (var current = t as INamedTypeSymbol; current is not null; current = current.BaseType)
            {
                if (current.Name is "StringBuilder" or "Stream" or "TextWriter" && current.ContainingNamespace?.ToDisplayString() is "System.Text" or "System.IO")
                {
                    return true;
                }
            }

            return t.AllInterfaces.Any(i => i.Name == "IEnumerable" && i.ContainingNamespace?.ToDisplayString() == "System.Collections")
                   || (t.TypeKind == TypeKind.Interface && t.Name == "IEnumerable");
        });
    }

    /// <summary>The summary of a method of this compilation; for a virtual or interface member, of its implementations.</summary>
    public MethodSummary? Summary(IMethodSymbol method, AnalysisContext context, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (_summaries.TryGetValue(method, out var cached))
        {
            return cached;
        }

        if (context.LocalSummaries.TryGetValue(method, out var local))
        {
            return local;
        }

        var outer = context.Incomplete;
        context.Incomplete = false;
        var targets = Targets(method);
        if (targets.Count == 0)
        {
            return null;
        }

        var summaries = new List<MethodSummary>(targets.Count);
        foreach (var target in targets)
        {
            if (!_bodySummaries.TryGetValue(target, out var summary) && !context.LocalSummaries.TryGetValue(target, out summary))
            {
                summary = SummaryOf(target, context, cancellationToken);
            }

            if (summary is not null)
            {
                summaries.Add(summary);
            }
        }

        var result = summaries.Count == 0 ? null : MethodSummary.Union(summaries);
        if (result is not null && !context.Incomplete)
        {
            _summaries.TryAdd(method, result);
        }
        else
        {
            context.LocalSummaries[method] = result;
        }

        context.Incomplete |= outer;
        return result;
    }

    /// <summary>
    /// The taint a field or auto-property receives anywhere in the program: its initializer and what the methods in reach
    /// that name it (and their callers) store in it from a source. Each writer is analyzed in a shallow request of its
    /// own, so the result depends on the field alone.
    /// </summary>
    public Taint? FieldTaint(ISymbol member, CancellationToken cancellationToken)
    {
        member = member.OriginalDefinition;
        if (!IsInCompilation(member))
        {
            return null;
        }

        if (_fields.TryGetValue(member, out var cached))
        {
            return cached;
        }

        // A field that cannot carry anything (a bool, a date) needs no writers analyzed.
        var type = member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type;
        if (MethodAnalysis.TypeFilter(Taint.Create(Origin.ReceiverOrigin, TaintBits.All), type) is null)
        {
            _fields.TryAdd(member, null);
            return null;
        }

        Interlocked.Increment(ref Counters[4]);
        var result = InitializerTaint(member, cancellationToken);
        foreach (var writer in Writers(member, cancellationToken))
        {
            var written = _writerRoots.GetOrAdd(writer, w => BodyFor(w, cancellationToken) is { } body
                ? Analyze(w, body, EntryPoints.Describe(w), new AnalysisContext { Shallow = true }, null, cancellationToken)
                : MethodResult.Empty);
            if (written.FieldWrites.TryGetValue(member, out var taint))
            {
                result = Taint.Union(result, taint);
            }
        }

        _fields.TryAdd(member, result);
        return result;
    }

    private MethodResult Analyze(IMethodSymbol method, IOperation body, string? entryKind, AnalysisContext context, Func<IOperation, ControlFlowGraph?>? graphOf, CancellationToken cancellationToken)
    {
        if (!context.InProgress.Add(method))
        {
            context.Incomplete = true;
            return MethodResult.Empty;
        }

        Interlocked.Increment(ref Counters[context.Shallow ? 3 : 2]);
        try
        {
            var entry = new TaintState();
            if (entryKind is not null)
            {
                foreach (var parameter in method.Parameters)
                {
                    if (EntryPoints.ParameterOrigin(parameter, entryKind, body.Syntax.GetLocation()) is { } origin)
                    {
                        entry.Set(parameter, MethodAnalysis.TypeFilter(Taint.Create(origin, SourceKinds.Bits(origin.Kind)), parameter.Type));
                    }
                }
            }

            var collector = new Collector();
            if (Analysis(body, context, AnalysisMode.Root, collector, graphOf, cancellationToken) is not { } analysis)
            {
                return MethodResult.Empty;
            }

            analysis.Run(entry);
            return new MethodResult(collector.Findings, collector.FieldWrites(concreteOnly: true));
        }
        finally
        {
            context.InProgress.Remove(method);
        }
    }

    private MethodSummary? SummaryOf(IMethodSymbol method, AnalysisContext context, CancellationToken cancellationToken)
    {
        if (context.Depth >= MaxSummaryDepth || context.InProgress.Contains(method))
        {
            context.Incomplete = true;
            return null;
        }

        if (BodyFor(method, cancellationToken) is not { } body)
        {
            return MethodSummary.Empty;
        }

        var outer = context.Incomplete;
        context.Incomplete = false;
        context.InProgress.Add(method);
        context.Depth++;
        Interlocked.Increment(ref Counters[1]);
        try
        {
            var entry = SummaryEntry(method);
            var collector = new Collector();
            if (Analysis(body, context, AnalysisMode.Summary, collector, null, cancellationToken) is not { } analysis)
            {
                return MethodSummary.Empty;
            }

            var returned = analysis.Run(entry);
            var exit = analysis.ExitState;
            var outs = ImmutableDictionary.CreateBuilder<int, Taint>();
            Taint? receiver = null;
            if (exit is not null)
            {
                foreach (var parameter in method.Parameters)
                {
                    if (!exit.TryGet(parameter, out var value) || value is null)
                    {
                        continue;
                    }

                    if (parameter.RefKind is RefKind.Out or RefKind.Ref)
                    {
                        outs[parameter.Ordinal] = value;
                    }
                    else if (parameter.RefKind == RefKind.None && IsFilledInPlace(parameter.Type) && !value.Equivalent(OnEntry(parameter)))
                    {
                        // A buffer, view or collection passed by value and written into (Read(buffer), list.Add):
                        // the caller's object holds what the callee put there.
                        outs[parameter.Ordinal] = value;
                    }
                }

                if (exit.TryGet(TaintState.ReceiverKey, out var self))
                {
                    receiver = self;
                }
            }

            var fields = collector.FieldWrites(concreteOnly: false);
            foreach (var pair in fields)
            {
                if (!pair.Key.IsStatic)
                {
                    receiver = Taint.Union(receiver, pair.Value);
                }
            }

            var summary = new MethodSummary(returned, receiver, outs.ToImmutable(), collector.Sinks, fields);
            if (!context.Incomplete)
            {
                _bodySummaries.TryAdd(method, summary);
            }
            else
            {
                context.LocalSummaries[method] = summary;
            }

            return summary;
        }
        finally
        {
            context.Depth--;
            context.InProgress.Remove(method);
            context.Incomplete |= outer;
        }
    }

    /// <summary>The bodies a call may run: the method itself, or the implementations of a virtual or interface member.</summary>
    private List<IMethodSymbol> Targets(IMethodSymbol method)
    {
        var targets = new List<IMethodSymbol>();
        if (!method.IsAbstract && IsInCompilation(method))
        {
            targets.Add(method);
        }

        var type = method.ContainingType;
        var isInterface = type?.TypeKind == TypeKind.Interface;
        if (type is null || (!isInterface && !method.IsVirtual && !method.IsAbstract && !method.IsOverride))
        {
            return targets;
        }

        foreach (var candidate in _sourceTypes.Value)
        {
            if (targets.Count >= MaxImplementations)
            {
                break;
            }

            if (SymbolEqualityComparer.Default.Equals(candidate, type))
            {
                continue;
            }

            IMethodSymbol? implementation = null;
            if (isInterface)
            {
                if (candidate.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, type.OriginalDefinition)))
                {
                    implementation = candidate.FindImplementationForInterfaceMember(method) as IMethodSymbol;
                }
            }
            else if (SpecIndex.IsOrDerives(candidate, type))
            {
                foreach (var member in candidate.GetMembers(method.Name))
                {
                    for (var overridden = (member as IMethodSymbol)?.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                    {
                        if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method))
                        {
                            implementation = (IMethodSymbol)member;
                            break;
                        }
                    }
                }
            }

            if (implementation is { IsAbstract: false } && IsInCompilation(implementation)
                && !targets.Contains(implementation.OriginalDefinition, SymbolEqualityComparer.Default))
            {
                targets.Add(implementation.OriginalDefinition);
            }
        }

        return targets;
    }

    /// <summary>
    /// Methods (by name, in reach) that may write <paramref name="member"/>: those that store into that name (for a
    /// readonly field, the constructors of its type) and, for a static member, the methods in reach that call them.
    /// </summary>
    private List<IMethodSymbol> Writers(ISymbol member, CancellationToken cancellationToken)
    {
        var writers = new List<IMethodSymbol>();
        var seen = new HashSet<SyntaxNode>();
        IEnumerable<SyntaxNode> direct = member is IFieldSymbol { IsReadOnly: true } && !member.IsStatic
            ? member.ContainingType.InstanceConstructors.SelectMany(c => c.DeclaringSyntaxReferences).Select(r => r.GetSyntax(cancellationToken))
            : _reach.Value.Writing(member.Name);
        var callers = new List<string>();
        foreach (var declaration in direct)
        {
            // An instance member is written by its own type (through this); a static one by anyone.
            if (writers.Count >= MaxWriters || !seen.Add(declaration) || (!member.IsStatic && !InType(declaration, member.ContainingType)))
            {
                continue;
            }

            foreach (var method in DeclaredMethods(declaration, cancellationToken))
            {
                writers.Add(method);
                callers.Add(method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.AssociatedSymbol?.Name ?? method.Name);
            }
        }

        if (!member.IsStatic)
        {
            return writers;
        }

        foreach (var name in callers)
        {
            foreach (var declaration in _reach.Value.Mentioning(name))
            {
                if (writers.Count >= MaxWriters)
                {
                    return writers;
                }

                if (seen.Add(declaration))
                {
                    writers.AddRange(DeclaredMethods(declaration, cancellationToken));
                }
            }
        }

        return writers;
    }

    private static bool InType(SyntaxNode declaration, INamedTypeSymbol type)
    {
        for (var node = declaration.Parent; node is not null; node = node.Parent)
        {
            if (node is TypeDeclarationSyntax declaringType)
            {
                return declaringType.Identifier.ValueText == type.Name;
            }
        }

        return false;
    }

    private IEnumerable<IMethodSymbol> DeclaredMethods(SyntaxNode declaration, CancellationToken cancellationToken)
    {
        var model = Model(declaration.SyntaxTree);
        switch (declaration)
        {
            case BaseMethodDeclarationSyntax method when model.GetDeclaredSymbol(method, cancellationToken) is IMethodSymbol symbol:
                yield return symbol;
                break;
            case BasePropertyDeclarationSyntax property when model.GetDeclaredSymbol(property, cancellationToken) is IPropertySymbol symbol:
                if (symbol.GetMethod is { } getter)
                {
                    yield return getter;
                }

                if (symbol.SetMethod is { } setter)
                {
                    yield return setter;
                }

                break;
            case CompilationUnitSyntax unit when model.GetDeclaredSymbol(unit, cancellationToken) is IMethodSymbol main:
                yield return main;
                break;
        }
    }

    private Taint? InitializerTaint(ISymbol member, CancellationToken cancellationToken)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            var initializer = syntax switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value,
                _ => null,
            };
            if (initializer is null || !_reach.Value.InReach(syntax))
            {
                continue;
            }

            var operation = Model(syntax.SyntaxTree).GetOperation(initializer, cancellationToken);
            if (operation is not null)
            {
                var collector = new Collector();
                var context = new AnalysisContext { Shallow = true };
                return Collector.Concrete(new MethodAnalysis(this, context, AnalysisMode.Root, collector, null, ImmutableArray<IMethodSymbol>.Empty, cancellationToken).EvaluateTree(operation));
            }
        }

        return null;
    }

    /// <summary>The state a summary starts from: each parameter holds its own placeholder, which callers substitute.</summary>
    internal static TaintState SummaryEntry(IMethodSymbol method)
    {
        var entry = new TaintState();
        foreach (var parameter in method.Parameters)
        {
            entry.Set(parameter, OnEntry(parameter));
        }

        return entry;
    }

    /// <summary>A parameter's value where a summary starts: its placeholder, less what its type cannot carry.</summary>
    private static Taint? OnEntry(IParameterSymbol parameter) =>
        MethodAnalysis.TypeFilter(Taint.Create(Origin.ForParameter(parameter.Ordinal), TaintBits.All), parameter.Type);

    /// <summary>
    /// The analysis of a method or constructor body: over the body itself, in source order, when it has no branches
    /// (<see cref="StraightLine"/>: no graph to build, which costs more than the analysis), else over its control flow
    /// graph (<paramref name="graphOf"/> builds it when given: the profiler times it). Null for any other operation.
    /// </summary>
    private MethodAnalysis? Analysis(IOperation body, AnalysisContext context, AnalysisMode mode, Collector collector, Func<IOperation, ControlFlowGraph?>? graphOf, CancellationToken cancellationToken)
    {
        if (StraightLine.Is(body))
        {
            return new MethodAnalysis(this, context, mode, collector, null, ImmutableArray<IMethodSymbol>.Empty, cancellationToken, straightLine: body);
        }

        var graph = graphOf is null ? GraphOf(body, cancellationToken) : graphOf(body);
        // Graphs of callees and field writers: the driver never hands those to the rules.
        if (graph is not null && (mode == AnalysisMode.Summary || context.Shallow))
        {
            Interlocked.Increment(ref Counters[0]);
        }

        return graph is null ? null : new MethodAnalysis(this, context, mode, collector, graph, ImmutableArray<IMethodSymbol>.Empty, cancellationToken);
    }

    /// <summary>The body operation of a method of this compilation, or null when it has no body here.</summary>
    public IOperation? BodyFor(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.PartialImplementationPart ?? method;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            var body = syntax switch
            {
                BaseMethodDeclarationSyntax declaration when declaration.Body is not null || declaration.ExpressionBody is not null => syntax,
                AccessorDeclarationSyntax accessor when accessor.Body is not null || accessor.ExpressionBody is not null => syntax,
                ArrowExpressionClauseSyntax or CompilationUnitSyntax => syntax,
                _ => null,
            };
            if (body is null)
            {
                continue;
            }

            return Model(syntax.SyntaxTree).GetOperation(body, cancellationToken);
        }

        return null;
    }

    /// <summary>The control flow graph of a body operation (a method, a constructor, top-level statements), or null for anything else.</summary>
    public static ControlFlowGraph? GraphOf(IOperation? body, CancellationToken cancellationToken) => body switch
    {
        IMethodBodyOperation methodBody => ControlFlowGraph.Create(methodBody, cancellationToken),
        IConstructorBodyOperation constructorBody => ControlFlowGraph.Create(constructorBody, cancellationToken),
        IBlockOperation { Parent: null } block => ControlFlowGraph.Create(block, cancellationToken),
        _ => null,
    };

    // The analyzer driver installs a caching semantic model provider, so this returns the model it already built; the
    // engine needs callees' bodies (summaries) and cannot get them from the operation it was handed.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
    private SemanticModel Model(SyntaxTree tree) => _models.GetOrAdd(tree, t => Compilation.GetSemanticModel(t));
#pragma warning restore RS1030

    private static ImmutableArray<INamedTypeSymbol> SourceTypes(INamespaceSymbol root)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        var stack = new Stack<INamespaceOrTypeSymbol>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            foreach (var member in stack.Pop().GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    stack.Push(ns);
                }
                else if (member is INamedTypeSymbol type)
                {
                    builder.Add(type);
                    stack.Push(type);
                }
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>One method's findings, set once (under the instance's lock) by the first rule that asks.</summary>
    private sealed class RootFindings
    {
        private ImmutableArray<Finding> _findings;
        private volatile bool _done;

        public bool TryGet(out ImmutableArray<Finding> findings)
        {
            // The flag first: once it reads true (a volatile read), the findings written before it are visible.
            var done = _done;
            findings = done ? _findings : default;
            return done;
        }

        public void Set(ImmutableArray<Finding> findings)
        {
            _findings = findings;
            _done = true;
        }
    }

    private sealed class Holder
    {
        public TaintEngine? Engine { get; set; }

        public string? Fingerprint { get; set; }
    }
}
