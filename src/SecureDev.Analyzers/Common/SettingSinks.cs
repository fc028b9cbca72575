using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SecureDev.Analyzers.Common;

/// <summary>
/// Every place code hands a setting (a protocol list, a DTD mode, a revocation mode, a flag) to a property, field or
/// parameter: <c>=</c> and <c>|=</c> assignments (including object initializers and <c>with</c> expressions), arguments,
/// returns from a function of the setting's type, field and property initializers, and parameter defaults. Locals,
/// parameters and named constants (const and static readonly) are not places the setting takes effect: the value is
/// followed through them (<see cref="ValueFlow"/>) to where it is used, so each decision is reported once.
/// </summary>
internal static class SettingSinks
{
    /// <param name="isSettingType">A cheap test of the target's type (the property, field or parameter type); only those targets reach <paramref name="judge"/>.</param>
    /// <param name="judge">Called with each value handed to a target of that type.</param>
    /// <param name="kinds">The kinds of sink to register (each is one more operation action).</param>
    /// <param name="isCandidateTarget">
    /// Optional, for rules whose targets are known by name: a test of the target symbol (its name, its kind) that every
    /// target <paramref name="judge"/> could report passes. It runs before the target's type is read, which for a
    /// parameter, field or property of reference type in nullable-enabled code creates a symbol wrapper on every read.
    /// </param>
    public static void Register(
        CompilationStartAnalysisContext context,
        Func<ITypeSymbol, bool> isSettingType,
        Action<OperationAnalysisContext, SettingSink> judge,
        SettingSinkKinds kinds = SettingSinkKinds.All,
        Func<ISymbol, bool>? isCandidateTarget = null)
    {
        var filter = new Filter(isSettingType, isCandidateTarget);
        if ((kinds & SettingSinkKinds.Assignment) != 0)
        {
            RegisterAssignments(context, filter, judge);
        }

        if ((kinds & SettingSinkKinds.Argument) != 0)
        {
            RegisterArguments(context, filter, judge);
        }

        if ((kinds & SettingSinkKinds.Return) != 0)
        {
            RegisterReturns(context, filter, judge);
        }

        if ((kinds & SettingSinkKinds.Initializer) != 0)
        {
            RegisterInitializers(context, filter, judge);
        }
    }

    /// <summary>The two tests a target passes before it is judged: its symbol (optional, cheap) and then its type.</summary>
    private sealed class Filter
    {
        private readonly Func<ISymbol, bool>? _isCandidateTarget;

        public Filter(Func<ITypeSymbol, bool> isSettingType, Func<ISymbol, bool>? isCandidateTarget)
        {
            IsSettingType = isSettingType;
            _isCandidateTarget = isCandidateTarget;
        }

        public Func<ITypeSymbol, bool> IsSettingType { get; }

        public bool IsCandidate(ISymbol target) => _isCandidateTarget is null || _isCandidateTarget(target);
    }

    private static void RegisterAssignments(CompilationStartAnalysisContext context, Filter filter, Action<OperationAnalysisContext, SettingSink> judge) =>
        context.RegisterOperationAction(
            c =>
            {
                var assignment = (IAssignmentOperation)c.Operation;
                if (Member(assignment.Target) is { } member && filter.IsCandidate(member) && assignment.Target.Type is { } type && filter.IsSettingType(type))
                {
                    if (assignment is ICompoundAssignmentOperation { OperatorKind: not BinaryOperatorKind.Or })
                    {
                        return;
                    }

                    judge(c, new SettingSink(assignment.Value, member, SettingSinkKind.Assignment, assignment));
                }
            },
            OperationKind.SimpleAssignment,
            OperationKind.CompoundAssignment);

