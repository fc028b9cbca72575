// Serialization of configuration and messages, XML imports and plugin loading.
using System.IO;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using System.Xml;
using Newtonsoft.Json;

namespace Corpus.Template;

public static class RecipeFiles
{
    private static readonly JsonSerializerSettings Typed = new() { TypeNameHandling = TypeNameHandling.None };
    private static readonly JsonSerializerSettings Polymorphic = new() { TypeNameHandling = TypeNameHandling.Auto };

    public static T? Read<T>(string json) => JsonConvert.DeserializeObject<T>(json, Typed);

    public static object? ReadAny(string json) => JsonConvert.DeserializeObject(json, Polymorphic);

    public static T? ReadWithSystemTextJson<T>(string json) => System.Text.Json.JsonSerializer.Deserialize<T>(json);
}

public static class NodesetImport
{
    public static XmlDocument Load(Stream input)
    {
        var document = new XmlDocument { XmlResolver = null };
        using var reader = XmlReader.Create(input, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        document.Load(reader);
        return document;
    }

    public static XmlReader Legacy(Stream input) => XmlReader.Create(input, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Parse,
        XmlResolver = new XmlUrlResolver(),
    });
}

public static class DriverPlugins
{
    public static Assembly Installed(string directory) => Assembly.LoadFrom(Path.Combine(directory, "Vendor.Drivers.dll"));

    public static async Task<Assembly> Downloaded(HttpClient client, string url) => Assembly.Load(await client.GetByteArrayAsync(url));
}
