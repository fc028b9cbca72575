// SD6003 Code loaded without an integrity check: assemblies from the network loaded as they arrive.
#pragma warning disable SYSLIB0014 // WebClient is obsolete and still used
using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Threading.Tasks;

namespace Cases.Serialization;

public class PluginUpdater
{
    private readonly HttpClient _http = new();
    private readonly string _pluginDirectory;

    public PluginUpdater(string pluginDirectory) => _pluginDirectory = pluginDirectory;

    public async Task<Assembly> FromHttp(Uri source)
    {
        var bytes = await _http.GetByteArrayAsync(source);
        return Assembly.Load(bytes); // Noncompliant SD6003 {{'Assembly.Load' loads code that was downloaded from HttpClient; verify a signature or a pinned hash before loading it}}
//             ^^^^^^^^^^^^^^^^^^^^
    }

    public Assembly FromWebClient(WebClient client, string url) => AppDomain.CurrentDomain.Load(client.DownloadData(url)); // Noncompliant SD6003

    public Assembly FromSocket(TcpClient client, int length)
    {
        Stream stream = client.GetStream();
        var buffer = new byte[length];
        stream.ReadExactly(buffer);
        return Assembly.Load(buffer); // Noncompliant SD6003 {{'Assembly.Load' loads code that was read from a NetworkStream; verify a signature or a pinned hash before loading it}}
    }

    public async Task<Assembly> CopiedToMemory(HttpResponseMessage response)
    {
        using var memory = new MemoryStream();
        await response.Content.CopyToAsync(memory);
        return Assembly.Load(memory.ToArray()); // Noncompliant SD6003
    }

    public Assembly FromNetworkStream(NetworkStream stream) => AssemblyLoadContext.Default.LoadFromStream(stream); // Noncompliant SD6003 {{'AssemblyLoadContext.LoadFromStream' loads code that was read from a NetworkStream; verify a signature or a pinned hash before loading it}}

    public Assembly DownloadedFile(WebClient client)
    {
        var path = Path.Combine(_pluginDirectory, "driver.dll");
        client.DownloadFile("https://updates.vendor.example/driver.dll", path);
        return Assembly.LoadFrom(path); // Noncompliant SD6003 {{'Assembly.LoadFrom' loads code that was saved by WebClient.DownloadFile; verify a signature or a pinned hash before loading it}}
    }

    public async Task<Assembly> WrittenFile(string url)
    {
        var path = Path.Combine(_pluginDirectory, "recipe-engine.dll");
        var bytes = await _http.GetByteArrayAsync(url);
        await File.WriteAllBytesAsync(path, bytes);
        return Assembly.LoadFile(path); // Noncompliant SD6003
    }

    public async Task<Assembly> StreamedToFile(string url, string path)
    {
        await using (var file = File.Create(path))
        {
            var download = await _http.GetStreamAsync(url);
            await download.CopyToAsync(file);
        }

        return AssemblyLoadContext.Default.LoadFromAssemblyPath(path); // Noncompliant SD6003
    }

    public Assembly Url() => Assembly.LoadFrom("http://updates.vendor.example/plugins/driver.dll"); // Noncompliant SD6003

    public Func<byte[], Assembly> Received(UdpClient udp) => _ =>
    {
        IPEndPoint? remote = null;
        return Assembly.Load(udp.Receive(ref remote)); // Noncompliant SD6003
    };
}

public class TrustedLoadingLookAlikes
{
    private readonly HttpClient _http = new();
    private readonly RSA _vendorKey = RSA.Create();
    private readonly byte[] _pinnedHash = new byte[32];

    public Assembly Installed(string pluginDirectory) => Assembly.LoadFrom(Path.Combine(pluginDirectory, "driver.dll")); // Compliant: installed with the product

    public Assembly FromCaller(byte[] image) => Assembly.Load(image); // Compliant: the caller's data; judged where it is obtained

    public Assembly ByName() => Assembly.Load("Vendor.Drivers.Modbus"); // Compliant: resolved from the application's own probing paths

    public async Task<Assembly> Signed(Uri source, byte[] signature)
    {
        var bytes = await _http.GetByteArrayAsync(source);
        if (!_vendorKey.VerifyData(bytes, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss))
        {
            throw new InvalidDataException("plugin signature does not verify");
        }

        return Assembly.Load(bytes); // Compliant: signature verified
    }

    public async Task<Assembly> Pinned(Uri source)
    {
        var bytes = await _http.GetByteArrayAsync(source);
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(bytes), _pinnedHash))
        {
            throw new InvalidDataException("plugin hash mismatch");
        }

        return Assembly.Load(bytes); // Compliant: pinned hash compared
    }

    public async Task<byte[]> NotLoaded(Uri source) => await _http.GetByteArrayAsync(source); // Compliant: downloaded, not loaded
}
