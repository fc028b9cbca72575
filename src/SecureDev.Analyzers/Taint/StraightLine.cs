using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Taint;

/// <summary>
/// Recognizes a method body without branches: statements that run one after another, a return only at the end, and no
/// expression that the control flow graph would split (a conditional, <c>??</c>, <c>?.</c>, <c>&amp;&amp;</c>, a pattern, a
/// lambda, an initializer the graph lowers). The flow analysis of such a body in source order gives what the analysis of
/// its graph gives, without building the graph, which costs more than the analysis itself: constructors, factories,
/// delegating overloads and small helpers, much of what summaries are computed for.
/// </summary>
internal static class StraightLine
{
    public static bool Is(IOperation body) => body switch
    {
        IMethodBodyOperation method => (method.BlockBody is null || method.ExpressionBody is null) && Block(method.BlockBody ?? method.ExpressionBody, returns: true),
        IConstructorBodyOperation constructor => (constructor.Initializer is null || Expressions(constructor.Initializer))
            && (constructor.BlockBody is null || constructor.ExpressionBody is null)
            && Block(constructor.BlockBody ?? constructor.ExpressionBody, returns: true),
        _ => false,
    };

    /// <param name="returns">Whether a return may end the block (the body's own block only).</param>
    private static bool Block(IBlockOperation? block, bool returns)
    {
        if (block is null)
        {
            return true;
        }

        var statements = block.Operations;
        for (var i = 0; i < statements.Length; i++)
        {
            var fits = statements[i] switch
            {
                IExpressionStatementOperation statement => Expressions(statement.Operation),
                IVariableDeclarationGroupOperation group => Declarations(group),
                IReturnOperation returned => returns && i == statements.Length - 1 && (returned.ReturnedValue is null || Expressions(returned.ReturnedValue)),
                IBlockOperation nested => Block(nested, returns: false),
                IEmptyOperation => true,
                _ => false,
            };
            if (!fits)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Declarations(IVariableDeclarationGroupOperation group)
    {
        foreach (var declaration in group.Declarations)
        {
            if (declaration.Initializer is not null || !declaration.IgnoredDimensions.IsEmpty)
            {
                return false;
            }

            foreach (var declarator in declaration.Declarators)
            {
                if (!declarator.IgnoredArguments.IsEmpty || (declarator.Initializer is { } initializer && !Expressions(initializer.Value)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Expressions(IOperation root)
    {
        var fits = true;
        OperationWalk.Run(root, ref fits, static (IOperation operation, ref bool fits) =>
        {
            fits = !Branches(operation);
            return fits;
        });
        return fits;
    }

    /// <summary>An expression the graph splits into blocks or lowers into captures and assignments of its own.</summary>
    private static bool Branches(IOperation operation) => operation.Kind switch
    {
        OperationKind.Conditional or OperationKind.Coalesce or OperationKind.CoalesceAssignment or OperationKind.ConditionalAccess
            or OperationKind.SwitchExpression or OperationKind.IsPattern or OperationKind.Throw or OperationKind.AnonymousFunction
            or OperationKind.LocalFunction or OperationKind.ObjectOrCollectionInitializer or OperationKind.With
            or OperationKind.DeclarationExpression or OperationKind.InterpolatedStringHandlerCreation
            or OperationKind.DeconstructionAssignment or OperationKind.AnonymousObjectCreation or OperationKind.Invalid => true,
        OperationKind.Binary => ((IBinaryOperation)operation).OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr,
        // Kinds newer than the Roslyn the analyzers compile against (collection expressions, spreads): not known here
        // to be kept whole by the graph.
        _ => operation.Kind > OperationKind.Attribute,
    };
}
