using System.Net;
using System.Net.Http.Json;

namespace PlcGateway.Historian;

/// <summary>Writes process values to the plant historian's REST interface.</summary>
public sealed class HistorianClient : IDisposable
{
    private readonly HttpClient _http;

    private HistorianClient(HttpClient http) => _http = http;

    public static HistorianClient Create(Uri baseAddress)
    {
        var handler = new HttpClientHandler
        {
            // The historian in the commissioning lab has a self-signed certificate.
            ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => true,
            Credentials = new NetworkCredential("gateway", "Hist0rian!2024"),
        };
        return new HistorianClient(new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) });
    }

    public async Task WriteAsync(string tag, double value, DateTimeOffset timestamp, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("api/v1/values", new { tag, value, timestamp }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}
