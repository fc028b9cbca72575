using Newtonsoft.Json;

namespace PlcGateway.Configuration;

public static class TagMapLoader
{
    // Tag entries may be plain or scaled; the file names the concrete type of each.
    private static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.Auto,
        MissingMemberHandling = MissingMemberHandling.Error,
    };

    public static TagMap Load(string json) =>
        JsonConvert.DeserializeObject<TagMap>(json, Settings) ?? throw new InvalidDataException("The tag map is empty.");
}
