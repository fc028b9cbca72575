using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Taint;

internal enum AnalysisMode
{
    /// <summary>The method on its own: concrete sources (and entry-point parameters) reaching sinks are findings.</summary>
    Root,

    /// <summary>The method as a callee: parameters carry placeholders, and what reaches sinks, returns and fields is recorded.</summary>
    Summary,
}

/// <summary>
/// The dataflow over one control flow graph: a forward analysis to a fixpoint, block by block, whose state maps each
/// abstract location to its <see cref="Taint"/>. Branches refine the state (a bounds check, an allow-list test, a
/// containment check end taint on the path where they hold). Calls into the compilation apply the callee's
/// <see cref="MethodSummary"/>; calls outside it follow the specification, then the default rules (documented in
/// Taint/README.md). Lambdas and local functions are analyzed with the state they capture.
/// </summary>
internal sealed class MethodAnalysis
{
    private const int MaxLocalFunctionDepth = 3;

    private readonly TaintEngine _engine;
    private readonly AnalysisContext _context;
    private readonly AnalysisMode _mode;
    private readonly Collector _collector;
    private readonly ControlFlowGraph? _graph;
    private readonly ImmutableArray<IMethodSymbol> _localChain;
    private readonly IOperation? _straightLine;
    // Made on first use: most analyses need none of them, and an analysis is short.
    private Dictionary<IFlowAnonymousFunctionOperation, (TaintState State, bool Handler)>? _lambdas;
    private Dictionary<ILocalSymbol, IFlowAnonymousFunctionOperation>? _delegates;
    private Dictionary<CaptureId, object>? _captures;
    private Dictionary<SyntaxNode, Taint?>? _instanceSources;
    private readonly CancellationToken _cancellationToken;
    private TaintState _state = new();
    private Taint? _returned;
    private bool _evaluatingHandler;

