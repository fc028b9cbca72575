using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Cryptography;

/// <summary>
/// System.Random output (Next*, NextBytes, GetItems, called or taken as a method group) that becomes security material:
/// a value flow inside the function that contains the call (<see cref="RandomValueFlow"/>) follows it through locals,
/// arithmetic, string building, indexing into an alphabet, LINQ and lambdas, and reports it when it reaches a variable,
/// field, property, parameter or function result named like a token, key, salt, nonce, password, session identifier or
/// challenge, or any argument of a System.Security.Cryptography API. Random numbers for jitter, sampling, simulation,
/// test data or UI never reach such a place and stay quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InsecureRandomnessAnalyzer : SecureDevAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.InsecureRandomness);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var random = context.Compilation.GetTypeByMetadataName("System.Random");
        if (random is null)
        {
            return;
        }

        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                if (IsRandomOutput(invocation.TargetMethod, random))
                {
                    Analyze(c, invocation);
                }
            },
            OperationKind.Invocation);

        context.RegisterOperationAction(
            c =>
            {
                var reference = (IMethodReferenceOperation)c.Operation;
                if (IsRandomOutput(reference.Method, random))
                {
                    Analyze(c, reference);
                }
            },
            OperationKind.MethodReference);
    }

    private static void Analyze(OperationAnalysisContext context, IOperation source)
    {
        if (RandomValueFlow.FindSecurityUse(source, context.ContainingSymbol) is { } use)
        {
            context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.InsecureRandomness, source.Syntax.GetLocation(), use));
        }
    }

    private static bool IsRandomOutput(IMethodSymbol method, INamedTypeSymbol random)
    {
        if (method.IsStatic || method.Name is not ("Next" or "NextInt64" or "NextDouble" or "NextSingle" or "NextBytes" or "GetItems" or "GetString" or "GetHexString"))
        {
            return false;
        }

        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, random))
            {
                return true;
            }
        }

        return false;
    }
}
