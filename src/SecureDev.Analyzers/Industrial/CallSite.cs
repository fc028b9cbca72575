using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// Where a call in a fluent chain is: from the method name to the end of its argument list, not the whole chain
/// before it, so that a finding on <c>.WithTcpServer("broker")</c> points at that line of a multi-line chain.
/// </summary>
internal static class CallSite
{
    public static Location Location(IInvocationOperation invocation)
    {
        if (invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call)
        {
            return Microsoft.CodeAnalysis.Location.Create(call.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, call.Span.End));
        }

        return invocation.Syntax.GetLocation();
    }

    /// <summary>The call as written: "WithTcpServer(\"broker.plant.local\", 1883)".</summary>
    public static string Text(IInvocationOperation invocation) =>
        invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
            ? access.Name + call.ArgumentList.ToString()
            : invocation.TargetMethod.Name + "()";
}