    /// <param name="straightLine">A body <see cref="StraightLine"/> accepts, analyzed in source order instead of a graph.</param>
    public MethodAnalysis(TaintEngine engine, AnalysisContext context, AnalysisMode mode, Collector collector, ControlFlowGraph? graph, ImmutableArray<IMethodSymbol> localChain, CancellationToken cancellationToken, IOperation? straightLine = null)
    {
        _straightLine = straightLine;
        _engine = engine;
        _context = context;
        _mode = mode;
        _collector = collector;
        _graph = graph;
        _localChain = localChain;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The state at the method's exit (for out parameters, the receiver and fields).</summary>
    public TaintState? ExitState { get; private set; }

    /// <summary>Runs the analysis from <paramref name="entry"/>; returns the taint of the returned value.</summary>
    public Taint? Run(TaintState entry)
    {
        if (_straightLine is not null)
        {
            Interlocked.Increment(ref _engine.Counters[5]);
            _state = entry;
            Statements(_straightLine);
            ExitState = _state;
            return _returned;
        }

        var blocks = _graph!.Blocks;
        var input = new TaintState?[blocks.Length];
        input[0] = entry;
        var pending = new BlockWorklist(blocks.Length);
        pending.Add(0);
        var budget = (blocks.Length * 16) + 256;
        var handlersSeeded = false;
        while (true)
        {
            while (pending.Count > 0 && budget-- > 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var ordinal = pending.TakeLowest();
                var block = blocks[ordinal];
                Interlocked.Increment(ref _engine.Counters[5]);
                _state = input[ordinal]!.Clone();
                foreach (var operation in block.Operations)
                {
                    Evaluate(operation);
                }

                Taint? branchTaint = null;
                if (block.BranchValue is { } branchValue)
                {
                    branchTaint = Evaluate(branchValue);
                }

                // The block's state is spent once it flows on: a successor seen for the first time takes it without a
                // copy, unless both branches share the one instance (a condition that refines nothing).
                if (block.ConditionKind == ControlFlowConditionKind.None)
                {
                    Flow(block.FallThroughSuccessor, _state, branchTaint, input, pending, spent: true);
                }
                else
                {
                    var whenTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
                    var conditional = Refine(_state, block.BranchValue!, whenTrue);
                    var fallThrough = Refine(_state, block.BranchValue!, !whenTrue);
                    Flow(block.ConditionalSuccessor, conditional, null, input, pending, spent: !ReferenceEquals(conditional, fallThrough));
                    Flow(block.FallThroughSuccessor, fallThrough, null, input, pending, spent: true);
                }
            }

            if (handlersSeeded || budget <= 0)
            {
                break;
            }

            // Catch, filter and finally blocks are entered by exceptions, which the graph has no edges for: they start
            // from everything the protected code may have left.
            handlersSeeded = true;
            TaintState? all = null;
            foreach (var state in input)
            {
                if (state is not null)
                {
                    TaintState.JoinInto(ref all, state, Default);
                }
            }

            for (var i = 1; i < blocks.Length && all is not null; i++)
            {
                if (input[i] is null && IsHandlerEntry(blocks[i]))
                {
                    input[i] = all.Clone();
                    pending.Add(i);
                }
            }

            if (pending.Count == 0)
            {
                break;
            }
        }

        ExitState = input[blocks.Length - 1];
        AnalyzeLambdas();
        return _returned;
    }

    /// <summary>
    /// The statements of a straight-line body in order, as the graph would have them: a declarator's initializer is an
    /// assignment to its local there, the constructor initializer comes first, a return's value is what is returned.
    /// </summary>
    private void Statements(IOperation operation)
    {
        switch (operation)
        {
            case IMethodBodyOperation method:
                Statements(method.BlockBody ?? method.ExpressionBody!);
                return;
            case IConstructorBodyOperation constructor:
                if (constructor.Initializer is { } initializer)
                {
                    Statements(initializer);
                }

                if ((constructor.BlockBody ?? constructor.ExpressionBody) is { } body)
                {
                    Statements(body);
                }

                return;
            case IBlockOperation statements:
                foreach (var statement in statements.Operations)
                {
                    Statements(statement);
                }

                return;
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        if (declarator.Initializer is { } value)
                        {
                            _state.Set(declarator.Symbol, Evaluate(value.Value));
                        }
                    }
                }

                return;
            case IExpressionStatementOperation statement:
                Evaluate(statement.Operation);
                return;
            default:
                Evaluate(operation);
                return;
        }
    }

    /// <summary>Evaluates an operation tree outside any graph (a field initializer).</summary>
    public Taint? EvaluateTree(IOperation operation) => Evaluate(operation);

    private static bool IsHandlerEntry(BasicBlock block)
    {
        for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
        {
            if (region.FirstBlockOrdinal == block.Ordinal
                && region.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter or ControlFlowRegionKind.FilterAndHandler or ControlFlowRegionKind.Finally)
            {
                return true;
            }
        }

        return false;
    }

    private void Flow(ControlFlowBranch? branch, TaintState state, Taint? branchTaint, TaintState?[] input, BlockWorklist pending, bool spent)
    {
        if (branch is null)
        {
            return;
        }

        if (branch.Semantics == ControlFlowBranchSemantics.Return)
        {
            _returned = Taint.Union(_returned, branchTaint);
        }

        if (branch.Destination is { } destination && TaintState.JoinInto(ref input[destination.Ordinal], state, Default, spent))
        {
            pending.Add(destination.Ordinal);
        }
    }

    private void AnalyzeLambdas()
    {
        if (_graph is null || _lambdas is null)
        {
            return;
        }

        foreach (var pair in _lambdas.ToList())
        {
            var lambda = pair.Key;
            var (state, handler) = pair.Value;
            var graph = _graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellationToken);
            var entry = state.Clone();
            if (handler)
            {
                foreach (var parameter in lambda.Symbol.Parameters)
                {
                    if (_engine.EntryPoints.ParameterOrigin(parameter, "handler", lambda.Syntax.GetLocation()) is { } origin)
                    {
                        entry.Set(parameter, TypeFilter(Taint.Create(origin, SourceKinds.Bits(origin.Kind)), parameter.Type));
                    }
                }
            }
            else
            {
                foreach (var parameter in lambda.Symbol.Parameters)
                {
                    entry.Set(parameter, null);
                }
            }

            new MethodAnalysis(_engine, _context, _mode, _collector, graph, _localChain, _cancellationToken).Run(entry);
        }
    }

    // ---------------------------------------------------------------- evaluation

    private Taint? Evaluate(IOperation? operation)
    {
        if (operation is null)
        {
            return null;
        }

        if (operation.ConstantValue.HasValue && operation.Kind != OperationKind.FlowCapture)
        {
            return null;
        }

        var taint = EvaluateCore(operation);
        return TypeFilter(taint, operation.Type);
    }

    private Taint? EvaluateCore(IOperation operation)
    {
        switch (operation)
        {
            case IFlowCaptureOperation capture:
            {
                var value = Evaluate(capture.Value);
                _state.Set(Key(capture.Id), value);
                return value;
            }

            case IFlowCaptureReferenceOperation reference:
                return _state.TryGet(Key(reference.Id), out var captured) ? captured : null;

            case ILocalReferenceOperation local:
                return Taint.Union(Lookup(local.Local), InstanceSource(operation, local.Local.Name));

            case IParameterReferenceOperation parameter:
                return Taint.Union(Lookup(parameter.Parameter), InstanceSource(operation, parameter.Parameter.Name));

            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                return Lookup(TaintState.ReceiverKey);

            case IInstanceReferenceOperation:
                return null;

            case IAnonymousObjectCreationOperation anonymous:
                return UnionOf(anonymous.Initializers.Select(i => i is ISimpleAssignmentOperation assignment ? assignment.Value : i));

            case IFieldReferenceOperation field:
                return Taint.Union(MemberRead(field.Field, field.Instance), InstanceSource(operation, null));

            case IPropertyReferenceOperation property:
                return Taint.Union(PropertyRead(property), InstanceSource(operation, null));

            case IEventReferenceOperation eventReference:
                Evaluate(eventReference.Instance);
                return null;

            case IInvocationOperation invocation:
                return Taint.Union(
                    Call(invocation.TargetMethod, invocation.Instance, invocation.Arguments, invocation),
                    InstanceSource(operation, null));

            case IObjectCreationOperation creation:
            {
                var result = creation.Constructor is { } constructor
                    ? Call(constructor, null, creation.Arguments, creation)
                    : EvaluateChildren(creation);
                if (creation.Initializer is { } initializer)
                {
                    result = Taint.Union(result, EvaluateInitializer(initializer));
                }

                return Taint.Union(result, InstanceSource(operation, null));
            }

            case IConversionOperation conversion:
                return Convert(conversion);

            case IBinaryOperation binary:
                return Binary(binary);

            case IUnaryOperation unary:
                return Evaluate(unary.Operand);

            case IInterpolatedStringOperation interpolated:
                return Interpolated(interpolated);

            case IInterpolatedStringHandlerCreationOperation handler:
                return Evaluate(handler.Content);

            case IInterpolatedStringAppendOperation append:
                return append.AppendCall is IInvocationOperation call
                    ? UnionOf(call.Arguments.Select(a => a.Value))
                    : Evaluate(append.AppendCall);

            case ISimpleAssignmentOperation assignment:
            {
                var value = Evaluate(assignment.Value);
                Assign(assignment.Target, value, assignment.Value);
                return value;
            }

            case ICompoundAssignmentOperation compound:
            {
                var value = Taint.Clear(Taint.Union(Evaluate(compound.Target), Evaluate(compound.Value)), TaintMarkers.Normalized);
                value = Arithmetic(compound.OperatorKind, compound.Value, value);
                Assign(compound.Target, value, compound.Value);
                return value;
            }

            case ICoalesceAssignmentOperation coalesce:
            {
                var value = Taint.Union(Evaluate(coalesce.Target), Evaluate(coalesce.Value));
                Assign(coalesce.Target, value, coalesce.Value);
                return value;
            }

            case IIncrementOrDecrementOperation increment:
                return Evaluate(increment.Target);

            case IDeconstructionAssignmentOperation deconstruction:
            {
                var value = Evaluate(deconstruction.Value);
                Assign(deconstruction.Target, value, deconstruction.Value);
                return value;
            }

            case IArrayCreationOperation array:
                foreach (var size in array.DimensionSizes)
                {
                    var sizeTaint = Evaluate(size);
                    if (Reaches(SinkClass.Allocation, sizeTaint))
                    {
                        CheckSink(SinkClass.Allocation, size, sizeTaint, $"'new {ElementName(array.Type)}[]'");
                    }
                }

                return array.Initializer is { } arrayInitializer ? UnionOf(arrayInitializer.ElementValues) : null;

            case IArrayElementReferenceOperation element:
            {
                var container = Evaluate(element.ArrayReference);
                foreach (var index in element.Indices)
                {
                    var indexTaint = Evaluate(index);
                    if (Reaches(SinkClass.Index, indexTaint))
                    {
                        CheckSink(SinkClass.Index, index, indexTaint, "'" + Short(element.ArrayReference) + "[]'");
                    }
                }

                return container;
            }

            case IAwaitOperation awaited:
                return Evaluate(awaited.Operation);

            case IReturnOperation returned:
            {
                var value = Evaluate(returned.ReturnedValue);
                _returned = Taint.Union(_returned, value);
                return value;
            }

            case IFlowAnonymousFunctionOperation lambda:
                RecordLambda(lambda, _evaluatingHandler);
                return null;

            case IAnonymousFunctionOperation:
            case ILocalFunctionOperation:
                return null;

            case IDelegateCreationOperation delegateCreation:
                Evaluate(delegateCreation.Target);
                return null;

            case IMethodReferenceOperation methodReference:
                Evaluate(methodReference.Instance);
                return null;

            case IDeclarationExpressionOperation declaration:
                return Evaluate(declaration.Expression);

            case ITypeOfOperation or ISizeOfOperation or IDefaultValueOperation or ICaughtExceptionOperation or IDiscardOperation or ILiteralOperation:
                return null;

            case IIsTypeOperation or IIsPatternOperation or IIsNullOperation:
                EvaluateChildren(operation);
                return null;

            default:
                if (IsStackAlloc(operation))
                {
                    foreach (var child in operation.ChildOperations)
                    {
                        var sizeTaint = Evaluate(child);
                        CheckSink(SinkClass.Allocation, child, sizeTaint, "'stackalloc'");
                    }

                    return null;
                }

                return EvaluateChildren(operation);
        }
    }

    private Taint? EvaluateChildren(IOperation operation)
    {
        Taint? result = null;
        foreach (var child in operation.ChildOperations)
        {
            result = Taint.Union(result, Evaluate(child));
        }

        return result;
    }

    private Taint? UnionOf(IEnumerable<IOperation> operations)
    {
        Taint? result = null;
        foreach (var operation in operations)
        {
            result = Taint.Union(result, Evaluate(operation));
        }

        return result;
    }

    /// <summary>An object or collection initializer that the graph did not lower: its values taint the object.</summary>
    private Taint? EvaluateInitializer(IObjectOrCollectionInitializerOperation initializer)
    {
        Taint? result = null;
        foreach (var entry in initializer.Initializers)
        {
            if (entry is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation or IFieldReferenceOperation } assignment)
            {
                var value = Evaluate(assignment.Value);
                if (assignment.Target is IPropertyReferenceOperation property)
                {
                    CheckPropertySinks(property.Property, assignment.Value, value, null);
                }

                result = Taint.Union(result, value);
            }
            else
            {
                result = Taint.Union(result, Evaluate(entry));
            }
        }

        return result;
    }

    private static bool IsStackAlloc(IOperation operation) =>
        operation.Syntax is StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax
        || (operation.Syntax is ArrayRankSpecifierSyntax { Parent.Parent: StackAllocArrayCreationExpressionSyntax });

    private void RecordLambda(IFlowAnonymousFunctionOperation lambda, bool handler)
    {
        _lambdas ??= new Dictionary<IFlowAnonymousFunctionOperation, (TaintState State, bool Handler)>();
        if (_lambdas.TryGetValue(lambda, out var existing))
        {
            var joined = existing.State;
            TaintState.JoinInto(ref joined!, _state, Default);
            _lambdas[lambda] = (joined, existing.Handler || handler);
        }
        else
        {
            _lambdas[lambda] = (_state.Clone(), handler);
        }
    }

    // ---------------------------------------------------------------- locations

    private Taint? Lookup(object key) => _state.TryGet(key, out var taint) ? taint : Default(key);

    /// <summary>The taint a location has when this method has not assigned it: for fields, what the rest of the program puts there.</summary>
    private Taint? Default(object key)
    {
        switch (key)
        {
            case IFieldSymbol field when !field.IsConst:
                return FieldDefault(field, field.IsStatic);
            case IPropertySymbol property:
                return FieldDefault(property, property.IsStatic);
            default:
                return ReferenceEquals(key, TaintState.ReceiverKey) && _mode == AnalysisMode.Summary
                    ? Taint.Create(Origin.ReceiverOrigin, TaintBits.All)
                    : null;
        }
    }

    /// <summary>
    /// A field the method has not assigned: as a callee, a placeholder the caller fills with what the field holds at
    /// the call; on its own, what the rest of the program puts there.
    /// </summary>
    private Taint? FieldDefault(ISymbol member, bool isStatic) =>
        _mode == AnalysisMode.Summary
            ? Taint.Create(Origin.ForField(member), TaintBits.All)
            : GlobalFieldTaint(member);

    private Taint? GlobalFieldTaint(ISymbol member) => _context.Shallow ? null : _engine.FieldTaint(member, _cancellationToken);

    /// <summary>What the caller has for a callee's placeholder: an argument, the receiver, or a field's current value.</summary>
    private Taint? Actual(Origin placeholder, Taint?[] byOrdinal, Taint? receiver, IOperation? instance)
    {
        switch (placeholder.Parameter)
        {
            case Origin.Receiver:
                return receiver;
            case Origin.FieldValue:
                var field = placeholder.Field!;
                return field.IsStatic || instance is null or IInstanceReferenceOperation
                    ? Lookup(field)
                    : Taint.Union(receiver, _mode == AnalysisMode.Summary ? null : GlobalFieldTaint(field));
            default:
                return placeholder.Parameter >= 0 && placeholder.Parameter < byOrdinal.Length ? byOrdinal[placeholder.Parameter] : null;
        }
    }

    /// <summary>
    /// The state's key for a flow capture: boxed once per analysis. Boxing the id at every read and write of a capture
    /// was most of the engine's allocations, and in the compiler's large heap every collection is expensive.
    /// </summary>
    private object Key(CaptureId id)
    {
        _captures ??= new Dictionary<CaptureId, object>();
        if (!_captures.TryGetValue(id, out var key))
        {
            _captures[id] = key = id;
        }

        return key;
    }

    /// <summary>The key of the location <paramref name="operation"/> denotes, or null when it is no location.</summary>
    private object? LocationOf(IOperation? operation)
    {
        operation = operation?.WithoutConversions();
        switch (operation)
        {
            case ILocalReferenceOperation local:
                return local.Local;
            case IParameterReferenceOperation parameter:
                return parameter.Parameter;
            case IFlowCaptureReferenceOperation capture:
                return Key(capture.Id);
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                return TaintState.ReceiverKey;
            case IDeclarationExpressionOperation declaration:
                return LocationOf(declaration.Expression);
            case IFieldReferenceOperation field when IsOwnMember(field.Field, field.Instance):
                return field.Field;
            case IPropertyReferenceOperation property when IsOwnMember(property.Property, property.Instance) && IsAutoProperty(property.Property):
                return property.Property;
            case IInvocationOperation invocation when IsView(invocation):
                return LocationOf(invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null));
            case IPropertyReferenceOperation { Property.Name: "Span", Instance: { } memory } when TaintEngine.IsMemoryView(memory.Type):
                return LocationOf(memory);
            default:
                return null;
        }
    }

    /// <summary>A call whose result is its receiver or a view of it (a fluent Append, AsSpan, Slice).</summary>
    private static bool IsView(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name is "AsSpan" or "AsMemory" or "Slice" or "Span" or "AsReadOnlySpan")
        {
            return true;
        }

        return invocation.Instance is { } instance && SymbolEqualityComparer.Default.Equals(method.ReturnType, instance.Type);
    }

    /// <summary>A static member, or a member of the object the method runs on.</summary>
    private static bool IsOwnMember(ISymbol member, IOperation? instance) =>
        member.IsStatic || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    private bool IsAutoProperty(IPropertySymbol property) => _engine.IsAutoProperty(property);

    private Taint? MemberRead(ISymbol member, IOperation? instance)
    {
        if (IsOwnMember(member, instance))
        {
            if (instance is not null)
            {
                Evaluate(instance);
            }

            return Lookup(member);
        }

        // Another object's member: the object's taint, field-insensitively.
        return Evaluate(instance);
    }

    private Taint? PropertyRead(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        if (_engine.IsInCompilation(property))
        {
            if (IsAutoProperty(property))
            {
                return MemberRead(property, reference.Instance);
            }

            if (property.GetMethod is { } getter)
            {
                return Call(getter, reference.Instance, reference.Arguments, reference);
            }
        }

        var receiver = Evaluate(reference.Instance);
        var indexes = new Taint?[reference.Arguments.Length];
        for (var i = 0; i < indexes.Length; i++)
        {
            indexes[i] = Evaluate(reference.Arguments[i].Value);
        }

        var entries = _engine.Spec.For(property);
        Taint? result;
        if (property.IsIndexer)
        {
            // An element of a collection carries the collection's taint; the index is a key, not data.
            result = receiver;
            CheckArgumentSinks(entries, reference.Arguments, indexes, receiver);
        }
        else
        {
            result = IsNumeric(property.Type) ? null : receiver;
        }

        return ApplyEntries(entries, reference, result, receiver, reference.Arguments, indexes, property.Type);
    }

    // ---------------------------------------------------------------- calls

    private Taint? Call(IMethodSymbol method, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, IOperation operation)
    {
        var receiver = instance is null ? null : Evaluate(instance);
        var values = new Taint?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            var handler = _engine.EntryPoints.IsHandlerParameter(method, argument.Parameter);
            var previous = _evaluatingHandler;
            _evaluatingHandler = handler;
            values[i] = argument.Parameter?.RefKind == RefKind.Out ? null : Evaluate(argument.Value);
            _evaluatingHandler = previous;
            if (handler)
            {
                HandlerMethodGroup(argument.Value);
            }
        }

        var entries = _engine.Spec.For(method);
        CheckArgumentSinks(entries, arguments, values, receiver);

        Taint? result;
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            result = LocalFunction(method, arguments, values);
        }
        else if (IsDelegateInvoke(method) && instance?.WithoutConversions() is ILocalReferenceOperation { Local: var local } && _delegates is not null && _delegates.TryGetValue(local, out var lambda))
        {
            result = InvokeLambda(lambda, arguments, values);
        }
        else if (_engine.IsInCompilation(method) && !IsDelegateInvoke(method))
        {
            result = ApplySummary(method, instance, receiver, arguments, values, operation);
        }
        else
        {
            result = DefaultCall(method, instance, receiver, arguments, values);
        }

        var returnType = method.MethodKind == MethodKind.Constructor ? method.ContainingType : method.ReturnType;
        result = ApplyEntries(entries, operation, result, receiver, arguments, values, returnType);
        ApplyReturningChecks(entries, instance, arguments);
        return result;
    }

    private static bool IsDelegateInvoke(IMethodSymbol method) => method.MethodKind == MethodKind.DelegateInvoke;

    /// <summary>What a call outside the compilation does by default (Taint/README.md, "default propagation").</summary>
    private Taint? DefaultCall(IMethodSymbol method, IOperation? instance, Taint? receiver, ImmutableArray<IArgumentOperation> arguments, Taint?[] values)
    {
        Taint? fromArguments = null;
        for (var i = 0; i < values.Length; i++)
        {
            if (arguments[i].Parameter?.RefKind != RefKind.Out)
            {
                fromArguments = Taint.Union(fromArguments, values[i]);
            }
        }

        fromArguments = Taint.Clear(fromArguments, TaintMarkers.Normalized);
        receiver = Taint.Clear(receiver, TaintMarkers.Normalized);
        var receiverIsContainer = instance is not null && _engine.IsContainer(instance.Type);

        // A container filled with the arguments (Add, Append, Write, Enqueue ...).
        if (instance is not null && fromArguments is not null && receiverIsContainer && !IsLookup(method.Name))
        {
            ObjectWrite(instance, fromArguments);
        }

        // Lookups in a container return what it holds, whatever the key; other calls combine receiver and arguments,
        // except that a number computed from a receiver (Length, IndexOf, Count) is bounded by data already in memory.
        Taint? result;
        if (method.MethodKind == MethodKind.Constructor)
        {
            result = fromArguments;
        }
        else if (method.ReturnsVoid)
        {
            result = null;
        }
        else if (receiverIsContainer)
        {
            // The count Read returns, the Count of a list: bounded by what is already in memory.
            result = IsNumeric(method.ReturnType) ? null : receiver;
        }
        else
        {
            result = IsNumeric(method.ReturnType) ? fromArguments : Taint.Union(receiver, fromArguments);
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].Parameter is { RefKind: RefKind.Out or RefKind.Ref } parameter)
            {
                var value = receiverIsContainer ? receiver : Taint.Union(receiver, fromArguments);
                Assign(arguments[i].Value, TypeFilter(value, parameter.Type), null);
            }
        }

        return result;
    }

    private static bool IsLookup(string name) =>
        name.StartsWith("Contains", StringComparison.Ordinal) || name.StartsWith("Remove", StringComparison.Ordinal)
        || name is "IndexOf" or "LastIndexOf" or "TryGetValue" or "GetValueOrDefault" or "Equals" or "BinarySearch" or "Find" or "Exists";

    /// <summary>Sources, sanitizers and propagators named by the specification for this member.</summary>
    private Taint? ApplyEntries(IReadOnlyList<BoundEntry> entries, IOperation operation, Taint? result, Taint? receiver, ImmutableArray<IArgumentOperation> arguments, Taint?[] values, ITypeSymbol? resultType)
    {
        foreach (var bound in entries)
        {
            var entry = bound.Entry;
            switch (entry.Role)
            {
                case EntryRole.Source:
                {
                    var source = Taint.Create(new Origin(entry.Kind, "'" + MemberText(operation) + "'", operation.Syntax.GetLocation()), SourceKinds.Bits(entry.Kind));
                    if (entry.Target.IsReturn)
                    {
                        result = Taint.Union(result, TypeFilter(source, resultType));
                    }
                    else if (ArgumentFor(arguments, entry.Target.Parameter) is { } target)
                    {
                        ObjectWrite(target.Value, source);
                    }

                    break;
                }

                case EntryRole.Sanitizer:
                    if (entry.Target.IsReturn)
                    {
                        result = Taint.Clear(result, entry.Clears);
                        if (entry.Adds != TaintBits.None)
                        {
                            result = Taint.AddWhere(result, TaintBits.All, entry.Adds);
                        }
                    }
                    else if (ArgumentFor(arguments, entry.Target.Parameter) is { } sanitized && LocationOf(sanitized.Value) is { } location)
                    {
                        _state.Set(location, Taint.Clear(Lookup(location), entry.Clears));
                    }

                    break;

                case EntryRole.Propagator:
                {
                    var from = entry.From.IsInstance ? receiver
                        : entry.From.Parameter is { } name ? ValueFor(arguments, values, name)
                        : null;
                    if (from is null)
                    {
                        break;
                    }

                    if (entry.Target.IsReturn)
                    {
                        result = Taint.Union(result, TypeFilter(from, resultType));
                    }
                    else if (ArgumentFor(arguments, entry.Target.Parameter) is { } target)
                    {
                        ObjectWrite(target.Value, from);
                    }

                    break;
                }
            }
        }

        return result;
    }

    /// <summary>Throw helpers (ArgumentOutOfRangeException.ThrowIfGreaterThan): after the call the value is checked.</summary>
    private void ApplyReturningChecks(IReadOnlyList<BoundEntry> entries, IOperation? instance, ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var bound in entries)
        {
            if (bound.Entry is { Role: EntryRole.Check, When: CheckOutcome.Returns } entry)
            {
                var checkedValue = entry.Target.IsInstance ? instance : ArgumentFor(arguments, entry.Target.Parameter)?.Value;
                ClearAt(_state, checkedValue, entry.Clears, entry.Requires, allowReceiver: false);
            }
        }
    }

    private Taint? ApplySummary(IMethodSymbol method, IOperation? instance, Taint? receiver, ImmutableArray<IArgumentOperation> arguments, Taint?[] values, IOperation operation)
    {
        var anyInput = receiver is not null || values.Any(v => v is not null) || HasTaintedFields();
        if (!anyInput && !_engine.InReach(method))
        {
            return null;
        }

        var summary = _engine.Summary(method, _context, _cancellationToken);
        if (summary is null || summary.IsEmpty)
        {
            return null;
        }

        var byOrdinal = new Taint?[method.Parameters.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].Parameter is { } parameter && parameter.Ordinal < byOrdinal.Length && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, method.OriginalDefinition))
            {
                byOrdinal[parameter.Ordinal] = Taint.Union(byOrdinal[parameter.Ordinal], values[i]);
            }
        }

        Taint? Actual(Origin placeholder) => this.Actual(placeholder, byOrdinal, receiver, instance);

        foreach (var sink in summary.Sinks)
        {
            var reaching = Taint.Substitute(sink.Taint, Actual);
            var peer = sink.PeerCondition is null ? null : Taint.Substitute(sink.PeerCondition, Actual);
            Report(sink.Class, sink.Location, sink.Sink, reaching, sink.PeerCondition is null ? null : peer, sink.PeerCondition is not null);
        }

        foreach (var pair in summary.Outs)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == pair.Key)
                {
                    var written = Taint.Substitute(pair.Value, Actual);
                    if (argument.Parameter.RefKind is RefKind.Out or RefKind.Ref)
                    {
                        Assign(argument.Value, written, null);
                    }
                    else
                    {
                        // A buffer or collection the callee filled: the caller's object is the one it wrote into.
                        ObjectWrite(argument.Value, written);
                    }
                }
            }
        }

        foreach (var pair in summary.FieldWrites)
        {
            var written = Taint.Substitute(pair.Value, Actual);
            if (written is not null)
            {
                _collector.FieldWrite(pair.Key, written);
                if (pair.Key.IsStatic || instance is IInstanceReferenceOperation)
                {
                    _state.Set(pair.Key, Taint.Union(Lookup(pair.Key), written));
                }
            }
        }

        var intoReceiver = Taint.Substitute(summary.Receiver, Actual);
        if (intoReceiver is not null)
        {
            if (method.MethodKind == MethodKind.Constructor)
            {
                return Taint.Union(Taint.Substitute(summary.Return, Actual), intoReceiver);
            }

            if (instance is not null)
            {
                ObjectWrite(instance, intoReceiver);
            }
        }

        return Taint.Substitute(summary.Return, Actual);
    }

    /// <summary>True when this method has put taint into a field a callee may read.</summary>
    private bool HasTaintedFields()
    {
        foreach (var pair in _state.Entries)
        {
            if (pair.Value is not null && pair.Key is IFieldSymbol or IPropertySymbol)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A local function, analyzed in place with what the call passes and the state it captures.</summary>
    private Taint? LocalFunction(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, Taint?[] values)
    {
        if (_localChain.Length >= MaxLocalFunctionDepth || _localChain.Contains(method, SymbolEqualityComparer.Default))
        {
            return null;
        }

        ControlFlowGraph? graph = null;
        for (var current = _graph; current is not null && graph is null; current = current.Parent)
        {
            if (current.LocalFunctions.Contains(method, SymbolEqualityComparer.Default))
            {
                graph = current.GetLocalFunctionControlFlowGraph(method, _cancellationToken);
            }
        }

        if (graph is null)
        {
            return null;
        }

        var entry = _state.Clone();
        foreach (var parameter in method.Parameters)
        {
            entry.Set(parameter, null);
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].Parameter is { } parameter)
            {
                entry.Set(parameter, Taint.Union(Lookup(parameter), values[i]));
            }
        }

        return new MethodAnalysis(_engine, _context, _mode, _collector, graph, _localChain.Add(method), _cancellationToken).Run(entry);
    }

    /// <summary>A lambda called through the local it was assigned to: analyzed in place, like a local function.</summary>
    private Taint? InvokeLambda(IFlowAnonymousFunctionOperation lambda, ImmutableArray<IArgumentOperation> arguments, Taint?[] values)
    {
        if (_localChain.Length >= MaxLocalFunctionDepth || _localChain.Contains(lambda.Symbol, SymbolEqualityComparer.Default) || _graph is null)
        {
            return null;
        }

        var entry = _state.Clone();
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].Parameter is { Ordinal: var ordinal } && ordinal < lambda.Symbol.Parameters.Length)
            {
                entry.Set(lambda.Symbol.Parameters[ordinal], values[i]);
            }
        }

        var graph = _graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellationToken);
        return new MethodAnalysis(_engine, _context, _mode, _collector, graph, _localChain.Add(lambda.Symbol), _cancellationToken).Run(entry);
    }

    /// <summary>A method group given to MapGet and friends: its parameters are request data.</summary>
    private void HandlerMethodGroup(IOperation value)
    {
        if (value.WithoutConversions() is not IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: var method } }
            || !_engine.IsInCompilation(method))
        {
            return;
        }

        var summary = _engine.Summary(method, _context, _cancellationToken);
        if (summary is null)
        {
            return;
        }

        var origins = method.Parameters.Select(p => _engine.EntryPoints.ParameterOrigin(p, "handler", value.Syntax.GetLocation()) is { } origin
            ? TypeFilter(Taint.Create(origin, SourceKinds.Bits(origin.Kind)), p.Type)
            : null).ToArray();
        foreach (var sink in summary.Sinks)
        {
            var reaching = Taint.Substitute(sink.Taint, placeholder => Actual(placeholder, origins, null, null));
            Report(sink.Class, sink.Location, sink.Sink, reaching, null, sink.PeerCondition is not null);
        }
    }

    // ---------------------------------------------------------------- assignments

    private void Assign(IOperation target, Taint? value, IOperation? valueOperation)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                _state.Set(local.Local, value);
                if (valueOperation?.WithoutConversions() is IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation lambda })
                {
                    (_delegates ??= new Dictionary<ILocalSymbol, IFlowAnonymousFunctionOperation>(SymbolEqualityComparer.Default))[local.Local] = lambda;
                }

                return;
            case IParameterReferenceOperation parameter:
                _state.Set(parameter.Parameter, value);
                return;
            case IFlowCaptureReferenceOperation capture:
                _state.Set(Key(capture.Id), value);
                return;
            case IDeclarationExpressionOperation declaration:
                Assign(declaration.Expression, value, valueOperation);
                return;
            case ITupleOperation tuple:
                foreach (var element in tuple.Elements)
                {
                    Assign(element, value, null);
                }

                return;
            case IFieldReferenceOperation field:
                if (IsOwnMember(field.Field, field.Instance))
                {
                    _state.Set(field.Field, value);
                    _collector.FieldWrite(field.Field, value);
                }
                else
                {
                    ObjectWrite(field.Instance, value);
                }

                return;
            case IPropertyReferenceOperation property:
                AssignProperty(property, value, valueOperation);
                return;
            case IArrayElementReferenceOperation element:
                foreach (var index in element.Indices)
                {
                    if (Evaluate(index) is var indexTaint && Reaches(SinkClass.Index, indexTaint))
                    {
                        CheckSink(SinkClass.Index, index, indexTaint, "'" + Short(element.ArrayReference) + "[]'");
                    }
                }

                ObjectWrite(element.ArrayReference, value);
                return;
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                _state.Set(TaintState.ReceiverKey, Taint.Union(Lookup(TaintState.ReceiverKey), value));
                return;
        }
    }

    private void AssignProperty(IPropertyReferenceOperation property, Taint? value, IOperation? valueOperation)
    {
        var symbol = property.Property;
        var receiver = property.Instance is null ? null : LocationTaint(property.Instance);
        CheckPropertySinks(symbol, valueOperation ?? property, value, receiver);
        if (_engine.IsInCompilation(symbol))
        {
            if (IsAutoProperty(symbol))
            {
                if (IsOwnMember(symbol, property.Instance))
                {
                    _state.Set(symbol, value);
                    _collector.FieldWrite(symbol, value);
                }
                else
                {
                    ObjectWrite(property.Instance, value);
                }

                return;
            }

            if (symbol.SetMethod is { } setter && value is not null)
            {
                var values = property.Arguments.Select(a => Evaluate(a.Value)).Append(value).ToArray();
                var summary = _engine.Summary(setter, _context, _cancellationToken);
                if (summary is not null && !summary.IsEmpty)
                {
                    Taint? Actual(Origin placeholder) => this.Actual(placeholder, values, receiver, property.Instance);
                    foreach (var sink in summary.Sinks)
                    {
                        Report(sink.Class, sink.Location, sink.Sink, Taint.Substitute(sink.Taint, Actual), sink.PeerCondition is null ? null : Taint.Substitute(sink.PeerCondition, Actual), sink.PeerCondition is not null);
                    }

                    foreach (var pair in summary.FieldWrites)
                    {
                        _collector.FieldWrite(pair.Key, Taint.Substitute(pair.Value, Actual));
                    }

                    if (Taint.Substitute(summary.Receiver, Actual) is { } into && property.Instance is not null)
                    {
                        ObjectWrite(property.Instance, into);
                    }
                }
            }

            return;
        }

        // A property of an outside object (psi.Arguments, dictionary[key]): the object holds what is stored in it.
        if (property.Instance is not null)
        {
            ObjectWrite(property.Instance, value);
        }
    }

    /// <summary>Stores <paramref name="value"/> into the object <paramref name="target"/> denotes (weakly: it keeps what it had).</summary>
    private void ObjectWrite(IOperation? target, Taint? value)
    {
        if (value is null || LocationOf(target) is not { } location)
        {
            return;
        }

        _state.Set(location, Taint.Union(Lookup(location), value));
        if (location is IFieldSymbol or IPropertySymbol)
        {
            _collector.FieldWrite((ISymbol)location, value);
        }
    }

    /// <summary>The taint of a receiver without evaluating it again (it was evaluated as part of the target).</summary>
    private Taint? LocationTaint(IOperation operation) =>
        LocationOf(operation) is { } location ? Taint.Union(Lookup(location), InstanceSource(operation, null)) : Peek(operation);

    // ---------------------------------------------------------------- sinks

    private void CheckArgumentSinks(IReadOnlyList<BoundEntry> entries, ImmutableArray<IArgumentOperation> arguments, Taint?[] values, Taint? receiver)
    {
        foreach (var bound in entries)
        {
            var entry = bound.Entry;
            if (entry.Role != EntryRole.Sink || entry.Parameters.IsEmpty || Unless(entry, arguments))
            {
                continue;
            }

            for (var i = 0; i < arguments.Length; i++)
            {
                if (Reaches(entry.Sink, values[i]) && arguments[i].Parameter is { } parameter && entry.Parameters.Contains(parameter.Name) && arguments[i].ArgumentKind != ArgumentKind.DefaultValue)
                {
                    CheckSink(entry.Sink, arguments[i].Value, values[i], "'" + MemberText(arguments[i].Parent ?? arguments[i]) + "'", entry.ReceiverIsPeer ? receiver : null, entry.ReceiverIsPeer);
                }
            }
        }
    }

    private void CheckPropertySinks(IPropertySymbol property, IOperation valueOperation, Taint? value, Taint? receiver)
    {
        if (value is null)
        {
            return;
        }

        foreach (var bound in _engine.Spec.For(property))
        {
            if (bound.Entry is { Role: EntryRole.Sink, Parameters.IsEmpty: true } entry && Reaches(entry.Sink, value))
            {
                CheckSink(entry.Sink, valueOperation, value, $"'{property.ContainingType.Name}.{property.Name}'", entry.ReceiverIsPeer ? receiver : null, entry.ReceiverIsPeer);
            }
        }
    }

    private static bool Unless(SpecEntry entry, ImmutableArray<IArgumentOperation> arguments)
    {
        if (entry.UnlessParameters.IsEmpty)
        {
            return false;
        }

        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { } parameter && entry.UnlessParameters.Contains(parameter.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="taint"/> carries a danger of <paramref name="sinkClass"/>: checked before a sink's
    /// description is built, which most evaluations (untainted values, re-evaluations in loops) never need.</summary>
    private static bool Reaches(SinkClass sinkClass, Taint? taint) => taint is not null && (taint.Bits & SinkClasses.Bits(sinkClass)) != 0;

    private void CheckSink(SinkClass sinkClass, IOperation value, Taint? taint, string sink, Taint? receiver = null, bool requiresPeer = false)
    {
        if (!Reaches(sinkClass, taint))
        {
            return;
        }

        // A size of type byte is at most 255: not an allocation anyone can abuse.
        if (sinkClass == SinkClass.Allocation && value.WithoutConversions().Type?.SpecialType is SpecialType.System_Byte or SpecialType.System_SByte)
        {
            return;
        }

        Report(sinkClass, value.Syntax.GetLocation(), sink, taint, receiver, requiresPeer);
    }

    /// <summary>Records <paramref name="taint"/> reaching a sink: concrete origins are findings, placeholders go into the summary.</summary>
    private void Report(SinkClass sinkClass, Location location, string sink, Taint? taint, Taint? peer, bool requiresPeer)
    {
        var required = SinkClasses.Bits(sinkClass);
        if (taint is null || (taint.Bits & required) == 0)
        {
            return;
        }

        var peerConfirmed = !requiresPeer || HasRemoteOrigin(peer);
        var reaching = Taint.Restrict(taint, required | TaintMarkers.Normalized);
        if (_mode == AnalysisMode.Root)
        {
            if (peerConfirmed && Collector.Concrete(reaching) is { } concrete)
            {
                _collector.Finding(sinkClass, location, sink, concrete);
            }

            return;
        }

        if (Collector.Placeholders(reaching) is { } placeholders)
        {
            var peerPlaceholders = requiresPeer && !peerConfirmed ? Collector.Placeholders(peer) : null;
            if (!requiresPeer || peerConfirmed || peerPlaceholders is not null)
            {
                _collector.Sink(sinkClass, location, sink, placeholders, peerPlaceholders);
            }
        }
    }

    private static bool HasRemoteOrigin(Taint? taint)
    {
        if (taint is null)
        {
            return false;
        }

        for (var i = 0; i < taint.Count; i++)
        {
            if (taint.OriginAt(i) is { IsConcrete: true, Kind: SourceKind.Web or SourceKind.Network or SourceKind.Serial or SourceKind.Fieldbus })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A loop condition comparing a counter with an unbounded value from outside: <c>for (i = 0; i &lt; count; i++)</c>.</summary>
    private void CheckLoopBound(IBinaryOperation comparison, Taint? left, Taint? right)
    {
        if (comparison.Syntax.Parent is not (ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax)
            || comparison.OperatorKind is not (BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual))
        {
            return;
        }

        var counterOnLeft = comparison.OperatorKind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual;
        var (counter, counterTaint, bound, boundTaint) = counterOnLeft
            ? (comparison.LeftOperand, left, comparison.RightOperand, right)
            : (comparison.RightOperand, right, comparison.LeftOperand, left);
        if (counterTaint is null && counter.WithoutConversions() is ILocalReferenceOperation or IFlowCaptureReferenceOperation
            && boundTaint is not null && (boundTaint.Bits & TaintBits.NoUpperBound) != 0)
        {
            Report(SinkClass.Loop, bound.Syntax.GetLocation(), "the loop condition", Taint.Restrict(boundTaint, TaintBits.NoUpperBound), null, false);
        }
    }

    // ---------------------------------------------------------------- branches

    /// <summary>The state on the edge where <paramref name="condition"/> is <paramref name="value"/>.</summary>
    private TaintState Refine(TaintState state, IOperation condition, bool value)
    {
        var refined = state;
        RefineInto(ref refined, state, condition, value);
        return refined;
    }

    private void RefineInto(ref TaintState refined, TaintState original, IOperation condition, bool value)
    {
        condition = condition.WithoutConversions();
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                RefineInto(ref refined, original, not.Operand, !value);
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when value:
                RefineInto(ref refined, original, both.LeftOperand, true);
                RefineInto(ref refined, original, both.RightOperand, true);
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either when !value:
                RefineInto(ref refined, original, either.LeftOperand, false);
                RefineInto(ref refined, original, either.RightOperand, false);
                return;
            case IBinaryOperation binary:
                RefineComparison(ref refined, original, binary, value);
                return;
            case IInvocationOperation invocation:
                RefineCheck(ref refined, original, invocation, value);
                return;
        }
    }

    private void RefineComparison(ref TaintState refined, TaintState original, IBinaryOperation comparison, bool value)
    {
        var kind = comparison.OperatorKind;
        if (!value)
        {
            kind = kind switch
            {
                BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThanOrEqual,
                BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThan,
                BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThanOrEqual,
                BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThan,
                BinaryOperatorKind.Equals => BinaryOperatorKind.NotEquals,
                BinaryOperatorKind.NotEquals => BinaryOperatorKind.Equals,
                _ => BinaryOperatorKind.None,
            };
        }

        // Normalize to "checked OP bound", the checked side being the tainted one.
        var (left, right) = (comparison.LeftOperand, comparison.RightOperand);
        if (PeekIn(original, left) is null && PeekIn(original, right) is not null)
        {
            (left, right) = (right, left);
            kind = kind switch
            {
                BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
                BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
                BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
                BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
                _ => kind,
            };
        }

        if (PeekIn(original, left) is null || PeekIn(original, right) is not null)
        {
            return;
        }

        // (uint)value < (uint)limit bounds both ends: a negative value turns into a huge unsigned one.
        var unsignedCompare = left is IConversionOperation { Operand.Type.SpecialType: SpecialType.System_Int32 or SpecialType.System_Int64 } conversion
                              && conversion.Type?.SpecialType is SpecialType.System_UInt32 or SpecialType.System_UInt64;
        var clears = kind switch
        {
            BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual => unsignedCompare ? TaintBits.Unbounded : TaintBits.NoUpperBound,
            BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual when !IsNegativeConstant(right) => TaintBits.NoLowerBound,
            BinaryOperatorKind.Equals when right.ConstantValue.HasValue => TaintBits.All,
            // Equal to a value from memory (a frame's length): bounded as that value is, though not made trusted text.
            BinaryOperatorKind.Equals => TaintBits.Unbounded,
            _ => TaintBits.None,
        };
        if (clears == TaintBits.None)
        {
            return;
        }

        // start + count <= buffer.Length bounds each term from above (a negative term keeps its missing lower bound).
        if (clears == TaintBits.NoUpperBound && left.WithoutConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum)
        {
            ClearAt(ref refined, original, sum.LeftOperand, clears, TaintBits.None, allowReceiver: false);
            ClearAt(ref refined, original, sum.RightOperand, clears, TaintBits.None, allowReceiver: false);
            return;
        }

        ClearAt(ref refined, original, left, clears, TaintBits.None, allowReceiver: false);
    }

    private static bool IsNegativeConstant(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: var constant } && constant is IConvertible convertible
        && constant is not string && System.Convert.ToDouble(convertible, System.Globalization.CultureInfo.InvariantCulture) < 0;

    private void RefineCheck(ref TaintState refined, TaintState original, IInvocationOperation invocation, bool value)
    {
        foreach (var bound in _engine.Spec.For(invocation.TargetMethod))
        {
            var entry = bound.Entry;
            if (entry.Role != EntryRole.Check || entry.When == CheckOutcome.Returns || (entry.When == CheckOutcome.True) != value)
            {
                continue;
            }

            if (entry.AnchoredPattern is { } patternName
                && invocation.Arguments.ArgumentFor(patternName) is { } pattern
                && !(pattern.Value.TryGetConstantString(out var text) && IsAnchored(text)))
            {
                continue;
            }

            IOperation? checkedValue;
            if (entry.Target.IsInstance)
            {
                checkedValue = invocation.Instance;
            }
            else
            {
                checkedValue = ArgumentFor(invocation.Arguments, entry.Target.Parameter)?.Value;

                // An allow-list that is itself untrusted proves nothing.
                if (invocation.Instance is { } list && PeekIn(original, list) is not null)
                {
                    continue;
                }

                if (invocation.Arguments.Any(a => a.Value != checkedValue && a.Parameter?.Name != entry.AnchoredPattern && PeekIn(original, a.Value) is not null))
                {
                    continue;
                }
            }

            ClearAt(ref refined, original, checkedValue, entry.Clears, entry.Requires, allowReceiver: !entry.Target.IsInstance);
        }
    }

    private static bool IsAnchored(string pattern) =>
        (pattern.StartsWith("^", StringComparison.Ordinal) || pattern.StartsWith("\\A", StringComparison.Ordinal))
        && (pattern.EndsWith("$", StringComparison.Ordinal) || pattern.EndsWith("\\z", StringComparison.Ordinal) || pattern.EndsWith("\\Z", StringComparison.Ordinal));

    private void ClearAt(TaintState state, IOperation? checkedValue, TaintBits clears, TaintBits requires, bool allowReceiver)
    {
        var refined = state;
        ClearAt(ref refined, state, checkedValue, clears, requires, allowReceiver);
        if (!ReferenceEquals(refined, state))
        {
            _state = refined;
        }
    }

    /// <summary>
    /// Clears <paramref name="clears"/> on the location <paramref name="checkedValue"/> denotes (or, for a test of a
    /// member of a location, uri.Host, on that location), on origins carrying the <paramref name="requires"/> markers.
    /// </summary>
    private void ClearAt(ref TaintState refined, TaintState original, IOperation? checkedValue, TaintBits clears, TaintBits requires, bool allowReceiver)
    {
        var location = LocationOf(checkedValue);
        if (location is null && allowReceiver)
        {
            location = checkedValue?.WithoutConversions() switch
            {
                IPropertyReferenceOperation { Instance: { } instance } => LocationOf(instance),
                IInvocationOperation { Instance: { } instance } => LocationOf(instance),
                _ => null,
            };
        }

        if (location is null)
        {
            return;
        }

        var current = original.TryGet(location, out var explicitTaint) ? explicitTaint : Default(location);
        if (current is null)
        {
            return;
        }

        Taint? updated;
        if (requires == TaintBits.None)
        {
            updated = Taint.Clear(current, clears);
        }
        else
        {
            updated = null;
            for (var i = 0; i < current.Count; i++)
            {
                var bits = current.BitsAt(i);
                updated = Taint.Union(updated, Taint.Create(current.OriginAt(i), (bits & requires) == requires ? bits & ~clears : bits));
            }
        }

        if (ReferenceEquals(refined, original))
        {
            refined = original.Clone();
        }

        refined.Set(location, updated);
    }

    /// <summary>The taint of an operand without side effects (for branch conditions already evaluated).</summary>
    private Taint? Peek(IOperation operation) => PeekIn(_state, operation);

    private Taint? PeekIn(TaintState state, IOperation operation)
    {
        if (operation.ConstantValue.HasValue)
        {
            return null;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return TypeFilter(PeekIn(state, conversion.Operand), conversion.Type);
            case IParenthesizedOperation parenthesized:
                return PeekIn(state, parenthesized.Operand);
            case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide:
                return Taint.Union(PeekIn(state, binary.LeftOperand), PeekIn(state, binary.RightOperand));
        }

        if (LocationOf(operation) is { } location)
        {
            return TypeFilter(state.TryGet(location, out var taint) ? taint : Default(location), operation.Type);
        }

        return null;
    }

    // ---------------------------------------------------------------- operators

    private Taint? Convert(IConversionOperation conversion)
    {
        var taint = Evaluate(conversion.Operand);
        if (taint is null)
        {
            return null;
        }

        if (conversion.OperatorMethod is { } method && _engine.IsInCompilation(method))
        {
            var summary = _engine.Summary(method, _context, _cancellationToken);
            return summary is null ? null : Taint.Substitute(summary.Return, placeholder => Actual(placeholder, new[] { taint }, null, null));
        }

        // An unsigned value cast to a signed type of the same size may turn negative.
        if (IsUnsigned(conversion.Operand.Type) && IsSigned(conversion.Type) && Size(conversion.Type) <= Size(conversion.Operand.Type))
        {
            taint = Taint.AddWhere(taint, TaintBits.NoUpperBound, TaintBits.NoLowerBound);
        }

        return taint;
    }

    private Taint? Binary(IBinaryOperation binary)
    {
        var left = Evaluate(binary.LeftOperand);
        var right = Evaluate(binary.RightOperand);
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual:
                CheckLoopBound(binary, left, right);
                return null;
            case BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.ConditionalAnd
                or BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.ObjectValueEquals or BinaryOperatorKind.ObjectValueNotEquals:
                return null;
        }

        // "https://plant-api/items/" + id: a constant prefix that fixes scheme and host means the value cannot redirect the request.
        if (binary.OperatorKind == BinaryOperatorKind.Add && HasFixedHost(binary.LeftOperand))
        {
            right = Taint.Clear(right, TaintBits.Url);
        }

        var result = Taint.Clear(Taint.Union(left, right), TaintMarkers.Normalized);
        return Arithmetic(binary.OperatorKind, binary.RightOperand, result);
    }

    /// <summary>A mask or a remainder by a constant bounds the result.</summary>
    private static Taint? Arithmetic(BinaryOperatorKind kind, IOperation right, Taint? result)
    {
        if (result is null || !right.ConstantValue.HasValue || right.ConstantValue.Value is string || IsNegativeConstant(right))
        {
            return result;
        }

        return kind switch
        {
            BinaryOperatorKind.And => Taint.Clear(result, TaintBits.Unbounded),
            BinaryOperatorKind.Remainder => Taint.Clear(result, TaintBits.NoUpperBound),
            _ => result,
        };
    }

    private Taint? Interpolated(IInterpolatedStringOperation interpolated)
    {
        Taint? result = null;
        var fixedHost = interpolated.Parts.Length > 0
                        && interpolated.Parts[0] is IInterpolatedStringTextOperation { Text: var text }
                        && text.TryGetConstantString(out var prefix) && IsFixedHostPrefix(prefix);
        foreach (var part in interpolated.Parts)
        {
            if (part is IInterpolationOperation interpolation)
            {
                result = Taint.Union(result, Evaluate(interpolation.Expression));
                Evaluate(interpolation.Alignment);
                Evaluate(interpolation.FormatString);
            }
            else if (part is not IInterpolatedStringTextOperation)
            {
                result = Taint.Union(result, Evaluate(part));
            }
        }

        if (fixedHost)
        {
            result = Taint.Clear(result, TaintBits.Url);
        }

        return Taint.Clear(result, TaintMarkers.Normalized);
    }

    private static bool HasFixedHost(IOperation operation)
    {
        operation = operation.WithoutConversions();
        if (operation.TryGetConstantString(out var text))
        {
            return IsFixedHostPrefix(text);
        }

        return operation switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add => HasFixedHost(add.LeftOperand),
            IInterpolatedStringOperation { Parts.Length: > 0 } interpolated => interpolated.Parts[0] is IInterpolatedStringTextOperation { Text: var part }
                                                                               && part.TryGetConstantString(out var prefix) && IsFixedHostPrefix(prefix),
            _ => false,
        };
    }

    /// <summary>"https://host/..." (the authority is closed by a slash) or a relative path ("api/items/", "/api/").</summary>
    internal static bool IsFixedHostPrefix(string prefix)
    {
        var scheme = prefix.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            return prefix.IndexOf('/', scheme + 3) > scheme + 3;
        }

        if (prefix.Length == 0 || prefix.IndexOf(':') >= 0 || prefix.StartsWith("//", StringComparison.Ordinal) || prefix.StartsWith("\\", StringComparison.Ordinal))
        {
            return false;
        }

        return prefix[0] != '/' || (prefix.Length > 1 && prefix[1] != '/');
    }

    // ---------------------------------------------------------------- sources and types

    /// <summary>A value of a type the specification marks untrusted as a whole (a NetworkStream, an HttpRequest, an exception).</summary>
    private Taint? InstanceSource(IOperation operation, string? name)
    {
        if (!_engine.Spec.HasInstanceSources || _engine.Spec.InstanceSource(operation.Type) is not { } bound)
        {
            return null;
        }

        // The same operation is evaluated again on every pass over its block: its origin is made once. Keyed by syntax:
        // the graph's operations are objects new to the runtime, whose first hash takes the runtime's slow path (in a
        // sampled profile of the driver, more time than the rest of this method); the compiler's maps hashed the syntax.
        _instanceSources ??= new Dictionary<SyntaxNode, Taint?>();
        if (!_instanceSources.TryGetValue(operation.Syntax, out var taint))
        {
            var kind = bound.Entry.Kind;
            var text = name is not null ? $"'{name}'" : "'" + MemberText(operation) + "'";
            _instanceSources[operation.Syntax] = taint = Taint.Create(new Origin(kind, text, operation.Syntax.GetLocation()), SourceKinds.Bits(kind));
        }

        return taint;
    }

    /// <summary>How messages name the member an operation uses: 'SqliteCommand.CommandText', 'new SqliteCommand'.</summary>
    private static string MemberText(IOperation operation)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                return invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name;
            case IObjectCreationOperation creation:
                return "new " + creation.Type?.Name;
            case IPropertyReferenceOperation property:
                return property.Property.IsIndexer ? property.Property.ContainingType.Name + "[]" : property.Property.ContainingType.Name + "." + property.Property.Name;
            case IFieldReferenceOperation field:
                return field.Field.ContainingType.Name + "." + field.Field.Name;
            default:
                return Short(operation);
        }
    }

    private static string Short(IOperation operation)
    {
        var text = operation.Syntax.ToString();
        return text.Length <= 40 && text.IndexOf('\n') < 0 ? text : operation.Type?.Name ?? "value";
    }

    private static string ElementName(ITypeSymbol? type) => type is IArrayTypeSymbol array ? array.ElementType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) : "T";

    private static IArgumentOperation? ArgumentFor(ImmutableArray<IArgumentOperation> arguments, string? parameter) =>
        parameter is null ? null : arguments.ArgumentFor(parameter);

    private static Taint? ValueFor(ImmutableArray<IArgumentOperation> arguments, Taint?[] values, string parameter)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].Parameter?.Name == parameter)
            {
                return values[i];
            }
        }

        return null;
    }

    /// <summary>
    /// What a value of <paramref name="type"/> can carry: no bool carries anything, no number carries text (parsing is a
    /// sanitizer for every injection class), and no unsigned number is negative.
    /// </summary>
    internal static Taint? TypeFilter(Taint? taint, ITypeSymbol? type)
    {
        if (taint is null || type is null)
        {
            return taint;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean or SpecialType.System_Void:
                return null;
            case SpecialType.System_Byte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_UIntPtr:
                return Taint.Clear(taint, TaintBits.Injection | TaintBits.ExceptionDetail | TaintBits.NoLowerBound | TaintMarkers.Normalized);
            case SpecialType.System_Char:
                return Taint.Clear(taint, TaintBits.NoLowerBound | TaintMarkers.Normalized);
            case SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_IntPtr
                or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal:
                return Taint.Clear(taint, TaintBits.Injection | TaintBits.ExceptionDetail | TaintMarkers.Normalized);
            case SpecialType.System_DateTime:
                return null;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return Taint.Clear(taint, TaintBits.Injection | TaintBits.ExceptionDetail | TaintMarkers.Normalized);
        }

        return type.Name is "Guid" or "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" && type.ContainingNamespace?.Name == "System" ? null : taint;
    }

    private static bool IsNumeric(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type?.SpecialType is >= SpecialType.System_Char and <= SpecialType.System_Double || type?.TypeKind == TypeKind.Enum;
    }

    private static bool IsUnsigned(ITypeSymbol? type) =>
        type?.SpecialType is SpecialType.System_Byte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Char;

    private static bool IsSigned(ITypeSymbol? type) =>
        type?.SpecialType is SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64;

    private static int Size(ITypeSymbol? type) => type?.SpecialType switch
    {
        SpecialType.System_Byte or SpecialType.System_SByte => 1,
        SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Char => 2,
        SpecialType.System_Int32 or SpecialType.System_UInt32 => 4,
        _ => 8,
    };
}
