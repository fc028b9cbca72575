using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Cryptography;

/// <summary>
/// Every way .NET lets code obtain an instance or a one-shot operation of a System.Security.Cryptography algorithm:
/// <c>new</c> of the class or of a subclass (*Managed, *CryptoServiceProvider), its static members (Create, HashData,
/// ...) called or taken as a method group, and creation by name through CryptoConfig or the abstract bases'
/// Create(string), the name written in place or held by a local, constant or static readonly field. The weak-hash,
/// weak-cipher and short-key rules describe their algorithms as data and share this one matcher.
/// </summary>
internal sealed class AlgorithmCreationRoutes
{
    private const string Namespace = "System.Security.Cryptography.";

    private static readonly string[] ByNameFactoryTypes =
    {
        Namespace + "CryptoConfig",
        Namespace + "HashAlgorithm",
        Namespace + "KeyedHashAlgorithm",
        Namespace + "HMAC",
        Namespace + "SymmetricAlgorithm",
        Namespace + "AsymmetricAlgorithm",
    };

    private readonly ImmutableDictionary<string, string> _displayNameByTypeName;
    private readonly ImmutableDictionary<string, string> _displayNameByConfigName;

    /// <param name="displayNameByTypeName">Simple names of the algorithm classes (in System.Security.Cryptography) and how messages name them.</param>
    /// <param name="displayNameByConfigName">Names CryptoConfig maps to those algorithms (matched case-insensitively, as CryptoConfig does).</param>
    public AlgorithmCreationRoutes(IDictionary<string, string> displayNameByTypeName, IDictionary<string, string> displayNameByConfigName)
    {
        _displayNameByTypeName = displayNameByTypeName.ToImmutableDictionary();
        _displayNameByConfigName = displayNameByConfigName.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>How messages name <paramref name="algorithm"/>, one of the types <see cref="Register"/> resolved.</summary>
    public string DisplayName(INamedTypeSymbol algorithm) => _displayNameByTypeName[algorithm.Name];

    /// <summary>The algorithm types the compilation references (empty: the API is absent).</summary>
    public TypeSet Resolve(Compilation compilation) =>
        TypeSet.Resolve(compilation, _displayNameByTypeName.Keys.Select(name => Namespace + name).ToArray());

    /// <summary>Registers the route actions; returns the resolved algorithm types (empty: nothing was registered).</summary>
    public TypeSet Register(CompilationStartAnalysisContext context, Action<OperationAnalysisContext, IOperation, string> report)
    {
        var algorithms = Resolve(context.Compilation);
        Register(context, algorithms, report);
        return algorithms;
    }

    /// <summary>
    /// Registers the route actions for <paramref name="algorithms"/> (from <see cref="Resolve"/>; when it is empty only
    /// the rule's own checks are registered).
    /// </summary>
    /// <param name="alsoOnCreation">The rule's own check of every object creation, run in the routes' callback: one
    /// callback per creation instead of two (the driver's call costs about as much as a cheap check).</param>
    /// <param name="alsoOnInvocation">The rule's own check of every call, run in the routes' callback.</param>
    public void Register(
        CompilationStartAnalysisContext context,
        TypeSet algorithms,
        Action<OperationAnalysisContext, IOperation, string> report,
        Action<OperationAnalysisContext, IObjectCreationOperation>? alsoOnCreation = null,
        Action<OperationAnalysisContext, IInvocationOperation>? alsoOnInvocation = null)
    {
        if (algorithms.IsEmpty)
        {
            if (alsoOnCreation is not null)
            {
                context.RegisterOperationAction(c => alsoOnCreation(c, (IObjectCreationOperation)c.Operation), OperationKind.ObjectCreation);
            }

            if (alsoOnInvocation is not null)
            {
                context.RegisterOperationAction(c => alsoOnInvocation(c, (IInvocationOperation)c.Operation), OperationKind.Invocation);
            }

            return;
        }

        var byNameFactories = TypeSet.Resolve(context.Compilation, ByNameFactoryTypes);

        context.RegisterOperationAction(
            c =>
            {
                var creation = (IObjectCreationOperation)c.Operation;
                if (algorithms.Contains(creation.Type, out var algorithm))
                {
                    report(c, creation, DisplayName(algorithm));
                }

                alsoOnCreation?.Invoke(c, creation);
            },
            OperationKind.ObjectCreation);

        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                CheckStaticRoutes(c, invocation, algorithms, byNameFactories, report);
                alsoOnInvocation?.Invoke(c, invocation);
            },
            OperationKind.Invocation);

        // A static factory or one-shot API as a method group: Func<byte[], byte[]> hash = SHA1.HashData.
        context.RegisterOperationAction(
            c =>
            {
                var reference = (IMethodReferenceOperation)c.Operation;
                if (reference.Method.IsStatic && reference.Parent is not INameOfOperation && algorithms.Contains(reference.Method.ContainingType, out var algorithm))
                {
                    report(c, reference, DisplayName(algorithm));
                }
            },
            OperationKind.MethodReference);
    }

    /// <summary>A static member of an algorithm class, or creation by name through a factory.</summary>
    private void CheckStaticRoutes(
        OperationAnalysisContext c,
        IInvocationOperation invocation,
        TypeSet algorithms,
        TypeSet byNameFactories,
        Action<OperationAnalysisContext, IOperation, string> report)
    {
        var method = invocation.TargetMethod;
        if (!method.IsStatic)
        {
            return;
        }

        if (algorithms.Contains(method.ContainingType, out var algorithm))
        {
            report(c, invocation, DisplayName(algorithm));
        }
        else if (method.Name is "Create" or "CreateFromName"
                 && byNameFactories.ContainsExactly(method.ContainingType)
                 && invocation.Arguments.Length > 0
                 && ValueFlow.TryGetConstant(invocation.Arguments[0].Value, out var constant)
                 && constant is string name
                 && _displayNameByConfigName.TryGetValue(name.Trim(), out var display))
        {
            report(c, invocation, display);
        }
    }
}
