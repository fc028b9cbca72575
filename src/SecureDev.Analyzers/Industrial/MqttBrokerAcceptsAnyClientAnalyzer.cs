using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// An MQTTnet broker (4.x or 5.x) that a type creates (factory CreateMqttServer or new MqttServer), starts, and never
/// gives a ValidatingConnectionAsync handler: MQTTnet then accepts every connection. Judged at the end of the type, so a
/// handler subscribed in another member counts; a broker handed to other code (an argument, a return) may get its
/// handler there and stays quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MqttBrokerAcceptsAnyClientAnalyzer : SecureDevAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.MqttBrokerAcceptsAnyClient);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var servers = Origins.Resolve(context.Compilation, IndustrialTypes.MqttServer);
        TrackedObjects.Register(context, servers, "CreateMqttServer", (c, objects) =>
        {
            foreach (var server in objects)
            {
                if (!server.Escapes && !server.Subscribed.Contains("ValidatingConnectionAsync") && server.Calls.Exists(call => call.TargetMethod.Name == "StartAsync"))
                {
                    var written = server.Creation is Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation ? CallSite.Text(invocation) : "new MqttServer(...)";
                    var location = server.Creation is Microsoft.CodeAnalysis.Operations.IInvocationOperation call ? CallSite.Location(call) : server.Creation!.Syntax.GetLocation();
                    c.ReportDiagnostic(Diagnostic.Create(RuleCatalog.MqttBrokerAcceptsAnyClient, location, written));
                }
            }
        });
    }
}
