using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Communication;

/// <summary>
/// Servers bound to every network interface: <c>TcpListener</c> on <c>IPAddress.Any</c>/<c>IPv6Any</c> (and its
/// address-less constructor and <c>TcpListener.Create(port)</c>), <c>UdpClient(port)</c>, <c>Socket.Bind</c> and
/// <c>UdpClient(IPEndPoint)</c> with a wildcard endpoint, Kestrel's <c>ListenAnyIP</c> and <c>Listen(IPAddress.Any, ...)</c>,
/// and wildcard hosts (<c>+</c>, <c>*</c>, <c>0.0.0.0</c>, <c>[::]</c>) in HttpListener prefixes and ASP.NET Core URLs.
/// Addresses and endpoints are followed through locals and static readonly members (<c>IPAddress.Parse("0.0.0.0")</c>
/// included). A configured address, a specific one, loopback and binding to port 0 (a client's ephemeral port) stay quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ListensOnEveryInterfaceAnalyzer : SecureDevAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.ListensOnEveryInterface);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var ipAddress = context.Compilation.GetTypeByMetadataName("System.Net.IPAddress");
        if (ipAddress is null)
        {
            return;
        }

        context.RegisterOperationAction(
            c =>
            {
                var creation = (IObjectCreationOperation)c.Operation;
                switch (creation.Type?.Name)
                {
                    case "TcpListener" when IsSystemNetSockets(creation.Type):
                        // TcpListener(int port) binds IPAddress.Any; the other constructors take the address or endpoint first.
                        if (creation.Arguments.Length == 1 && creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_Int32)
                        {
                            Report(c, creation.Syntax, "TcpListener(port)");
                        }
                        else if (creation.Arguments.Length > 0 && IsWildcard(creation.Arguments[0].Value, ipAddress, ignorePortZero: false))
                        {
                            Report(c, creation.Arguments[0].Value.Syntax, "TcpListener");
                        }

                        break;
                    case "UdpClient" when IsSystemNetSockets(creation.Type) && creation.Arguments.Length > 0:
                        var first = creation.Arguments[0];
                        if (first.Parameter?.Name == "port" && !IsPortZero(first.Value) && !HasHostname(creation))
                        {
                            Report(c, creation.Syntax, "UdpClient(port)");
                        }
                        else if (first.Parameter?.Name == "localEP" && IsWildcard(first.Value, ipAddress, ignorePortZero: true))
                        {
                            Report(c, first.Value.Syntax, "UdpClient");
                        }

                        break;
                }
            },
            OperationKind.ObjectCreation);

        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                var method = invocation.TargetMethod;
                switch (method.Name)
                {
                    case "Create" when method.ContainingType.Name == "TcpListener" && IsSystemNetSockets(method.ContainingType) && invocation.Arguments.Length == 1:
                        Report(c, invocation.Syntax, "TcpListener.Create(port)");
                        break;
                    case "Bind" when method.ContainingType.Name == "Socket" && invocation.Arguments.Length == 1:
                        if (IsWildcard(invocation.Arguments[0].Value, ipAddress, ignorePortZero: true))
                        {
                            Report(c, invocation.Arguments[0].Value.Syntax, "Socket.Bind");
                        }

                        break;
                    case "ListenAnyIP" when method.ContainingType.Name == "KestrelServerOptions":
                        Report(c, invocation.Syntax, "Kestrel ListenAnyIP");
                        break;
                    case "Listen" when method.ContainingType.Name == "KestrelServerOptions" && invocation.Arguments.Length > 0:
                        if (IsWildcard(invocation.Arguments[0].Value, ipAddress, ignorePortZero: false))
                        {
                            Report(c, invocation.Arguments[0].Value.Syntax, "Kestrel Listen");
                        }

                        break;
                    case "Add" when IsUrlCollection(invocation):
                    case "UseUrls" or "Run" or "RunAsync" or "Start" or "StartAsync":
                        ReportWildcardUrls(c, invocation);
                        break;
                }
            },
            OperationKind.Invocation);
    }

    /// <summary>Listener prefixes (HttpListener.Prefixes.Add) and ASP.NET Core URLs (UseUrls, app.Urls.Add, app.Run(url)).</summary>
    private static void ReportWildcardUrls(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name is not ("uriPrefix" or "urls" or "url" or "item"))
            {
                continue;
            }

            var values = argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer }
                ? initializer.ElementValues
                : ImmutableArray.Create(argument.Value);
            foreach (var value in values)
            {
                if (EndpointUrl.TryRead(value, out var url) && url.IsEveryInterface)
                {
                    Report(context, value.Syntax, $"'{url.Scheme}://{url.Host}'");
                }
            }
        }
    }

    private static bool IsUrlCollection(IInvocationOperation invocation) =>
        invocation.Instance is IPropertyReferenceOperation { Property.Name: "Prefixes" or "Urls" };

    private static bool IsSystemNetSockets(ITypeSymbol type) => type.ContainingNamespace.IsNamespace("System.Net.Sockets");

    /// <summary>UdpClient(string hostname, int port) connects to a remote host: it does not listen.</summary>
    private static bool HasHostname(IObjectCreationOperation creation) =>
        creation.Arguments.Any(a => a.Parameter?.Name == "hostname");

    private static bool IsPortZero(IOperation port) => ValueFlow.TryGetConstant(port, out var value) && ValueFlow.AsLong(value) == 0;

    /// <summary>An IPAddress or IPEndPoint that means every interface, followed through locals and static readonly members.</summary>
    private static bool IsWildcard(IOperation value, INamedTypeSymbol ipAddress, bool ignorePortZero)
    {
        var source = ValueFlow.Source(value);
        switch (source)
        {
            case IObjectCreationOperation { Type.Name: "IPEndPoint", Arguments.Length: 2 } endpoint:
                return IsWildcard(endpoint.Arguments[0].Value, ipAddress, ignorePortZero) && !(ignorePortZero && IsPortZero(endpoint.Arguments[1].Value));
            case IFieldReferenceOperation { Field.Name: "Any" or "IPv6Any", Field.IsStatic: true } field:
                return SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, ipAddress);
            case IInvocationOperation { TargetMethod.Name: "Parse", Arguments.Length: 1 } parse when SymbolEqualityComparer.Default.Equals(parse.TargetMethod.ContainingType, ipAddress):
                return ValueFlow.TryGetConstant(parse.Arguments[0].Value, out var text) && text is "0.0.0.0" or "::" or "0:0:0:0:0:0:0:0";
            case IObjectCreationOperation { Arguments.Length: 1 } creation when SymbolEqualityComparer.Default.Equals(creation.Type, ipAddress):
                return IsPortZero(creation.Arguments[0].Value);
            default:
                // A static readonly member initialized with IPAddress.Any in another file.
                return ValueFlow.StaticReadonlyMember(source) is { } member
                       && ValueFlow.InitializerSyntax(member) is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Any" or "IPv6Any", Expression: var receiver }
                       && receiver.ToString().EndsWith("IPAddress", StringComparison.Ordinal);
        }
    }

    private static void Report(OperationAnalysisContext context, SyntaxNode syntax, string what) =>
        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.ListensOnEveryInterface, syntax.GetLocation(), what));
}
