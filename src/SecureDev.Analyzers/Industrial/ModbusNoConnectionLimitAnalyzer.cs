using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// A FluentModbus ModbusTcpServer started on a listening socket with MaxConnections left at its default 0 (no limit) or
/// set to 0. A limit from configuration or a constant above 0 stays quiet, as do servers configured in other code.
/// NModbus and EasyModbus offer no connection limit to set; their servers are covered by SD5030 and SD5031.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModbusNoConnectionLimitAnalyzer : SecureDevAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.ModbusNoConnectionLimit);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        TrackedObjects.Register(context, Origins.Resolve(context.Compilation, IndustrialTypes.FluentModbusTcpServer), null, (c, servers) =>
        {
            foreach (var server in servers)
            {
                if (server.Escapes || ModbusServers.FirstCall(server, ModbusServers.IsListeningStart) is not { } start)
                {
                    continue;
                }

                if (!server.Assigned.TryGetValue("MaxConnections", out var limits)
                    || limits.TrueForAll(v => ValueFlow.TryGetConstant(v, out var limit) && limit is int n && n <= 0))
                {
                    c.ReportDiagnostic(Diagnostic.Create(RuleCatalog.ModbusNoConnectionLimit, CallSite.Location(start), "FluentModbus ModbusTcpServer." + CallSite.Text(start)));
                }
            }
        });
    }
}
