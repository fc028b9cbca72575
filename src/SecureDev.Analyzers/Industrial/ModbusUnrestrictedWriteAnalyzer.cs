using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;
using static SecureDev.Analyzers.Industrial.IndustrialTypes;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// Modbus/TCP servers that accept the write function codes from anyone: a FluentModbus ModbusTcpServer started
/// without a RequestValidator; an EasyModbus ModbusServer listening with none of FunctionCode5/6/15/16/23Disabled set;
/// an NModbus slave created with the library's writable DefaultSlaveDataStore (explicit or by default) on a factory
/// with the built-in function services. A validator, disabled write codes, a data store of the product's own (which
/// can refuse writes) or a factory without built-in services stay quiet, as do servers configured in other code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModbusUnrestrictedWriteAnalyzer : SecureDevAnalyzer
{
    private static readonly string[] WriteCodes =
    {
        "FunctionCode5Disabled", "FunctionCode6Disabled", "FunctionCode15Disabled", "FunctionCode16Disabled", "FunctionCode23Disabled",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.ModbusUnrestrictedWrite);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var compilation = context.Compilation;
        TrackedObjects.Register(context, Origins.Resolve(compilation, FluentModbusTcpServer), null, (c, servers) =>
        {
            foreach (var server in servers)
            {
                if (!server.Escapes && !server.IsAssigned("RequestValidator") && ModbusServers.FirstCall(server, ModbusServers.IsListeningStart) is { } start)
                {
                    Report(c.ReportDiagnostic, CallSite.Location(start), "FluentModbus ModbusTcpServer." + CallSite.Text(start), "reject writes outside the allowed units and registers in RequestValidator");
                }
            }
        });

        TrackedObjects.Register(context, Origins.Resolve(compilation, EasyModbusServer), null, (c, servers) =>
        {
            foreach (var server in servers)
            {
                if (!server.Escapes && !ModbusServers.IsSerial(server) && !Array.Exists(WriteCodes, server.IsAssigned)
                    && ModbusServers.FirstCall(server, call => call.TargetMethod.Name == "Listen") is { } listen)
                {
                    Report(c.ReportDiagnostic, CallSite.Location(listen), "EasyModbus ModbusServer.Listen()", "set FunctionCode5Disabled, 6, 15, 16 and 23 to true for the write codes the product does not need");
                }
            }
        });

        var factories = Origins.Resolve(compilation, NModbusFactory, NModbusFactoryInterface);
        var defaultStore = compilation.GetTypeByMetadataName(NModbusDefaultSlaveDataStore);
        if (!factories.IsEmpty)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    if (invocation.TargetMethod.Name != "CreateSlave" || !factories.Contains(invocation.TargetMethod.ContainingType, SymbolEqualityComparer.Default)
                        || invocation.Arguments.ArgumentFor("dataStore") is not { } store
                        || !IsDefaultStore(store, defaultStore) || FactoryWithoutBuiltIns(invocation.Instance))
                    {
                        return;
                    }

                    Report(c.ReportDiagnostic, CallSite.Location(invocation), "The NModbus slave of " + CallSite.Text(invocation), "give CreateSlave an ISlaveDataStore that refuses writes outside the allowed registers");
                },
                OperationKind.Invocation);
        }
    }

    private static bool IsDefaultStore(IArgumentOperation store, INamedTypeSymbol? defaultStore)
    {
        if (store.ArgumentKind == ArgumentKind.DefaultValue)
        {
            return true;
        }

        var value = Origins.Definition(store.Value);
        return value is IObjectCreationOperation creation && SymbolEqualityComparer.Default.Equals(creation.Type, defaultStore)
               || value is { ConstantValue: { HasValue: true, Value: null } };
    }

    /// <summary>A factory created here as new ModbusFactory(..., includeBuiltIn: false): the write services are the product's own.</summary>
    private static bool FactoryWithoutBuiltIns(IOperation? factory)
    {
        return Origins.Definition(factory) is IObjectCreationOperation creation
               && creation.Arguments.ArgumentFor("includeBuiltIn") is { } builtIn
               && ValueFlow.TryGetConstant(builtIn.Value, out var value) && value is false;
    }

    private static void Report(Action<Diagnostic> report, Location location, string server, string remedy) =>
        report(Diagnostic.Create(RuleCatalog.ModbusUnrestrictedWrite, location, server, remedy));
}
