using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Cryptography;

/// <summary>
/// Where one random value goes inside the function that produces it. The value taints the locals it is stored in,
/// the buffers NextBytes/GetItems fill, and locals built from it (arithmetic, interpolation, concatenation,
/// StringBuilder.Append, element writes, indexing into an alphabet, conversions, LINQ over it, lambdas returning it),
/// until nothing changes. Then the first place it becomes security material is described, or null is returned.
/// Only value-like results carry it on (strings, numbers, arrays, spans, sequences, StringBuilder, Guid): an object
/// built with a random field (a simulated sensor, a game) is not itself random material.
/// </summary>
internal sealed class RandomValueFlow
{
    private const int MaxDepth = 12;
    private const int MaxPasses = 6;

    private readonly IOperation _source;
    private readonly ISymbol _containingSymbol;
    private readonly HashSet<ILocalSymbol> _tainted = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IAnonymousFunctionOperation, bool> _lambdas = new();
    private readonly List<IOperation> _operations = new();

    private RandomValueFlow(IOperation source, ISymbol containingSymbol)
    {
        _source = source;
        _containingSymbol = containingSymbol;
    }

    /// <summary>"the token 'sessionToken'", "the salt passed to 'Rfc2898DeriveBytes'", ...; null when the value never becomes security material.</summary>
    /// <param name="containingSymbol">The member whose body holds <paramref name="source"/> (its name says what it returns).</param>
    public static string? FindSecurityUse(IOperation source, ISymbol containingSymbol)
    {
        var flow = new RandomValueFlow(source, containingSymbol);
        return flow.FilledBuffer() ?? flow.Run();
    }

    /// <summary>NextBytes(buffer) and GetItems(choices, destination) return nothing: the buffer they fill is the value.</summary>
    private string? FilledBuffer()
    {
        if (_source is not IInvocationOperation invocation)
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name is not ("buffer" or "destination"))
            {
                continue;
            }

            var filled = argument.Value.WithoutConversions();
            if (NameOf(filled) is { } name && SecurityMaterialNames.RandomMaterial(name, isBinary: true) is { } kind)
            {
                return $"the {kind} '{name}'";
            }