    private static void RegisterArguments(CompilationStartAnalysisContext context, Filter filter, Action<OperationAnalysisContext, SettingSink> judge) =>
        context.RegisterOperationAction(
            c =>
            {
                var arguments = c.Operation switch
                {
                    IInvocationOperation invocation => invocation.Arguments,
                    IObjectCreationOperation creation => creation.Arguments,
                    _ => default,
                };
                if (arguments.IsDefaultOrEmpty)
                {
                    return;
                }

                // Runs for every argument of every call and creation. C# converts each argument to its parameter's type
                // and the conversion is part of the value, so the value's type (already on the operation) is the
                // parameter's and rules out nearly every argument. The parameter's type is read only for the rest: a read
                // creates a symbol wrapper where nullable annotations are on, and reading it for every argument was a
                // large part of these rules' cost.
                foreach (var argument in arguments)
                {
                    var valueType = argument.ArgumentKind switch
                    {
                        ArgumentKind.Explicit => argument.Value.Type,
                        ArgumentKind.ParamArray => (argument.Value as IArrayCreationOperation)?.Type is IArrayTypeSymbol array ? array.ElementType : null,
                        _ => null,
                    };
                    if (valueType is null || !filter.IsSettingType(valueType) || argument.Parameter is not { } parameter || !filter.IsCandidate(parameter))
                    {
                        continue;
                    }

                    var parameterType = parameter.Type;
                    if (argument.ArgumentKind == ArgumentKind.Explicit && filter.IsSettingType(parameterType))
                    {
                        judge(c, new SettingSink(argument.Value, parameter, SettingSinkKind.Argument, c.Operation, parameterType));
                    }
                    else if (argument.ArgumentKind == ArgumentKind.ParamArray
                             && parameterType is IArrayTypeSymbol { ElementType: { } element } && filter.IsSettingType(element)
                             && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                    {
                        foreach (var item in initializer.ElementValues)
                        {
                            judge(c, new SettingSink(item, parameter, SettingSinkKind.Argument, c.Operation, parameterType));
                        }
                    }
                }
            },
            OperationKind.Invocation,
            OperationKind.ObjectCreation);

    private static void RegisterReturns(CompilationStartAnalysisContext context, Filter filter, Action<OperationAnalysisContext, SettingSink> judge) =>
        context.RegisterOperationAction(
            c =>
            {
                var returned = (IReturnOperation)c.Operation;
                if (returned.ReturnedValue is { Type: { } type } value && filter.IsSettingType(type)
                    && EnclosingFunction.Of(returned, c.ContainingSymbol) is { } function && filter.IsCandidate(function))
                {
                    judge(c, new SettingSink(value, function, SettingSinkKind.Return, returned));
                }
            },
            OperationKind.Return);

    private static void RegisterInitializers(CompilationStartAnalysisContext context, Filter filter, Action<OperationAnalysisContext, SettingSink> judge) =>
        context.RegisterOperationAction(
            c =>
            {
                // The value is converted to the member's type as part of it (as an argument is), so its type rules out
                // most initializers before the member's type is read, which creates a symbol wrapper on each read.
                var initializer = (ISymbolInitializerOperation)c.Operation;
                if (initializer.Value.Type is not { } valueType || !filter.IsSettingType(valueType))
                {
                    return;
                }

                ISymbol? member = initializer switch
                {
                    IFieldInitializerOperation field when field.InitializedFields.Length > 0 => field.InitializedFields[0],
                    IPropertyInitializerOperation property when property.InitializedProperties.Length > 0 => property.InitializedProperties[0],
                    IParameterInitializerOperation parameter => parameter.Parameter,
                    _ => null,
                };
                if (member is null || !filter.IsCandidate(member) || TypeOf(member) is not { } type || !filter.IsSettingType(type) || IsNamedConstant(member))
                {
                    return;
                }

                judge(c, new SettingSink(initializer.Value, member, member is IParameterSymbol ? SettingSinkKind.DefaultValue : SettingSinkKind.Initializer, initializer, type));
            },
            OperationKind.FieldInitializer,
            OperationKind.PropertyInitializer,
            OperationKind.ParameterInitializer);

    /// <summary>The property or field a value is stored into; null for locals and parameters (their value is followed instead).</summary>
    private static ISymbol? Member(IOperation target) => target switch
    {
        IPropertyReferenceOperation property => property.Property,
        IFieldReferenceOperation field => field.Field,
        _ => null,
    };

    private static ITypeSymbol? TypeOf(ISymbol member) => member switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };

    /// <summary>A const or static readonly member: a name for a value, followed to where it is used.</summary>
    private static bool IsNamedConstant(ISymbol member) => member switch
    {
        IFieldSymbol field => field.IsConst || (field.IsStatic && field.IsReadOnly),
        IPropertySymbol property => property.IsStatic && property.SetMethod is null,
        _ => false,
    };
}

/// <summary>Which sinks <see cref="SettingSinks.Register"/> watches.</summary>
[Flags]
internal enum SettingSinkKinds
{
    Assignment = 1,
    Argument = 2,
    Return = 4,
    Initializer = 8,
    All = Assignment | Argument | Return | Initializer,
}

internal enum SettingSinkKind
{
    Assignment,
    Argument,
    Return,
    Initializer,
    DefaultValue,
}

/// <summary>A value handed to a setting: where it goes (<see cref="Target"/>) and how.</summary>
internal readonly struct SettingSink
{
    private readonly ITypeSymbol? _targetType;

    /// <param name="targetType">The target's type where the caller has read it already (<see cref="TargetType"/> reads it otherwise).</param>
    public SettingSink(IOperation value, ISymbol target, SettingSinkKind kind, IOperation operation, ITypeSymbol? targetType = null)
    {
        Value = value;
        Target = target;
        Kind = kind;
        Operation = operation;
        _targetType = targetType;
    }

    /// <summary>The value as written at the sink (report its location, judge it with <see cref="ValueFlow"/>).</summary>
    public IOperation Value { get; }

    /// <summary>The property, field or parameter set, or the function whose return value it is.</summary>
    public ISymbol Target { get; }

    public SettingSinkKind Kind { get; }

    /// <summary>The type of the property, field or parameter, or the function's return type.</summary>
    public ITypeSymbol? TargetType => _targetType ?? Target switch
    {
        IFieldSymbol targetField => targetField.Type,
        IPropertySymbol property => property.Type,
        IParameterSymbol parameter => parameter.Type,
        IMethodSymbol method => method.ReturnType,
        _ => null,
    };

    /// <summary>The assignment, call, creation, return or initializer.</summary>
    public IOperation Operation { get; }

    /// <summary>How a message names the target: "HttpClientHandler.SslProtocols", "SslStream.AuthenticateAsClient(enabledSslProtocols)".</summary>
    public string Describe() => Target switch
    {
        IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter => MethodName(method) + "(" + parameter.Name + ")",
        IMethodSymbol method => MethodName(method),
        _ => Target.ContainingType is { } type ? type.Name + "." + Target.Name : Target.Name,
    };

    private static string MethodName(IMethodSymbol method) => method.MethodKind switch
    {
        MethodKind.Constructor => "new " + method.ContainingType.Name,
        MethodKind.AnonymousFunction => "the lambda",
        _ => method.ContainingType is { } type ? type.Name + "." + method.Name : method.Name,
    };
}
