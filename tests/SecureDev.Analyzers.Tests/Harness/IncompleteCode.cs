using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureDev.Analyzers.Tests.Harness;

/// <summary>
/// Code as it is while being typed: syntax errors, half-written calls and initializers, unknown names and missing
/// references around the APIs the communication, serialization and logging rules look at. An analyzer run over it must
/// not throw (it would be AD0001 in the IDE); what it reports is not judged.
/// </summary>
public static class IncompleteCode
{
    public static readonly IReadOnlyList<string> Sources = new[]
    {
        """
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Authentication;
        class A
        {
            HttpClientHandler H() => new() { SslProtocols = SslProtocols. , ServerCertificateCustomValidationCallback = (m, c, ch, e) => };
            bool Cb(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) { try { return } catch { return true
            void N() { System.Net.ServicePointManager.SecurityProtocol |= ; var h = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator
        """,
        """
        using System;
        using System.Net;
        using System.Net.Sockets;
        class B
        {
            TcpListener L() => new(IPAddress., 502);
            void S(Socket s) { s.Bind(new IPEndPoint(IPAddress.Any, )); new UdpClient(; TcpListener.Create(); }
            Uri U() => new Uri($"http://{");
            void W(HttpClient c) => c.GetAsync("http://plc" + );
            void P(HttpListener l) => l.Prefixes.Add(Unknown.Prefix);
        }
        """,
        """
        using System.Xml;
        using Newtonsoft.Json;
        class C
        {
            XmlReaderSettings X() => new() { DtdProcessing = (DtdProcessing) , XmlResolver = new XmlUrlResolver( };
            JsonSerializerSettings J() => new() { TypeNameHandling = TypeNameHandling.Auto | , SerializationBinder = };
            [JsonProperty(TypeNameHandling = )] object? P { get; set; }
            void D(XmlDocument d) { d.XmlResolver = missing; new System.Xml.Xsl.XsltSettings(true, ; }
        }
        """,
        """
        using System.Reflection;
        using Microsoft.Extensions.Logging;
        class D
        {
            async void L(System.Net.Http.HttpClient c) { var b = await c.GetByteArrayAsync(; Assembly.Load(b); Assembly.LoadFrom(path); }
            void G(ILogger logger, string password) { logger.LogInformation("{Password}", ); logger.LogWarning($"{password"); Log(logger, password) }
            [LoggerMessage(Message = "{Password}")] static partial void Log(ILogger logger, string password);
            void X(UnknownLogger log, string token) => log.Info(token
        """,
    };

    /// <summary>Runs <paramref name="analyzer"/> over each incomplete source; fails if it throws.</summary>
    public static async Task AssertNoExceptionAsync(DiagnosticAnalyzer analyzer)
    {
        foreach (var source in Sources)
        {
            var compilation = TestCompilation.Create(new[] { ("Incomplete.cs", source) });
            Xunit.Assert.NotEmpty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            await AnalyzerVerifier.RunAsync(compilation, new[] { analyzer });
        }
    }
}
