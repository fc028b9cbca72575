// SD4007 Server-side request forgery: a client choosing where the gateway connects.
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Injection;

[ApiController]
[Route("proxy")]
public class HistorianProxyController : ControllerBase
{
    private static readonly HashSet<string> Historians = new() { "historian-a.plant.local", "historian-b.plant.local" };
    private readonly HttpClient _client = new() { BaseAddress = new Uri("https://historian.plant.local/") };

    [HttpGet("fetch")]
    public Task<string> Fetch(string url) => _client.GetStringAsync(url); // Noncompliant SD4007 {{Request target of 'HttpClient.GetStringAsync' comes from request data (action parameter 'url'); take the host from configuration or an allow-list}}

    [HttpGet("status")]
    public Task<HttpResponseMessage> Status(string host) =>
        _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://" + host + "/status")); // Noncompliant SD4007

    [HttpGet("connect")]
    public void Connect(string host, int port)
    {
        using var client = new TcpClient(host, 502); // Noncompliant SD4007
    }

    [HttpGet("uri")]
    public Task<HttpResponseMessage> ByUri(string target)
    {
        var uri = new Uri(target);
        return _client.GetAsync(uri); // Noncompliant SD4007
    }

    [HttpGet("tag")]
    public Task<string> Tag(string tag) =>
        _client.GetStringAsync("https://historian.plant.local/api/tags/" + tag); // Compliant: scheme and host are fixed

    [HttpGet("relative")]
    public Task<string> Relative(string tag) =>
        _client.GetStringAsync($"api/tags/{tag}"); // Compliant: relative to the fixed BaseAddress

    [HttpGet("allowed")]
    public Task<string> Allowed(string url)
    {
        var uri = new Uri(url);
        if (!Historians.Contains(uri.Host))
        {
            throw new ArgumentException("unknown historian");
        }

        return _client.GetStringAsync(uri); // Compliant: the host is allow-listed
    }
}
