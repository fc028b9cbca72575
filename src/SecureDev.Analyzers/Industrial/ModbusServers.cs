using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Industrial;

/// <summary>What the Modbus rules share: the server types of the three libraries and the text about compensating countermeasures.</summary>
internal static class ModbusServers
{
    /// <summary>Appended to messages about Modbus/TCP servers: the protocol has no security, and how to record the network's.</summary>
    public const string CompensatingCountermeasure =
        ". Modbus/TCP has no authentication or encryption: if the network already limits who reaches the port, record that with Justification = \"Compensating countermeasure: <zone, conduit, firewall rule>\"";

    /// <summary>The Start overloads of FluentModbus's ModbusTcpServer that open a listening socket (not Start(TcpClient)).</summary>
    public static bool IsListeningStart(IInvocationOperation call) =>
        call.TargetMethod.Name == "Start"
        && (call.TargetMethod.Parameters.Length == 0 || call.TargetMethod.Parameters[0].Type.Name is "Boolean" or "IPAddress" or "IPEndPoint" or "ITcpClientProvider");

    /// <summary>EasyModbus's server on a serial line (SerialFlag = true) is Modbus RTU, not a network server.</summary>
    public static bool IsSerial(TrackedObject server) =>
        server.Assigned.TryGetValue("SerialFlag", out var values) && values.Exists(v => ValueFlow.TryGetConstant(v, out var c) && c is true);

    public static IInvocationOperation? FirstCall(TrackedObject server, Func<IInvocationOperation, bool> test)
    {
        IInvocationOperation? first = null;
        foreach (var call in server.Calls)
        {
            if (test(call) && (first is null || call.Syntax.SpanStart < first.Syntax.SpanStart))
            {
                first = call;
            }
        }

        return first;
    }
}
