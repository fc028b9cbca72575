using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SecureDev.Analyzers.Common;

/// <summary>
/// One shape for the four kinds of function C# has (method, local function, lambda, anonymous method), so that
/// rules that judge a callback's body (does it always return true, does it read this parameter) work on all of them.
/// </summary>
internal readonly struct FunctionBody
{
    private readonly SyntaxNode _syntax;

    private FunctionBody(IMethodSymbol symbol, IOperation? body, SyntaxNode syntax)
    {
        Symbol = symbol;
        Body = body;
        _syntax = syntax;
    }

    public IMethodSymbol Symbol { get; }

    public IOperation? Body { get; }

    /// <summary>Where a finding about the whole function goes: the name of a method or local function, else the lambda.</summary>
    public Location Location => Symbol.MethodKind == MethodKind.AnonymousFunction
        ? _syntax.GetLocation()
        : Symbol.Locations.FirstOrDefault() ?? _syntax.GetLocation();

    /// <summary>How a message names it: "Method 'Accept'", "Local function 'Accept'", "The lambda", "The anonymous method".</summary>
    public string Description => Symbol.MethodKind switch
    {
        MethodKind.LocalFunction => $"Local function '{Symbol.Name}'",
        MethodKind.AnonymousFunction => _syntax is AnonymousMethodExpressionSyntax ? "The anonymous method" : "The lambda",
        _ => $"Method '{Symbol.Name}'",
    };

    /// <summary>Registers <paramref name="action"/> for every function body in the compilation.</summary>
    public static void Register(CompilationStartAnalysisContext context, Action<OperationAnalysisContext, FunctionBody> action)
    {
        context.RegisterOperationAction(
            c =>
            {
                if (c.ContainingSymbol is IMethodSymbol method)
                {
                    action(c, Of((IMethodBodyOperation)c.Operation, method));
                }
            },
            OperationKind.MethodBody);

        context.RegisterOperationAction(c => action(c, Of((ILocalFunctionOperation)c.Operation)), OperationKind.LocalFunction);
        context.RegisterOperationAction(c => action(c, Of((IAnonymousFunctionOperation)c.Operation)), OperationKind.AnonymousFunction);
    }

    /// <summary>The body of <paramref name="method"/> (the containing symbol of a method body operation).</summary>
    public static FunctionBody Of(IMethodBodyOperation body, IMethodSymbol method) =>
        new(method, (IOperation?)body.BlockBody ?? body.ExpressionBody, body.Syntax);

    public static FunctionBody Of(ILocalFunctionOperation local) => new(local.Symbol, local.Body ?? local.IgnoredBody, local.Syntax);

    public static FunctionBody Of(IAnonymousFunctionOperation lambda) => new(lambda.Symbol, lambda.Body, lambda.Syntax);

    /// <summary>The operations of the body, without those of functions nested in it (they are judged on their own).</summary>
    public IEnumerable<IOperation> Operations() => Body is null ? Enumerable.Empty<IOperation>() : OwnOperations(Body);

    /// <summary><paramref name="root"/> and the operations under it, without those of lambdas and local functions nested in it.</summary>
    public static IEnumerable<IOperation> OwnOperations(IOperation root)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var operation = stack.Pop();
            yield return operation;
            foreach (var child in operation.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    stack.Push(child);
                }
            }
        }
    }
}
