using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Rules;
using static SecureDev.Analyzers.Industrial.IndustrialTypes;
using static SecureDev.Analyzers.Industrial.InsecureSetting;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// An MQTTnet broker with its plaintext endpoint (port 1883) enabled: WithDefaultEndpoint() on the server options
/// builder (alone or next to WithEncryptedEndpoint()), and DefaultEndpointOptions.IsEnabled = true. A default endpoint
/// bound to loopback on both IPv4 and IPv6 (a local bridge or test harness) stays quiet; so does IsEnabled from configuration.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MqttBrokerPlaintextEndpointAnalyzer : SettingRuleAnalyzer
{
    private protected override DiagnosticDescriptor Rule => RuleCatalog.MqttBrokerPlaintextEndpoint;

    private protected override IEnumerable<InsecureSetting> Settings { get; } = new[]
    {
        Property("IsEnabled", Is(true), MqttServerTcpEndpointOptions),
    };

    private protected override void OnLibraryStart(CompilationStartAnalysisContext context)
    {
        if (context.Compilation.GetTypeByMetadataName(MqttServerOptionsBuilder) is not { } builder)
        {
            return;
        }

        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                if (invocation.TargetMethod.Name != "WithDefaultEndpoint" || invocation.Instance is null
                    || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, builder))
                {
                    return;
                }

                var calls = FluentBuilderCalls.Collect(invocation, builder);
                if (BoundToLoopback(calls, "WithDefaultEndpointBoundIPAddress") && BoundToLoopback(calls, "WithDefaultEndpointBoundIPV6Address"))
                {
                    return;
                }

                c.ReportDiagnostic(Diagnostic.Create(Rule, CallSite.Location(invocation), "WithDefaultEndpoint()", string.Empty));
            },
            OperationKind.Invocation);
    }

    private static bool BoundToLoopback(FluentBuilderCalls calls, string method) =>
        calls.Last(method) is { Arguments.Length: > 0 } bound
        && (NetworkAddresses.IsLoopback(bound.Arguments[0].Value)
            || bound.Arguments[0].Value is IFieldReferenceOperation { Field.Name: "None" });
}
