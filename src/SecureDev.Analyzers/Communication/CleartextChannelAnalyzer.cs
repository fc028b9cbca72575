using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Communication;

/// <summary>
/// Cleartext channels to remote hosts: an <c>http://</c>, <c>ftp://</c>, <c>ws://</c>, <c>mqtt://</c> or <c>amqp://</c>
/// URL handed to an API that connects or listens (<c>new Uri</c>, <c>HttpClient</c>, <c>WebRequest</c>, <c>WebClient</c>,
/// <c>HttpRequestMessage</c>, listener prefixes, Kestrel URLs, and any parameter or URL property named like an endpoint:
/// <c>url</c>, <c>requestUri</c>, <c>brokerUri</c>, <c>Url</c>, <c>BaseAddress</c>, ...), and TLS switched off on a
/// mail or FTP client (<c>EnableSsl = false</c>). Where the string goes decides: XML namespaces, schema ids and other
/// identifiers never reach those APIs (System.Xml and serialization APIs are not endpoints, and well-known identifier
/// hosts such as www.w3.org are skipped); loopback hosts stay quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CleartextChannelAnalyzer : SecureDevAnalyzer
{
    private static readonly ImmutableDictionary<string, (string Protocol, string Secure)> CleartextSchemes =
        new Dictionary<string, (string, string)>
        {
            ["http"] = ("HTTP", "https://"),
            ["ws"] = ("WebSocket traffic", "wss://"),
            ["ftp"] = ("FTP", "FTPS or SFTP"),
            ["mqtt"] = ("MQTT", "mqtts:// (TLS, port 8883)"),
            ["amqp"] = ("AMQP", "amqps://"),
        }.ToImmutableDictionary();

    // Plain HashSets, only read: their lookups are several times cheaper than an ImmutableHashSet's, and they run for
    // every argument, assignment and initializer.
    private static readonly HashSet<string> UrlParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "url", "uri", "uriString", "requestUri", "requestUriString", "address", "baseAddress", "baseUrl", "serverUrl",
        "serverUri", "brokerUri", "brokerUrl", "connectionUri", "endpointUrl", "endpointUri", "discoveryUrl", "uriPrefix", "urls",
    };

    private static readonly HashSet<string> UrlProperties = new(StringComparer.Ordinal)
    {
        "Url", "Uri", "BaseUrl", "BaseAddress", "ServerUrl", "ServerUri", "BrokerUrl", "BrokerUri", "EndpointUrl", "EndpointUri",
    };

    private static readonly HashSet<string> TlsSwitches = new(StringComparer.Ordinal) { "EnableSsl", "UseSsl", "EnableTls", "UseTls" };

    /// <summary>Hosts whose http:// URLs are names (XML namespaces, schema and specification ids), not servers.</summary>
    private static readonly ImmutableHashSet<string> IdentifierHosts = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "www.w3.org", "w3.org", "schemas.xmlsoap.org", "schemas.microsoft.com", "schemas.openxmlformats.org", "purl.org",
        "opcfoundation.org", "json-schema.org", "tempuri.org", "xmlns.com", "ns.adobe.com", "docs.oasis-open.org");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.CleartextChannel);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context) =>
        SettingSinks.Register(
            context,
            type => type.SpecialType is SpecialType.System_String or SpecialType.System_Boolean,
            Judge,
            SettingSinkKinds.Assignment | SettingSinkKinds.Argument | SettingSinkKinds.Initializer,
            IsCandidate);

    /// <summary>
    /// The targets <see cref="Judge"/> can report, by name alone: a TLS switch property, or a URL parameter, property or
    /// field (and the Add of a URL collection). Strings and flags go to nearly every API, so this comes before the
    /// target's type is read.
    /// </summary>
    private static bool IsCandidate(ISymbol target) => target switch
    {
        IParameterSymbol parameter => UrlParameters.Contains(parameter.Name) || parameter.ContainingSymbol is IMethodSymbol { Name: "Add" },
        IPropertySymbol property => UrlProperties.Contains(property.Name) || TlsSwitches.Contains(property.Name),
        IFieldSymbol field => UrlProperties.Contains(field.Name),
        _ => false,
    };

    private static void Judge(OperationAnalysisContext context, SettingSink sink)
    {
        if (sink.TargetType?.SpecialType == SpecialType.System_Boolean)
        {
            if (sink.Target is IPropertySymbol && TlsSwitches.Contains(sink.Target.Name)
                && ValueFlow.TryGetConstant(sink.Value, out var flag) && flag is false)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    RuleCatalog.CleartextChannel,
                    sink.Value.Syntax.GetLocation(),
                    "'" + sink.Describe() + " = false' sends the traffic and any credentials in cleartext",
                    sink.Target.Name + " = true"));
            }

            return;
        }

        if (!IsEndpoint(sink) || !EndpointUrl.TryRead(sink.Value, out var url)
            || !CleartextSchemes.TryGetValue(url.Scheme, out var scheme)
            || url.IsLoopback || (url.Host is { } host && IdentifierHosts.Contains(host)))
        {
            return;
        }

        var what = url.Host is null
            ? $"'{url.Scheme}://' (host chosen at run time) sends {scheme.Protocol} in cleartext"
            : $"'{url.Scheme}://{url.Host}' sends {scheme.Protocol} in cleartext";
        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.CleartextChannel, sink.Value.Syntax.GetLocation(), what, scheme.Secure));
    }

    /// <summary>Whether the string goes to an API that connects or listens.</summary>
    private static bool IsEndpoint(SettingSink sink)
    {
        switch (sink.Target)
        {
            case IParameterSymbol parameter:
                if (parameter.ContainingSymbol is IMethodSymbol { Name: "Add" } && sink.Operation is IInvocationOperation { Instance: IPropertyReferenceOperation { Property.Name: "Urls" } })
                {
                    return true;
                }

                return UrlParameters.Contains(parameter.Name) && !IsIdentifierApi(parameter.ContainingType);
            case IPropertySymbol or IFieldSymbol:
                return UrlProperties.Contains(sink.Target.Name) && !IsIdentifierApi(sink.Target.ContainingType);
            default:
                return false;
        }
    }

    /// <summary>XML and serialization APIs take namespace URIs, which are names, not endpoints.</summary>
    private static bool IsIdentifierApi(INamedTypeSymbol? type)
    {
        // The namespace read from the global one down, without building its display string: System.Xml*, System.Runtime.Serialization*.
        INamespaceSymbol? first = null, second = null, third = null;
        for (var ns = type?.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            (third, second, first) = (second, first, ns);
        }

        return first?.Name == "System"
               && (second?.Name.StartsWith("Xml", StringComparison.Ordinal) == true
                   || (second?.Name == "Runtime" && third?.Name.StartsWith("Serialization", StringComparison.Ordinal) == true));
    }
}
