using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureDev.Analyzers.Common;

internal static class OperationExtensions
{
    /// <summary>The operation without the implicit and explicit conversions and parentheses around it.</summary>
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The outermost operation of the body or initializer <paramref name="operation"/> belongs to.</summary>
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    /// <summary>The local <paramref name="value"/> initializes (<c>var x = value;</c>, through conversions), if any.</summary>
    public static ILocalSymbol? InitializedLocal(this IOperation value)
    {
        var parent = value.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol : null;
    }

    /// <summary>The compile-time string value of <paramref name="operation"/>, when it has one.</summary>
    public static bool TryGetConstantString(this IOperation? operation, out string value)
    {
        if (operation is not null && operation.ConstantValue is { HasValue: true, Value: string text })
        {
            value = text;
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>The argument bound to the parameter called <paramref name="parameterName"/>, if the call has one.</summary>
    public static IArgumentOperation? ArgumentFor(this System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, string parameterName)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == parameterName)
            {
                return argument;
            }
        }

        return null;
    }
}
