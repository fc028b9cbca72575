using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;
using static SecureDev.Analyzers.Industrial.IndustrialTypes;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// Connections over controller protocols that have no security of their own, so that each product records the
/// network protection it relies on: S7comm (S7NetPlus new Plc(...)), EtherNet/IP CIP or Modbus/TCP through libplctag
/// (new Tag), and Modbus/TCP clients (NModbus CreateMaster on a TcpClient, UdpClient or Socket, FluentModbus
/// ModbusTcpClient.Connect, EasyModbus ModbusClient.Connect). Controllers on loopback (a simulator) and serial Modbus
/// RTU stay quiet. The finding is closed by one assembly-level suppression whose justification starts with
/// "Compensating countermeasure:", which the evidence bundle lists under SG-2.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IndustrialProtocolWithoutSecurityAnalyzer : SecureDevAnalyzer
{
    private const string S7 = "S7comm (ISO-on-TCP, port 102)";
    private const string ModbusTcp = "Modbus/TCP (port 502)";
    private const string Cip = "EtherNet/IP CIP (port 44818)";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.IndustrialProtocolWithoutSecurity);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var compilation = context.Compilation;
        var plc = compilation.GetTypeByMetadataName(S7Plc);
        var tags = Origins.Resolve(compilation, LibplctagTag, LibplctagGenericTag);
        if (plc is not null || !tags.IsEmpty)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var creation = (IObjectCreationOperation)c.Operation;
                    if (creation.Type is not INamedTypeSymbol type)
                    {
                        return;
                    }

                    if (SymbolEqualityComparer.Default.Equals(type, plc) && !OnLoopback(creation.Arguments.ArgumentFor("ip")?.Value))
                    {
                        Report(c, creation.Syntax.GetLocation(), "new Plc(...)", S7);
                    }
                    else if (tags.Contains(type.OriginalDefinition, SymbolEqualityComparer.Default) && Gateway(creation) is var (gateway, protocol) && !OnLoopback(gateway))
                    {
                        Report(c, creation.Syntax.GetLocation(), "new " + type.Name, protocol);
                    }
                },
                OperationKind.ObjectCreation);
        }

        var modbusClients = Origins.Resolve(compilation, NModbusFactory, NModbusFactoryInterface, FluentModbusTcpClient, EasyModbusClient);
        if (!modbusClients.IsEmpty)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    var method = invocation.TargetMethod;
                    if (method.Name is not ("CreateMaster" or "Connect") || !modbusClients.Contains(method.ContainingType, SymbolEqualityComparer.Default))
                    {
                        return;
                    }

                    var target = invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
                    if (method.Name == "CreateMaster" && target?.WithoutConversions().Type?.Name is not ("TcpClient" or "UdpClient" or "Socket"))
                    {
                        return;
                    }

                    if (method.Name == "Connect" && target is null && method.ContainingType.Name == "ModbusClient" && IsSerialClient(invocation.Instance))
                    {
                        return;
                    }

                    if (!OnLoopback(target))
                    {
                        Report(c, CallSite.Location(invocation), method.ContainingType.Name + "." + CallSite.Text(invocation), ModbusTcp);
                    }
                },
                OperationKind.Invocation);
        }
    }

    /// <summary>The tag's Gateway and protocol from its initializer; no Gateway set means the tag is configured elsewhere.</summary>
    private static (IOperation Gateway, string Protocol)? Gateway(IObjectCreationOperation creation)
    {
        IOperation? gateway = null;
        var protocol = Cip;
        foreach (var member in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } set)
            {
                if (property.Property.Name == "Gateway")
                {
                    gateway = set.Value;
                }
                else if (property.Property.Name == "Protocol" && ValueFlow.TryGetConstant(set.Value, out var value) && value is 1)
                {
                    protocol = ModbusTcp;
                }
            }
        }

        return gateway is null ? null : (gateway, protocol);
    }

    private static bool OnLoopback(IOperation? address)
    {
        if (address is null)
        {
            return false;
        }

        if (ValueFlow.TryGetConstant(address, out var text) && text is string host)
        {
            var name = host.Split(':')[0];
            return HostNames.IsLoopback(name);
        }

        return NetworkAddresses.IsLoopback(address);
    }

    /// <summary>An EasyModbus client created here with the serial-port constructor (Modbus RTU).</summary>
    private static bool IsSerialClient(IOperation? instance)
    {
        return Origins.Definition(instance) is IObjectCreationOperation { Arguments.Length: 1 } creation && creation.Arguments[0].Parameter?.Name == "serialPort";
    }

    private static void Report(OperationAnalysisContext context, Location location, string call, string protocol) =>
        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.IndustrialProtocolWithoutSecurity, location, call, protocol));
}
