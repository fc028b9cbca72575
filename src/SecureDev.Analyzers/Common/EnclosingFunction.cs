using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureDev.Analyzers.Common;

/// <summary>The function (lambda, anonymous method, local function or the member itself) an operation belongs to.</summary>
internal static class EnclosingFunction
{
    /// <summary>
    /// The innermost function around <paramref name="operation"/>: a lambda, anonymous method or local function, else
    /// <paramref name="containingSymbol"/> (the analysis context's containing symbol) when it is a method.
    /// </summary>
    public static IMethodSymbol? Of(IOperation operation, ISymbol? containingSymbol) => Find(operation, containingSymbol, out _);

    /// <summary>As <see cref="Of"/>, also giving the function's operation (null for the member itself).</summary>
    public static IMethodSymbol? Find(IOperation operation, ISymbol? containingSymbol, out IOperation? function)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    function = lambda;
                    return lambda.Symbol;
                case ILocalFunctionOperation local:
                    function = local;
                    return local.Symbol;
            }
        }

        function = null;
        return containingSymbol as IMethodSymbol;
    }
}
