using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;
using static SecureDev.Analyzers.Industrial.IndustrialTypes;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// Industrial protocol servers bound to every interface, explicitly (IPAddress.Any, IPv6Any, "0.0.0.0") or by the
/// library's default: MQTTnet broker endpoints without a bound address or bound to Any (builder or
/// BoundInterNetworkAddress); FluentModbus ModbusTcpServer.Start() (which binds Any) and Start(Any);
/// EasyModbus ModbusServer.Listen() without a LocalIPAddress; NModbus slave networks on a TcpListener or UdpClient
/// bound to Any. A configured, specific or loopback address stays quiet, as do servers whose binding is decided
/// elsewhere (a client provider, a listener passed in). Modbus findings say that the protocol has no security and how
/// to record the compensating countermeasure.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IndustrialServerOnEveryInterfaceAnalyzer : SecureDevAnalyzer
{
    private const string MqttDefault = " (MQTTnet binds to IPAddress.Any unless a bound address is set)";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.IndustrialServerOnEveryInterface);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var compilation = context.Compilation;
        var mqttBuilder = compilation.GetTypeByMetadataName(MqttServerOptionsBuilder);
        var mqttEndpoint = compilation.GetTypeByMetadataName(MqttServerTcpEndpointBaseOptions);
        var fluentServer = compilation.GetTypeByMetadataName(FluentModbusTcpServer);
        var nmodbus = Origins.Resolve(compilation, NModbusFactory, NModbusFactoryInterface);
        if (mqttBuilder is not null || fluentServer is not null || !nmodbus.IsEmpty)
        {
            context.RegisterOperationAction(c => OnInvocation(c, mqttBuilder, fluentServer, nmodbus), OperationKind.Invocation);
        }

        if (mqttEndpoint is not null)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var assignment = (ISimpleAssignmentOperation)c.Operation;
                    if (assignment.Target is IPropertyReferenceOperation { Property.Name: "BoundInterNetworkAddress" or "BoundInterNetworkV6Address" } property
                        && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, mqttEndpoint)
                        && NetworkAddresses.IsEveryInterface(assignment.Value))
                    {
                        Report(c, assignment.Syntax.GetLocation(), "The MQTT broker endpoint (" + assignment.Syntax + ")", string.Empty, string.Empty);
                    }
                },
                OperationKind.SimpleAssignment);
        }

        TrackedObjects.Register(context, Origins.Resolve(compilation, EasyModbusServer), null, (c, servers) =>
        {
            foreach (var server in servers)
            {
                if (server.Escapes || ModbusServers.IsSerial(server) || ModbusServers.FirstCall(server, call => call.TargetMethod.Name == "Listen") is not { } listen)
                {
                    continue;
                }

                if (!server.Assigned.TryGetValue("LocalIPAddress", out var addresses) || addresses.Exists(NetworkAddresses.IsEveryInterface))
                {
                    Report(c.ReportDiagnostic, CallSite.Location(listen), "EasyModbus ModbusServer.Listen()", addresses is null ? " (LocalIPAddress defaults to IPAddress.Any)" : string.Empty, ModbusServers.CompensatingCountermeasure);
                }
            }
        });
    }

    private static void OnInvocation(OperationAnalysisContext context, INamedTypeSymbol? mqttBuilder, INamedTypeSymbol? fluentServer, ImmutableArray<INamedTypeSymbol> nmodbus)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "WithDefaultEndpoint" or "WithEncryptedEndpoint" when invocation.Instance is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, mqttBuilder):
                var calls = FluentBuilderCalls.Collect(invocation, mqttBuilder!);
                var bound = calls.Last(method.Name == "WithDefaultEndpoint" ? "WithDefaultEndpointBoundIPAddress" : "WithEncryptedEndpointBoundIPAddress");
                if (bound is null && !calls.Escapes)
                {
                    Report(context, CallSite.Location(invocation), "The MQTT broker endpoint of " + method.Name + "()", MqttDefault, string.Empty);
                }
                else if (bound is { Arguments.Length: > 0 } && NetworkAddresses.IsEveryInterface(bound.Arguments[0].Value))
                {
                    Report(context, CallSite.Location(bound), "The MQTT broker endpoint of " + CallSite.Text(bound), string.Empty, string.Empty);
                }

                break;
            case "Start" when fluentServer is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, fluentServer) && ModbusServers.IsListeningStart(invocation):
                var first = method.Parameters.Length == 0 ? null : method.Parameters[0];
                if (first is null || first.Type.SpecialType == SpecialType.System_Boolean
                    || (first.Type.Name is "IPAddress" or "IPEndPoint" && NetworkAddresses.IsEveryInterface(invocation.Arguments[0].Value)))
                {
                    Report(context, CallSite.Location(invocation), "FluentModbus ModbusTcpServer." + CallSite.Text(invocation), first is null || first.Type.SpecialType == SpecialType.System_Boolean ? " (Start() binds to IPAddress.Any)" : string.Empty, ModbusServers.CompensatingCountermeasure);
                }

                break;
            case "CreateSlaveNetwork" when nmodbus.Contains(method.ContainingType, SymbolEqualityComparer.Default) && invocation.Arguments.Length == 1:
                if (ListensOnEveryInterface(invocation.Arguments[0].Value))
                {
                    Report(context, CallSite.Location(invocation), "The NModbus slave network of " + CallSite.Text(invocation), string.Empty, ModbusServers.CompensatingCountermeasure);
                }

                break;
        }
    }

    /// <summary>A TcpListener or UdpClient created here on every interface: (Any, port), (port), TcpListener.Create(port).</summary>
    private static bool ListensOnEveryInterface(IOperation listener)
    {
        switch (Origins.Definition(listener))
        {
            case IObjectCreationOperation { Type.Name: "TcpListener" or "UdpClient", Constructor: { } constructor } creation:
                if (creation.Arguments.Length == 0)
                {
                    return false;
                }

                var first = constructor.Parameters[0].Type;
                return first.SpecialType == SpecialType.System_Int32 || NetworkAddresses.IsEveryInterface(creation.Arguments[0].Value);
            case IInvocationOperation { TargetMethod: { Name: "Create", ContainingType.Name: "TcpListener" } }:
                return true;
            default:
                return false;
        }
    }

    private static void Report(OperationAnalysisContext context, Location location, string server, string how, string detail) =>
        Report(context.ReportDiagnostic, location, server, how, detail);

    private static void Report(Action<Diagnostic> report, Location location, string server, string how, string detail) =>
        report(Diagnostic.Create(RuleCatalog.IndustrialServerOnEveryInterface, location, server, how, detail));
}
