// SD6001 Unsafe deserialization: deserializers that let the payload pick the types to create.
using System.IO;
using System.Runtime.Serialization.Formatters.Binary;
using Newtonsoft.Json;

namespace Cases.Serialization;

public class RecipeStore
{
    public object Binary(Stream stream)
    {
#pragma warning disable SYSLIB0011 // BinaryFormatter is obsolete: that is the point of this rule
        var formatter = new BinaryFormatter(); // Noncompliant SD6001 {{BinaryFormatter lets the serialized data choose the types to create; use System.Text.Json or a typed serializer without type names}}
//                      ^^^^^^^^^^^^^^^^^^^^^
        return formatter.Deserialize(stream);
#pragma warning restore SYSLIB0011
    }

    public object? Initializer(string json) =>
        JsonConvert.DeserializeObject(json, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All }); // Noncompliant SD6001 {{TypeNameHandling.All lets the serialized data choose the types to create; use System.Text.Json or a typed serializer without type names}}
//                                                                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

    public JsonSerializer Assignment()
    {
        var serializer = new JsonSerializer();
        serializer.TypeNameHandling = TypeNameHandling.Auto; // Noncompliant SD6001
        return serializer;
    }

    public JsonSerializerSettings ThroughConstant()
    {
        const TypeNameHandling handling = TypeNameHandling.Objects;
        return new JsonSerializerSettings { TypeNameHandling = handling }; // Noncompliant SD6001
    }

    private static readonly TypeNameHandling Polymorphic = TypeNameHandling.Auto;

    public JsonSerializerSettings ThroughStaticReadonly() => new() { TypeNameHandling = Polymorphic }; // Noncompliant SD6001

    public JsonSerializer ThroughLocal()
    {
        var handling = TypeNameHandling.Arrays;
        return new JsonSerializer { TypeNameHandling = handling }; // Noncompliant SD6001
    }

    public void CompoundAssignment(JsonSerializerSettings settings) => settings.TypeNameHandling |= TypeNameHandling.Objects; // Noncompliant SD6001

    public void GlobalDefault() =>
        JsonConvert.DefaultSettings = () => new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto }; // Noncompliant SD6001

    public JsonSerializerSettings DefaultBinder() => new()
    {
        TypeNameHandling = TypeNameHandling.Auto, // Noncompliant SD6001
        SerializationBinder = new Newtonsoft.Json.Serialization.DefaultSerializationBinder(),
    };
}

[JsonObject(ItemTypeNameHandling = TypeNameHandling.All)] // Noncompliant SD6001
public class RecipeBook
{
    public object[]? Recipes { get; set; }
}

public class Recipe
{
    [JsonProperty(TypeNameHandling = TypeNameHandling.Auto)] // Noncompliant SD6001 {{TypeNameHandling = TypeNameHandling.Auto lets the serialized data choose the types to create; use System.Text.Json or a typed serializer without type names}}
//                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    public object? Step { get; set; }

    [JsonProperty(ItemTypeNameHandling = TypeNameHandling.Arrays)] // Noncompliant SD6001
    public object[]? Steps { get; set; }
}

public class SafeLookAlikes
{
    private readonly TypeNameHandling _configured;

    public SafeLookAlikes(TypeNameHandling configured) => _configured = configured;

    public T? Typed<T>(string json) => JsonConvert.DeserializeObject<T>(json); // Compliant: typed, no type names

    public JsonSerializerSettings ExplicitNone() => new() { TypeNameHandling = TypeNameHandling.None }; // Compliant

    public JsonSerializerSettings Configured() => new() { TypeNameHandling = _configured }; // Compliant: decided by configuration

    public T? SystemTextJson<T>(string json) => System.Text.Json.JsonSerializer.Deserialize<T>(json); // Compliant

    [JsonProperty(TypeNameHandling = TypeNameHandling.None)] // Compliant
    public object? Plain { get; set; }

    public JsonSerializerSettings AllowListBinder() => new()
    {
        TypeNameHandling = TypeNameHandling.Auto, // Compliant: the binder allows only the recipe types
        SerializationBinder = new RecipeTypesBinder(),
    };

    public JsonSerializer BinderOnSameSerializer()
    {
        var serializer = new JsonSerializer();
        serializer.TypeNameHandling = TypeNameHandling.Objects; // Compliant: an allow-list binder is set below
        serializer.SerializationBinder = new RecipeTypesBinder();
        return serializer;
    }

    public bool IsPolymorphic(JsonSerializerSettings settings) => settings.TypeNameHandling == TypeNameHandling.Auto; // Compliant: a comparison
}

public sealed class RecipeTypesBinder : Newtonsoft.Json.Serialization.ISerializationBinder
{
    public System.Type BindToType(string? assemblyName, string typeName) =>
        typeName == typeof(Recipe).FullName ? typeof(Recipe) : throw new JsonSerializationException("type not allowed: " + typeName);

    public void BindToName(System.Type serializedType, out string? assemblyName, out string? typeName)
    {
        assemblyName = null;
        typeName = serializedType.FullName;
    }
}