            if (filled is ILocalReferenceOperation local)
            {
                _tainted.Add(local.Local);
            }
        }

        return null;
    }

    private string? Run()
    {
        var root = _source.Root();

        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is IVariableDeclaratorOperation or IAssignmentOperation or IInvocationOperation or IArgumentOperation
                or IReturnOperation or ISymbolInitializerOperation or IIsPatternOperation)
            {
                _operations.Add(operation);
            }
        }

        Propagate();
        return Sink();
    }

    /// <summary>Taints locals until a pass adds none.</summary>
    private void Propagate()
    {
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var changed = false;
            foreach (var operation in _operations)
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when !_tainted.Contains(declarator.Symbol):
                        var initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                        if (initializer is not null && IsTainted(initializer))
                        {
                            changed |= _tainted.Add(declarator.Symbol);
                        }

                        break;
                    case IAssignmentOperation assignment when TargetLocal(assignment.Target) is { } target && !_tainted.Contains(target):
                        if (IsTainted(assignment.Value))
                        {
                            changed |= _tainted.Add(target);
                        }

                        break;
                    case IInvocationOperation { Instance: { } instance } invocation
                        when instance.WithoutConversions() is ILocalReferenceOperation receiver && !_tainted.Contains(receiver.Local) && IsValue(receiver.Local.Type):
                        // builder.Append(c), list.Add(b): the receiver now holds the value (an object told a random number does not).
                        foreach (var argument in invocation.Arguments)
                        {
                            if (IsTainted(argument.Value))
                            {
                                changed |= _tainted.Add(receiver.Local);
                                break;
                            }
                        }

                        break;
                    case IIsPatternOperation { Pattern: IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol declared } } pattern
                        when !_tainted.Contains(declared) && IsTainted(pattern.Value):
                        // value is var token
                        changed |= _tainted.Add(declared);
                        break;
                    case IInvocationOperation { TargetMethod.Name: "CopyTo" or "TryCopyTo", Instance: { } copied } copy when IsTainted(copied):
                        foreach (var argument in copy.Arguments)
                        {
                            if (argument.Value.WithoutConversions() is ILocalReferenceOperation destination)
                            {
                                changed |= _tainted.Add(destination.Local);
                            }
                        }

                        break;
                }
            }

            if (!changed)
            {
                return;
            }
        }
    }

    /// <summary>The first place the value becomes security material.</summary>
    private string? Sink()
    {
        foreach (var operation in _operations)
        {
            string? use = operation switch
            {
                IVariableDeclaratorOperation declarator when _tainted.Contains(declarator.Symbol) => Named(declarator.Symbol.Name, declarator.Symbol.Type),
                IIsPatternOperation { Pattern: IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol declared } } when _tainted.Contains(declared) => Named(declared.Name, declared.Type),
                IAssignmentOperation assignment when TargetName(assignment.Target) is { } target && IsTainted(assignment.Value) => Named(target.Name, target.Type),
                IInvocationOperation { Instance: { } instance } when instance.WithoutConversions() is ILocalReferenceOperation receiver && _tainted.Contains(receiver.Local) =>
                    Named(receiver.Local.Name, receiver.Local.Type),
                IArgumentOperation { Parameter: { } parameter } argument when IsTainted(argument.Value) => Argument(parameter),
                IReturnOperation { ReturnedValue: { } returned } returnOperation when IsTainted(returned) => Returned(returnOperation),
                ISymbolInitializerOperation initializer when IsTainted(initializer.Value) => Initialized(initializer),
                _ => null,
            };
            if (use is not null)
            {
                return use;
            }
        }

        return null;
    }

    private static string? Named(string name, ITypeSymbol? type) => type?.TypeKind == TypeKind.Delegate
        ? NamedResult(name, (type as INamedTypeSymbol)?.DelegateInvokeMethod?.ReturnType)
        : SecurityMaterialNames.RandomMaterial(name, IsBinary(type)) is { } kind ? $"the {kind} '{name}'" : null;

    private static string? Argument(IParameterSymbol parameter)
    {
        // Every argument the value reaches comes here: the callee's name is built only for a finding.
        var callee = parameter.ContainingSymbol as IMethodSymbol;
        if (SecurityMaterialNames.RandomMaterial(parameter.Name, IsBinary(parameter.Type)) is { } kind)
        {
            return $"the {kind} passed to '{CalleeName(parameter, callee)}'";
        }

        return callee is not null && CryptographyNamespace.Contains(callee.ContainingType) ? $"an input of '{CalleeName(parameter, callee)}'" : null;
    }

    private static string CalleeName(IParameterSymbol parameter, IMethodSymbol? callee) =>
        callee is null ? parameter.ContainingSymbol.Name
        : callee.MethodKind == MethodKind.Constructor ? callee.ContainingType.Name
        : callee.ContainingType.Name + "." + callee.Name;

    private string? Returned(IReturnOperation returnOperation)
    {
        for (var current = returnOperation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ILocalFunctionOperation local:
                    return NamedResult(local.Symbol.Name, local.Symbol.ReturnType);
                case IAnonymousFunctionOperation lambda:
                    return LambdaTarget(lambda) is { } target ? NamedResult(target, lambda.Symbol.ReturnType) : null;
            }
        }

        // The member itself: a method's or a property getter's name.
        return _containingSymbol is IMethodSymbol method ? NamedResult((method.AssociatedSymbol ?? method).Name, method.ReturnType) : null;
    }

    private static string? NamedResult(string name, ITypeSymbol? type) =>
        SecurityMaterialNames.RandomMaterial(name, IsBinary(type)) is { } kind ? $"the {kind} returned by '{name}'" : null;

    /// <summary>A lambda is named by what it is stored in or passed as: Func&lt;string&gt; newToken = () => ...</summary>
    private static string? LambdaTarget(IAnonymousFunctionOperation lambda)
    {
        var parent = lambda.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol.Name,
            IAssignmentOperation assignment => TargetName(assignment.Target)?.Name,
            IArgumentOperation { Parameter: { } parameter } => parameter.Name,
            _ => null,
        };
    }

    private static string? Initialized(ISymbolInitializerOperation initializer)
    {
        var member = initializer switch
        {
            IFieldInitializerOperation { InitializedFields.Length: > 0 } field => (ISymbol)field.InitializedFields[0],
            IPropertyInitializerOperation { InitializedProperties.Length: > 0 } property => property.InitializedProperties[0],
            _ => null,
        };
        return member switch
        {
            IFieldSymbol field => Named(field.Name, field.Type),
            IPropertySymbol property => Named(property.Name, property.Type),
            _ => null,
        };
    }

    private bool IsTainted(IOperation? operation, int depth = 0)
    {
        if (operation is null || depth > MaxDepth)
        {
            return false;
        }

        if (ReferenceEquals(operation, _source))
        {
            return true;
        }

        depth++;
        switch (operation)
        {
            case IConversionOperation conversion:
                return IsTainted(conversion.Operand, depth);
            case IParenthesizedOperation parenthesized:
                return IsTainted(parenthesized.Operand, depth);
            case ILocalReferenceOperation local:
                return _tainted.Contains(local.Local);
            case IBinaryOperation binary:
                return binary.Type?.SpecialType != SpecialType.System_Boolean && (IsTainted(binary.LeftOperand, depth) || IsTainted(binary.RightOperand, depth));
            case IUnaryOperation unary:
                return IsTainted(unary.Operand, depth);
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation && IsTainted(interpolation.Expression, depth))
                    {
                        return true;
                    }
                }

                return false;
            case IInvocationOperation invocation:
                return IsValue(invocation.Type) && (IsTainted(invocation.Instance, depth) || AnyTainted(invocation.Arguments, depth));
            case IObjectCreationOperation creation:
                return IsValue(creation.Type) && AnyTainted(creation.Arguments, depth);
            case IArrayCreationOperation array:
                return array.Initializer is { } elements && AnyTainted(elements.ElementValues, depth);
            case IArrayElementReferenceOperation element:
                // alphabet[random.Next(alphabet.Length)]: a randomly chosen element is as random as its index.
                return IsTainted(element.ArrayReference, depth) || AnyTainted(element.Indices, depth);
            case IPropertyReferenceOperation property:
                return (property.Property.Name is not ("Length" or "Count" or "LongLength") && IsTainted(property.Instance, depth))
                       || AnyTainted(property.Arguments, depth);
            case IConditionalOperation conditional:
                return IsTainted(conditional.WhenTrue, depth) || IsTainted(conditional.WhenFalse, depth);
            case ICoalesceOperation coalesce:
                return IsTainted(coalesce.Value, depth) || IsTainted(coalesce.WhenNull, depth);
            case IDelegateCreationOperation delegateCreation:
                return IsTainted(delegateCreation.Target, depth);
            case IAnonymousFunctionOperation lambda:
                return ReturnsTainted(lambda, depth);
            default:
                // Collection expressions ([a, b]) are an operation kind newer than the Roslyn this assembly targets.
                if (NewerOperationKinds.IsCollectionExpression(operation))
                {
                    foreach (var child in operation.ChildOperations)
                    {
                        if (IsTainted(child, depth))
                        {
                            return true;
                        }
                    }
                }

                return false;
        }
    }

    private bool AnyTainted(IEnumerable<IOperation> operations, int depth)
    {
        foreach (var operation in operations)
        {
            var value = operation is IArgumentOperation argument ? argument.Value : operation;
            if (IsTainted(value, depth))
            {
                return true;
            }
        }

        return false;
    }

    private bool AnyTainted(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, int depth)
    {
        foreach (var argument in arguments)
        {
            if (IsTainted(argument.Value, depth))
            {
                return true;
            }
        }

        return false;
    }

    private bool ReturnsTainted(IAnonymousFunctionOperation lambda, int depth)
    {
        if (_lambdas.TryGetValue(lambda, out var known))
        {
            return known;
        }

        _lambdas[lambda] = false;
        var result = false;
        foreach (var operation in lambda.Body.Descendants())
        {
            if (operation is IReturnOperation { ReturnedValue: { } returned } && IsTainted(returned, depth))
            {
                result = true;
                break;
            }
        }

        _lambdas[lambda] = result;
        return result;
    }

    private static ILocalSymbol? TargetLocal(IOperation target) => target switch
    {
        ILocalReferenceOperation local => local.Local,
        IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array } => array.Local,
        _ => null,
    };

    /// <summary>The named thing an assignment writes: a local, field, property, parameter, or the array whose element it writes.</summary>
    private static (string Name, ITypeSymbol? Type)? TargetName(IOperation target) => target switch
    {
        ILocalReferenceOperation local => (local.Local.Name, local.Local.Type),
        IFieldReferenceOperation field => (field.Field.Name, field.Field.Type),
        IPropertyReferenceOperation property => (property.Property.Name, property.Property.Type),
        IParameterReferenceOperation parameter => (parameter.Parameter.Name, parameter.Parameter.Type),
        IArrayElementReferenceOperation element => TargetName(element.ArrayReference) is { } array ? (array.Name, null) : null,
        _ => null,
    };

    private static string? NameOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local.Name,
        IFieldReferenceOperation field => field.Field.Name,
        IPropertyReferenceOperation property => property.Property.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        _ => null,
    };

    /// <summary>byte[], Span&lt;byte&gt;, ReadOnlySpan&lt;byte&gt;, Memory&lt;byte&gt;: what key material is made of.</summary>
    private static bool IsBinary(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType.SpecialType == SpecialType.System_Byte,
        INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named => named.Name is "Span" or "ReadOnlySpan" or "Memory" or "ReadOnlyMemory"
                                                                                  && named.TypeArguments[0].SpecialType == SpecialType.System_Byte,
        _ => false,
    };

    private static bool IsNumber(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64
        or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Double or SpecialType.System_Single
        or SpecialType.System_Decimal or SpecialType.System_Byte or SpecialType.System_SByte;

    /// <summary>Types that carry a value on (text, numbers, bytes, sequences of them), as opposed to objects that merely hold one.</summary>
    private static bool IsValue(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (IsNumber(type) || type.SpecialType is SpecialType.System_String or SpecialType.System_Char || type.TypeKind == TypeKind.Array)
        {
            return true;
        }

        return type.Name is "Span" or "ReadOnlySpan" or "Memory" or "ReadOnlyMemory" or "IEnumerable" or "IOrderedEnumerable" or "List"
            or "ImmutableArray" or "StringBuilder" or "Guid" or "BigInteger";
    }
}
