using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Serialization;

/// <summary>
/// Code loaded from the network with no integrity check: <c>Assembly.Load(byte[])</c>, <c>AppDomain.Load(byte[])</c>,
/// <c>AssemblyLoadContext.LoadFromStream</c>, and <c>Assembly.LoadFrom</c>/<c>LoadFile</c>/<c>UnsafeLoadFrom</c>/
/// <c>AssemblyLoadContext.LoadFromAssemblyPath</c> of a file, when the function that loads it got the bytes, stream
/// or file from the network: HttpClient and HttpContent, WebClient, sockets and network streams (read into a buffer,
/// copied into a MemoryStream or a file), UdpClient, or a URL handed to LoadFrom. The origin is judged inside the
/// loading function; a path or bytes from a parameter, configuration or the install directory stay quiet, and so does
/// a function that verifies a signature (any Verify*/CheckSignature call, Authenticode via CreateFromSignedFile) or
/// compares a hash of what it loads.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnverifiedCodeLoadingAnalyzer : SecureDevAnalyzer
{
    private const int MaxDepth = 5;

    /// <summary>Calls that return bytes or a stream from the network, by method name and the simple name of the declaring type.</summary>
    private static readonly ImmutableDictionary<string, string> NetworkSources = new Dictionary<string, string>
    {
        ["HttpClient.GetByteArrayAsync"] = "HttpClient",
        ["HttpClient.GetStreamAsync"] = "HttpClient",
        ["HttpContent.ReadAsByteArrayAsync"] = "an HTTP response",
        ["HttpContent.ReadAsStreamAsync"] = "an HTTP response",
        ["HttpContent.ReadAsStream"] = "an HTTP response",
        ["WebClient.DownloadData"] = "WebClient",
        ["WebClient.DownloadDataTaskAsync"] = "WebClient",
        ["WebClient.OpenRead"] = "WebClient",
        ["WebClient.OpenReadTaskAsync"] = "WebClient",
        ["WebResponse.GetResponseStream"] = "a web response",
        ["TcpClient.GetStream"] = "a TCP connection",
        ["UdpClient.Receive"] = "UdpClient",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly ImmutableHashSet<string> ReadIntoBuffer = ImmutableHashSet.Create(
        StringComparer.Ordinal, "Read", "ReadAsync", "ReadExactly", "ReadExactlyAsync", "ReadAtLeast", "ReadAtLeastAsync", "Receive", "ReceiveAsync", "ReceiveFrom");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.UnverifiedCodeLoading);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        if (context.Compilation.GetTypeByMetadataName("System.Reflection.Assembly") is null)
        {
            return;
        }

        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                var method = invocation.TargetMethod;
                if (method.Name is not ("Load" or "LoadFrom" or "LoadFile" or "UnsafeLoadFrom" or "LoadFromStream" or "LoadFromAssemblyPath")
                    || invocation.Arguments.Length == 0
                    || !IsLoader(method.ContainingType))
                {
                    return;
                }

                var loaded = invocation.Arguments[0].Value;
                var isPath = loaded.Type?.SpecialType == SpecialType.System_String;
                if (method.Name == "Load" && loaded.Type is not IArrayTypeSymbol)
                {
                    return; // Load(AssemblyName) and Load(string name) resolve from the application's own probing paths.
                }

                var root = invocation.Root();
                var origin = isPath ? DownloadedFile(loaded, root) : NetworkOrigin(loaded, root, 0);
                if (origin is not null && !IsVerified(root, loaded))
                {
                    c.ReportDiagnostic(Diagnostic.Create(
                        RuleCatalog.UnverifiedCodeLoading,
                        invocation.Syntax.GetLocation(),
                        "'" + method.ContainingType.Name + "." + method.Name + "'",
                        origin));
                }
            },
            OperationKind.Invocation);
    }

    private static bool IsLoader(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name is "Assembly" or "AppDomain" or "AssemblyLoadContext"
                && (current.ContainingNamespace.IsNamespace("System.Reflection") || current.ContainingNamespace.IsNamespace("System")
                    || current.ContainingNamespace.IsNamespace("System.Runtime.Loader")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where bytes or a stream came from, as message text ("was downloaded with HttpClient"), or null when not from the network.</summary>
    private static string? NetworkOrigin(IOperation value, IOperation root, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        value = Unwrap(value);
        if (IsNetworkStreamType(value.Type))
        {
            return "was read from a " + value.Type!.Name;
        }

        if (IsHttpContent(value.Type))
        {
            return "was downloaded in an HTTP response";
        }

        switch (value)
        {
            case ILocalReferenceOperation local:
                return FilledFromNetwork(local.Local, root, depth)
                       ?? (ValueOrigin.SingleDefinition(local) is { } definition ? NetworkOrigin(definition, root, depth + 1) : null);
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (SourceName(method) is { } source)
                {
                    return "was downloaded from " + source;
                }

                // memoryStream.ToArray(), stream.ToArray() after a copy from the network.
                return method.Name == "ToArray" && invocation.Instance is { } instance ? NetworkOrigin(instance, root, depth + 1) : null;
            case IPropertyReferenceOperation { Property.Name: "Buffer", Property.ContainingType.Name: "UdpReceiveResult" }:
                return "was received with UdpClient";
            default:
                return null;
        }
    }

    /// <summary>A local buffer or stream that network data is read or copied into (stream.Read(buffer), network.CopyTo(memory)).</summary>
    private static string? FilledFromNetwork(ILocalSymbol local, IOperation root, int depth)
    {
        foreach (var operation in root.Descendants())
        {
            if (operation is not IInvocationOperation { Instance: { } source } invocation)
            {
                continue;
            }

            var name = invocation.TargetMethod.Name;
            var copies = name is "CopyTo" or "CopyToAsync";
            if (!copies && !ReadIntoBuffer.Contains(name))
            {
                continue;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (!RefersTo(argument.Value, local))
                {
                    continue;
                }

                if (source.Type?.Name == "Socket")
                {
                    return "was received from a socket";
                }

                if (NetworkOrigin(source, root, depth + 1) is { } origin)
                {
                    return origin;
                }
            }
        }

        return null;
    }

    /// <summary>A path the function saved a download to, or a URL: WebClient.DownloadFile, File.WriteAllBytes of network bytes, a file stream the network was copied into.</summary>
    private static string? DownloadedFile(IOperation path, IOperation root)
    {
        if (ValueFlow.TryGetConstant(path, out var constant) && constant is string text
            && (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            return "is fetched from a URL";
        }

        foreach (var operation in root.Descendants())
        {
            if (operation is not IInvocationOperation { Arguments.Length: > 0 } invocation)
            {
                continue;
            }

            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "DownloadFile" or "DownloadFileAsync" or "DownloadFileTaskAsync" when method.ContainingType.Name == "WebClient"
                                                                                       && invocation.Arguments.Length > 1
                                                                                       && SameValue(invocation.Arguments[1].Value, path):
                    return "was saved by WebClient." + method.Name;
                case "WriteAllBytes" or "WriteAllBytesAsync" when method.ContainingType.Name == "File"
                                                                  && invocation.Arguments.Length > 1
                                                                  && SameValue(invocation.Arguments[0].Value, path)
                                                                  && NetworkOrigin(invocation.Arguments[1].Value, root, 1) is { } origin:
                    return origin + " and saved to the file";
                case "CopyTo" or "CopyToAsync" when invocation.Instance is { } source
                                                    && IsFileOpenedAt(invocation.Arguments[0].Value, path)
                                                    && NetworkOrigin(source, root, 1) is { } copied:
                    return copied + " and saved to the file";
            }
        }

        return null;
    }

    /// <summary>A stream opened for writing at <paramref name="path"/>: File.Create/OpenWrite/Open or new FileStream, through a local.</summary>
    private static bool IsFileOpenedAt(IOperation stream, IOperation path) =>
        ValueFlow.Source(stream) switch
        {
            IInvocationOperation { TargetMethod.ContainingType.Name: "File", Arguments.Length: > 0 } open => SameValue(open.Arguments[0].Value, path),
            IObjectCreationOperation { Type.Name: "FileStream", Arguments.Length: > 0 } created => SameValue(created.Arguments[0].Value, path),
            _ => false,
        };

    /// <summary>
    /// True when the function checks what it loads: a signature verification (any Verify* or CheckSignature call,
    /// Authenticode through X509Certificate.CreateFromSignedFile), or a hash of the loaded value compared with
    /// FixedTimeEquals or SequenceEqual.
    /// </summary>
    private static bool IsVerified(IOperation root, IOperation loaded)
    {
        bool hashesLoaded = false, compares = false;
        foreach (var operation in root.Descendants())
        {
            if (operation is not IInvocationOperation invocation)
            {
                continue;
            }

            var name = invocation.TargetMethod.Name;
            if (name.StartsWith("Verify", StringComparison.Ordinal) || name is "CheckSignature" or "CreateFromSignedFile" or "ValidateSignature")
            {
                return true;
            }

            if (name is "FixedTimeEquals" or "SequenceEqual")
            {
                compares = true;
            }
            else if (name is "HashData" or "ComputeHash" or "HashDataAsync" or "ComputeHashAsync"
                     && invocation.Arguments.Any(a => SameValue(a.Value, loaded)))
            {
                hashesLoaded = true;
            }
        }

        return hashesLoaded && compares;
    }

    /// <summary>Conversions, await, Task.Result, locals given one value, and AsSpan/AsMemory views removed.</summary>
    private static IOperation Unwrap(IOperation value)
    {
        for (var i = 0; i < MaxDepth; i++)
        {
            value = value.WithoutConversions();
            switch (value)
            {
                case IAwaitOperation awaited:
                    value = awaited.Operation;
                    continue;
                case IPropertyReferenceOperation { Property.Name: "Result", Instance: { } task }:
                    value = task;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } configured }:
                    value = configured;
                    continue;
            }

            return value;
        }

        return value;
    }

    private static string? SourceName(IMethodSymbol method)
    {
        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (NetworkSources.TryGetValue(type.Name + "." + method.Name, out var source))
            {
                return source;
            }
        }

        return null;
    }

    private static bool IsNetworkStreamType(ITypeSymbol? type) => type?.Name is "NetworkStream" or "SslStream";

    private static bool IsHttpContent(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "HttpContent" && current.ContainingNamespace.IsNamespace("System.Net.Http"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool RefersTo(IOperation value, ILocalSymbol local)
    {
        value = value.WithoutConversions();
        if (value is IInvocationOperation { TargetMethod.Name: "AsSpan" or "AsMemory" } view)
        {
            value = (view.Instance ?? (view.Arguments.Length > 0 ? view.Arguments[0].Value : value)).WithoutConversions();
        }

        return value is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);
    }

    /// <summary>The same local, parameter, field or constant string.</summary>
    private static bool SameValue(IOperation left, IOperation right)
    {
        left = left.WithoutConversions();
        right = right.WithoutConversions();
        return (left, right) switch
        {
            (ILocalReferenceOperation a, ILocalReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Local, b.Local),
            (IParameterReferenceOperation a, IParameterReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Parameter, b.Parameter),
            (IFieldReferenceOperation a, IFieldReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Field, b.Field),
            (IPropertyReferenceOperation a, IPropertyReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Property, b.Property),
            _ => left.ConstantValue is { HasValue: true, Value: string l } && right.ConstantValue is { HasValue: true, Value: string r } && l == r,
        };
    }
}
