using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// What one type does with the server objects it creates: for each local or field that holds a server of one of the
/// tracked types and that is created in the type, which properties it sets, which events it subscribes, which methods
/// it calls, and whether it hands the object to other code (an argument, a return), where the missing setting could be
/// made. Rules about a setting that is missing (no RequestValidator, no connection limit, no validation handler) are
/// judged at the end of the type, with all its members seen.
/// </summary>
internal sealed class TrackedObject
{
    public TrackedObject(ISymbol key) => Key = key;

    public ISymbol Key { get; }

    public IOperation? Creation { get; set; }

    /// <summary>Values assigned to each property (in the object initializer or later); several when set on several paths.</summary>
    public Dictionary<string, List<IOperation>> Assigned { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Subscribed { get; } = new(StringComparer.Ordinal);

    public List<IInvocationOperation> Calls { get; } = new();

    public bool Escapes { get; set; }

    public bool IsAssigned(string property) => Assigned.ContainsKey(property);
}

internal static class TrackedObjects
{
    /// <param name="types">The server types; objects of these types or types derived from them are tracked.</param>
    /// <param name="factoryMethod">The library factory method that creates a server (CreateMqttServer), or null.</param>
    /// <param name="onTypeEnd">Called once per type that created at least one tracked object.</param>
    public static void Register(CompilationStartAnalysisContext context, ImmutableArray<INamedTypeSymbol> types, string? factoryMethod, Action<SymbolAnalysisContext, IReadOnlyList<TrackedObject>> onTypeEnd)
    {
        if (types.IsEmpty)
        {
            return;
        }

        context.RegisterSymbolStartAction(
            start =>
            {
                var state = new Dictionary<ISymbol, TrackedObject>(SymbolEqualityComparer.Default);
                TrackedObject For(ISymbol key)
                {
                    if (!state.TryGetValue(key, out var tracked))
                    {
                        tracked = new TrackedObject(key);
                        state.Add(key, tracked);
                    }

                    return tracked;
                }

                start.RegisterOperationAction(
                    c =>
                    {
                        var creation = c.Operation;
                        if ((creation is IInvocationOperation invocation && invocation.TargetMethod.Name != factoryMethod)
                            || !IsTracked(creation.Type, types) || CreationTarget(creation) is not { } key)
                        {
                            return;
                        }

                        lock (state)
                        {
                            var tracked = For(key);
                            tracked.Creation = creation;
                            if (creation is IObjectCreationOperation { Initializer: { } initializer })
                            {
                                foreach (var member in initializer.Initializers)
                                {
                                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                                    {
                                        Add(tracked, property.Property.Name, assignment.Value);
                                    }
                                }
                            }
                        }
                    },
                    OperationKind.ObjectCreation,
                    OperationKind.Invocation);

                start.RegisterOperationAction(
                    c =>
                    {
                        var invocation = (IInvocationOperation)c.Operation;
                        lock (state)
                        {
                            if (KeyOf(invocation.Instance, types) is { } key)
                            {
                                For(key).Calls.Add(invocation);
                            }

                            foreach (var argument in invocation.Arguments)
                            {
                                if (KeyOf(argument.Value, types) is { } passed)
                                {
                                    For(passed).Escapes = true;
                                }
                            }
                        }
                    },
                    OperationKind.Invocation);

                start.RegisterOperationAction(
                    c =>
                    {
                        var assignment = (ISimpleAssignmentOperation)c.Operation;
                        lock (state)
                        {
                            if (assignment.Target is IPropertyReferenceOperation property && KeyOf(property.Instance, types) is { } key)
                            {
                                Add(For(key), property.Property.Name, assignment.Value);
                            }
                            else if (assignment.Target is not (ILocalReferenceOperation or IFieldReferenceOperation) && KeyOf(assignment.Value, types) is { } stored)
                            {
                                For(stored).Escapes = true;
                            }
                        }
                    },
                    OperationKind.SimpleAssignment);

                start.RegisterOperationAction(
                    c =>
                    {
                        var subscription = (IEventAssignmentOperation)c.Operation;
                        if (subscription.EventReference is IEventReferenceOperation reference && KeyOf(reference.Instance, types) is { } key)
                        {
                            lock (state)
                            {
                                For(key).Subscribed.Add(reference.Event.Name);
                            }
                        }
                    },
                    OperationKind.EventAssignment);

                start.RegisterOperationAction(
                    c =>
                    {
                        if (KeyOf(((IReturnOperation)c.Operation).ReturnedValue, types) is { } key)
                        {
                            lock (state)
                            {
                                For(key).Escapes = true;
                            }
                        }
                    },
                    OperationKind.Return);

                start.RegisterSymbolEndAction(c =>
                {
                    List<TrackedObject> created;
                    lock (state)
                    {
                        created = state.Values.Where(t => t.Creation is not null).ToList();
                    }

                    if (created.Count > 0)
                    {
                        onTypeEnd(c, created);
                    }
                });
            },
            SymbolKind.NamedType);
    }

    private static void Add(TrackedObject tracked, string property, IOperation value)
    {
        if (!tracked.Assigned.TryGetValue(property, out var values))
        {
            values = new List<IOperation>();
            tracked.Assigned.Add(property, values);
        }

        values.Add(value);
    }

    /// <summary>The local or field a new server is stored in: <c>var s = new ...</c>, <c>_s = new ...</c>, a field initializer.</summary>
    private static ISymbol? CreationTarget(IOperation creation)
    {
        var parent = creation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            IVariableInitializerOperation { Parent: IVariableDeclarationOperation { Declarators.Length: 1 } declaration } => declaration.Declarators[0].Symbol,
            IFieldInitializerOperation { InitializedFields.Length: 1 } field => field.InitializedFields[0],
            IPropertyInitializerOperation { InitializedProperties.Length: 1 } property => property.InitializedProperties[0],
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local,
            ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } => field.Field,
            _ => null,
        };
    }

    private static ISymbol? KeyOf(IOperation? operation, ImmutableArray<INamedTypeSymbol> types)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation switch
        {
            ILocalReferenceOperation local when IsTracked(local.Type, types) => local.Local,
            IFieldReferenceOperation field when IsTracked(field.Type, types) => field.Field,
            _ => null,
        };
    }

    private static bool IsTracked(ITypeSymbol? type, ImmutableArray<INamedTypeSymbol> types)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            foreach (var tracked in types)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, tracked))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
