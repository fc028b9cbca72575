using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SecureDev.Analyzers.Common;

/// <summary>
/// Where a value comes from, as far as the rules need to know: data built only from constants (a key or IV written in
/// source), and the one value a local is given; the constant a value always has is <see cref="ValueFlow.TryGetConstant"/>. Values are followed through conversions, locals assigned once in the
/// same body, and static readonly fields whose initializer is constant data. Anything else (a parameter, a call, a
/// field set at run time) is not constant: the rules then stay quiet.
/// </summary>
internal static class ValueOrigin
{
    private const int MaxDepth = 8;

    /// <summary>
    /// True when the value is written in source: a constant, an array or collection of constants, a UTF-8 or string
    /// literal turned into bytes or characters (<c>"..."u8</c>, <c>Encoding.UTF8.GetBytes("...")</c>,
    /// <c>Convert.FromBase64String("...")</c>, <c>"...".ToCharArray()</c>), or a local or static readonly field holding one.
    /// </summary>
    public static bool IsConstantData(IOperation? value) => IsConstantData(value, 0);

    /// <summary>
    /// As <see cref="IsConstantData(IOperation?)"/>, for a value reached <paramref name="depth"/> steps from where the
    /// judging started (a caller that has found a local's definition itself judges it at depth 1).
    /// </summary>
    internal static bool IsConstantData(IOperation? value, int depth)
    {
        if (value is null || depth > MaxDepth)
        {
            return false;
        }

        value = value.WithoutConversions();
        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue.Value is not null;
        }

        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                return initializer.ElementValues.Length > 0 && initializer.ElementValues.All(e => IsConstantData(e, depth + 1));
            case IUtf8StringOperation:
                return true;
            case IInvocationOperation invocation:
                return IsConversionOfConstant(invocation, depth);
            case ILocalReferenceOperation local:
                return SingleDefinition(local) is { } definition && IsConstantData(definition, depth + 1);
            case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field }:
                return IsConstantInitializer(field);
            case IPropertyReferenceOperation { Property: { IsStatic: true, SetMethod: null } property }:
                return IsConstantInitializer(property);
            default:
                // Collection expressions ([1, 2, 3]) are operation kinds newer than the Roslyn this assembly targets.
                return NewerOperationKinds.IsCollectionExpression(value)
                       && value.ChildOperations.Count > 0
                       && value.ChildOperations.All(e => IsConstantData(e, depth + 1));
        }
    }

    /// <summary>Encoding.*.GetBytes("..."), Convert.FromBase64String("..."), Convert.FromHexString("..."), "...".ToCharArray().</summary>
    private static bool IsConversionOfConstant(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        switch (method.Name)
        {
            case "GetBytes" when invocation.Arguments.Length == 1 && DerivesFromEncoding(type):
            case "FromBase64String" or "FromHexString" when type.IsType("System", "Convert"):
                return invocation.Arguments.Length == 1 && IsConstantData(invocation.Arguments[0].Value, depth + 1);
            case "ToCharArray" when type.SpecialType == SpecialType.System_String:
                return invocation.Instance is { } instance && IsConstantData(instance, depth + 1);
            case "ToArray" when invocation.Instance is IUtf8StringOperation:
                return true;
            default:
                return false;
        }
    }

    /// <summary>The value a local is given, when it is given exactly one (its initializer or one assignment) and never passed by reference.</summary>
    public static IOperation? SingleDefinition(ILocalReferenceOperation reference)
    {
        // Many rules follow locals, each walking the whole body; the order of the walk does not matter, the answer is the
        // one definition or none.
        var search = (Local: reference.Local, Definition: (IOperation?)null, Count: 0);
        OperationWalk.Run(reference.Root(), ref search, CountDefinitions);
        return search.Count == 1 ? search.Definition : null;
    }

    /// <summary>Counts a local's definitions; a pass by reference ends the walk with no single one.</summary>
    private static readonly OperationWalk.Visitor<(ILocalSymbol Local, IOperation? Definition, int Count)> CountDefinitions =
        (IOperation operation, ref (ILocalSymbol Local, IOperation? Definition, int Count) search) =>
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, search.Local):
                    var initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                    if (initializer is not null)
                    {
                        search.Definition = initializer;
                        search.Count++;
                    }

                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, search.Local):
                    search.Definition = assignment is ISimpleAssignmentOperation simple ? simple.Value : null;
                    search.Count++;
                    break;
                case IArgumentOperation { Value: ILocalReferenceOperation passed } argument
                    when SymbolEqualityComparer.Default.Equals(passed.Local, search.Local) && argument.Parameter?.RefKind is not (null or RefKind.None or RefKind.In):
                    search.Count = int.MaxValue; // passed by reference: it may be given any value there
                    return false;
            }

            return true;
        };

    /// <summary>
    /// A static readonly field or get-only static property initialized with constant data. Its initializer may be in
    /// another file, so it is judged from syntax: literals, arrays of literals and literal strings turned into bytes.
    /// </summary>
    private static bool IsConstantInitializer(ISymbol member) =>
        ValueFlow.InitializerSyntax(member) is { } initializer && IsConstantSyntax(initializer);

    private static bool IsConstantSyntax(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal => !literal.IsKind(SyntaxKind.NullLiteralExpression) && !literal.IsKind(SyntaxKind.DefaultLiteralExpression),
        ParenthesizedExpressionSyntax parenthesized => IsConstantSyntax(parenthesized.Expression),
        CastExpressionSyntax cast => IsConstantSyntax(cast.Expression),
        PrefixUnaryExpressionSyntax unary => IsConstantSyntax(unary.Operand),
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => AllConstant(initializer),
        ImplicitArrayCreationExpressionSyntax { Initializer: { } initializer } => AllConstant(initializer),
        InitializerExpressionSyntax initializer => AllConstant(initializer),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation =>
            (access.Name.Identifier.ValueText is "GetBytes" or "FromBase64String" or "FromHexString"
             && invocation.ArgumentList.Arguments.Count == 1
             && IsConstantSyntax(invocation.ArgumentList.Arguments[0].Expression))
            || (access.Name.Identifier.ValueText is "ToCharArray" or "ToArray" && IsConstantSyntax(access.Expression)),
        _ => expression.Kind().ToString() == "CollectionExpression"
             && expression.ChildNodes().All(element => element.ChildNodes().OfType<ExpressionSyntax>().All(IsConstantSyntax)),
    };

    private static bool AllConstant(InitializerExpressionSyntax initializer) =>
        initializer.Expressions.Count > 0 && initializer.Expressions.All(IsConstantSyntax);

    private static bool DerivesFromEncoding(INamedTypeSymbol? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.IsType("System.Text", "Encoding"))
            {
                return true;
            }
        }

        return false;
    }
}
