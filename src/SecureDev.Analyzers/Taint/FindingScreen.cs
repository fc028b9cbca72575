using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Taint;

/// <summary>
/// Decides from a method's operation tree, before any graph is built, whether its own analysis can find anything. The
/// reach pass works on names, so it lets in every method that spells a source (a <c>catch (Exception)</c>, a
/// <c>Console.WriteLine</c>, a <c>NetworkStream</c> handed on to an <c>SslStream</c>); a finding needs both a value from
/// a source and a sink in the same analysis. The screen looks for each with symbols: a value can come from a source
/// member or type of the specification, a call into this compilation (its summary), a field or property some member in
/// reach writes, or a request handler registration; a sink is a sink of the specification, an allocation, index or
/// stackalloc with a computed size, a loop bound, or a call into this compilation (its summary may hold sinks). Both
/// tests over-approximate what <see cref="MethodAnalysis"/> can do, so a method screened out has no findings to lose.
/// Entry points are never screened: their parameters are sources the tree does not show.
/// </summary>
internal readonly struct FindingScreen
{
    private readonly TaintEngine _engine;

    public FindingScreen(TaintEngine engine) => _engine = engine;

    /// <summary>True when analyzing <paramref name="body"/> on its own may report something.</summary>
    public bool MayFind(IOperation body)
    {
        var seen = (Screen: this, Source: false, Sink: false);
        OperationWalk.Run(body, ref seen, Visit);
        return seen.Source && seen.Sink;
    }

    // The walk ends as soon as both have been seen.
    private static readonly OperationWalk.Visitor<(FindingScreen Screen, bool Source, bool Sink)> Visit = (IOperation operation, ref (FindingScreen Screen, bool Source, bool Sink) seen) =>
    {
        seen.Screen.Judge(operation, ref seen.Source, ref seen.Sink);
        return !(seen.Source && seen.Sink);
    };

    private void Judge(IOperation operation, ref bool source, ref bool sink)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                Member(invocation.TargetMethod, ref source, ref sink);
                if (!source && invocation.Arguments.Length > 0 && _engine.EntryPoints.IsHandlerRegistration(invocation.TargetMethod))
                {
                    source = true; // a request handler: its parameters are request data
                }

                source |= IsInstanceSource(operation);
                break;
            case IObjectCreationOperation creation:
                if (creation.Constructor is { } constructor)
                {
                    Member(constructor, ref source, ref sink);
                }

                source |= IsInstanceSource(operation);
                break;
            case IPropertyReferenceOperation property:
                Member(property.Property, ref source, ref sink);
                source |= IsInstanceSource(operation) || (!source && MayHoldProgramTaint(property.Property));
                break;
            case IFieldReferenceOperation field:
                source |= IsInstanceSource(operation) || (!source && MayHoldProgramTaint(field.Field));
                break;
            case ILocalReferenceOperation or IParameterReferenceOperation:
                source |= IsInstanceSource(operation);
                break;
            case IMethodReferenceOperation reference when _engine.IsInCompilation(reference.Method):
                // A method group handed on (a request handler, a callback): its summary may hold either.
                source = sink = true;
                break;
            case IArrayCreationOperation array:
                sink |= Computed(array.DimensionSizes);
                break;
            case IArrayElementReferenceOperation element:
                sink |= Computed(element.Indices);
                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual } comparison
                when comparison.Syntax.Parent is ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                sink = true;
                break;
            default:
                sink |= operation.Syntax is StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax;
                break;
        }
    }

    /// <summary>A member used by the method: the specification's roles for it, or a body of this compilation behind it.</summary>
    private void Member(ISymbol member, ref bool source, ref bool sink)
    {
        if (member is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction or MethodKind.DelegateInvoke })
        {
            return; // a local function or lambda is part of the tree being screened
        }

        foreach (var bound in _engine.Spec.For(member))
        {
            source |= bound.Entry.Role == EntryRole.Source;
            sink |= bound.Entry.Role == EntryRole.Sink;
        }

        if (_engine.IsInCompilation(member) && !(member is IPropertySymbol property && _engine.IsAutoProperty(property)))
        {
            // The callee's summary: what it returns may come from a source or from a field, and it may hold sinks.
            source = sink = true;
        }
    }

    private bool IsInstanceSource(IOperation operation) => _engine.Spec.HasInstanceSources && _engine.Spec.InstanceSource(operation.Type) is not null;

    /// <summary>A field or auto-property of this compilation that a member in reach may have filled (see <see cref="TaintEngine.FieldTaint"/>).</summary>
    private bool MayHoldProgramTaint(ISymbol member) =>
        member is IFieldSymbol { IsConst: false } or IPropertySymbol && _engine.IsInCompilation(member) && _engine.MayBeWritten(member);

    private static bool Computed(IEnumerable<IOperation> values)
    {
        foreach (var value in values)
        {
            if (!value.ConstantValue.HasValue)
            {
                return true;
            }
        }

        return false;
    }
}
