using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SecureDev.Core.Tests.Advisories;

/// <summary>
/// A NuGet V3 package source on a loopback port, serving what a vulnerability-aware server serves
/// (https://learn.microsoft.com/nuget/api/vulnerability-info): a service index with a VulnerabilityInfo/6.7.0 resource,
/// the vulnerability index (an array of files with @name, @id, @updated) and the data files (package id to entries with
/// severity, url and versions). Everything else is a 404, as for a package the source does not hold.
/// </summary>
public sealed class LoopbackFeed : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Task _serving;

    public LoopbackFeed(bool withVulnerabilityInfo = true)
    {
        Port = FreePort();
        BaseUrl = $"http://127.0.0.1:{Port}/";
        WithVulnerabilityInfo = withVulnerabilityInfo;
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string BaseUrl { get; }

    public string ServiceIndex => BaseUrl + "v3/index.json";

    public bool WithVulnerabilityInfo { get; }

    /// <summary>Data files by @name: their @updated time and JSON content.</summary>
    public Dictionary<string, (string Updated, string Json)> Files { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Requests => _requests.ToArray();

    public int CountRequests(string pathEnd) => _requests.Count(r => r.EndsWith(pathEnd, StringComparison.Ordinal));

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            _requests.Enqueue(path);
            var body = Answer(path);
            context.Response.StatusCode = body is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body ?? "");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private string? Answer(string path)
    {
        if (path == "/v3/index.json")
        {
            var vulnerability = WithVulnerabilityInfo
                ? $$""", { "@id": "{{BaseUrl}}v3/vulnerabilities/index.json", "@type": "VulnerabilityInfo/6.7.0", "comment": "known vulnerabilities" }"""
                : "";
            return $$"""
                { "version": "3.0.0", "resources": [
                    { "@id": "{{BaseUrl}}v3-flatcontainer/", "@type": "PackageBaseAddress/3.0.0" }{{vulnerability}} ] }
                """;
        }

        if (WithVulnerabilityInfo && path == "/v3/vulnerabilities/index.json")
        {
            return "[" + string.Join(",", Files.Select(f => $$"""{ "@name": "{{f.Key}}", "@id": "{{BaseUrl}}v3/vulnerabilities/{{f.Key}}.json", "@updated": "{{f.Value.Updated}}" }""")) + "]";
        }

        const string prefix = "/v3/vulnerabilities/";
        if (WithVulnerabilityInfo && path.StartsWith(prefix, StringComparison.Ordinal) && Files.TryGetValue(path[prefix.Length..^".json".Length], out var file))
        {
            return file.Json;
        }

        return null;
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
