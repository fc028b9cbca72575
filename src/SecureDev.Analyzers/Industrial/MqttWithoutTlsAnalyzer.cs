using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;
using static SecureDev.Analyzers.Industrial.IndustrialTypes;
using static SecureDev.Analyzers.Industrial.InsecureSetting;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// MQTT clients without TLS (MQTTnet 4.x and 5.x): a WithTcpServer, WithEndPoint, WithWebSocketServer or
/// WithConnectionUri("mqtt://…"/"ws://…") on an options builder that never gets WithTlsOptions/WithTls; new
/// MqttClientTcpOptions whose TlsOptions are never set; UseTls(false) and UseTls = false. The message says when the
/// same builder also sends credentials. Loopback brokers, "mqtts://" and "wss://" URIs, builders that leave the method
/// (a TLS step may be added by the caller) and TLS switched by configuration stay quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MqttWithoutTlsAnalyzer : SettingRuleAnalyzer
{
    private static readonly ImmutableHashSet<string> EndpointMethods =
        ImmutableHashSet.Create(StringComparer.Ordinal, "WithTcpServer", "WithEndPoint", "WithWebSocketServer", "WithConnectionUri");

    private protected override DiagnosticDescriptor Rule => RuleCatalog.MqttWithoutTls;

    private protected override IEnumerable<InsecureSetting> Settings { get; } = new[]
    {
        Argument("UseTls", "useTls", Is(false), MqttClientTlsOptionsBuilder5, MqttClientTlsOptionsBuilder4),
        Property("UseTls", Is(false), MqttClientTlsOptions5, MqttClientTlsOptions4, MqttTlsParameters4),
    };

    private protected override void OnLibraryStart(CompilationStartAnalysisContext context)
    {
        var builders = Origins.Resolve(context.Compilation, MqttClientOptionsBuilder5, MqttClientOptionsBuilder4);
        if (!builders.IsEmpty)
        {
            context.RegisterOperationAction(c => OnInvocation(c, builders), OperationKind.Invocation);
        }

        var tcpOptions = Origins.Resolve(context.Compilation, MqttClientTcpOptions5, MqttClientTcpOptions4);
        if (!tcpOptions.IsEmpty)
        {
            context.RegisterOperationAction(c => OnTcpOptions(c, tcpOptions), OperationKind.ObjectCreation);
        }
    }

    private void OnInvocation(OperationAnalysisContext context, ImmutableArray<INamedTypeSymbol> builders)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!EndpointMethods.Contains(method.Name) || invocation.Instance is null || !builders.Contains(method.ContainingType, SymbolEqualityComparer.Default)
            || IsSecureOrLocal(invocation))
        {
            return;
        }

        var calls = FluentBuilderCalls.Collect(invocation, method.ContainingType);
        if (calls.Escapes || calls.Has("WithTlsOptions") || calls.Has("WithTls"))
        {
            return;
        }

        var credentials = calls.Has("WithCredentials") ? " and sends the user name and password in clear text" : string.Empty;
        context.ReportDiagnostic(Diagnostic.Create(Rule, CallSite.Location(invocation), CallSite.Text(invocation), credentials));
    }

    /// <summary>An endpoint that is TLS by its scheme (mqtts, wss), on loopback, or configured inside a lambda that sets TLS.</summary>
    private static bool IsSecureOrLocal(IInvocationOperation invocation)
    {
        if (invocation.Arguments.Length == 0)
        {
            return false;
        }

        var first = invocation.Arguments[0].Value.WithoutConversions();
        if (first is IDelegateCreationOperation or IAnonymousFunctionOperation)
        {
            foreach (var operation in first.Descendants())
            {
                if (operation is IPropertyReferenceOperation { Property.Name: "TlsOptions" }
                    || (operation is ILiteralOperation literal && literal.ConstantValue.Value is string uri && IsSecureOrLocalUri(uri)))
                {
                    return true;
                }
            }

            return false;
        }

        if (invocation.TargetMethod.Name is "WithConnectionUri" or "WithWebSocketServer")
        {
            return ValueFlow.TryGetConstant(first, out var text) && text is string uri && IsSecureOrLocalUri(uri);
        }

        return ValueFlow.TryGetConstant(first, out var host) && host is string name && HostNames.IsLoopback(name)
               || NetworkAddresses.IsLoopback(first);
    }

    private static bool IsSecureOrLocalUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.Scheme is "mqtts" or "wss" or "ssl" || HostNames.IsLoopback(uri.Host);
    }

    private void OnTcpOptions(OperationAnalysisContext context, ImmutableArray<INamedTypeSymbol> tcpOptions)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!tcpOptions.Contains(creation.Type as INamedTypeSymbol, SymbolEqualityComparer.Default) || creation.Initializer is not { } initializer)
        {
            return;
        }

        var hasEndpoint = false;
        foreach (var member in initializer.Initializers)
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } set)
            {
                switch (property.Property.Name)
                {
                    case "TlsOptions":
                        return;
                    case "Server" or "RemoteEndpoint":
                        if (IsLoopbackEndpoint(set.Value))
                        {
                            return;
                        }

                        hasEndpoint = true;
                        break;
                }
            }
        }

        if (hasEndpoint && !TlsSetLater(creation))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, creation.Syntax.GetLocation(), "new " + creation.Type!.Name, string.Empty));
        }
    }

    private static bool IsLoopbackEndpoint(IOperation value)
    {
        value = value.WithoutConversions();
        if (value is IObjectCreationOperation { Arguments.Length: > 0 } endPoint)
        {
            value = endPoint.Arguments[0].Value;
        }

        return (ValueFlow.TryGetConstant(value, out var host) && host is string name && HostNames.IsLoopback(name)) || NetworkAddresses.IsLoopback(value);
    }

    /// <summary>True when the options are stored in a local whose TlsOptions are set afterwards, or handed elsewhere.</summary>
    private static bool TlsSetLater(IObjectCreationOperation creation)
    {
        if (creation.InitializedLocal() is not { } variable)
        {
            return false;
        }

        foreach (var operation in creation.Root().Descendants())
        {
            if (operation is IPropertyReferenceOperation { Property.Name: "TlsOptions", Instance: ILocalReferenceOperation local }
                && SymbolEqualityComparer.Default.Equals(local.Local, variable))
            {
                return true;
            }
        }

        return false;
    }
}
