// Serialization of configuration and messages.
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
