using System.Text.Json.Serialization;

namespace SecureDev.Core.Sbom;

// A small typed model of the CycloneDX JSON format (CycloneDX.Core is not on the package feed). Property order follows
// the specification's examples; null members are left out. Conformance is proven by the official validator in tests.

public sealed class Bom
{
    [JsonPropertyName("bomFormat")] public string BomFormat { get; set; } = "CycloneDX";
    [JsonPropertyName("specVersion")] public string SpecVersion { get; set; } = "1.6";
    [JsonPropertyName("serialNumber")] public string? SerialNumber { get; set; }
    [JsonPropertyName("version")] public int Version { get; set; } = 1;
    [JsonPropertyName("metadata")] public BomMetadata? Metadata { get; set; }
    [JsonPropertyName("components")] public List<Component>? Components { get; set; }
    [JsonPropertyName("dependencies")] public List<Dependency>? Dependencies { get; set; }
    [JsonPropertyName("vulnerabilities")] public List<Vulnerability>? Vulnerabilities { get; set; }
}

public sealed class BomMetadata
{
    [JsonPropertyName("timestamp")] public string? Timestamp { get; set; }
    [JsonPropertyName("lifecycles")] public List<Lifecycle>? Lifecycles { get; set; }
    [JsonPropertyName("tools")] public Tools? Tools { get; set; }
    [JsonPropertyName("component")] public Component? Component { get; set; }
    [JsonPropertyName("properties")] public List<Property>? Properties { get; set; }
}

public sealed class Lifecycle
{
    [JsonPropertyName("phase")] public string Phase { get; set; } = "build";
}

public sealed class Tools
{
    [JsonPropertyName("components")] public List<Component>? Components { get; set; }
}

public sealed class Component
{
    [JsonPropertyName("type")] public string Type { get; set; } = "library";
    [JsonPropertyName("bom-ref")] public string? BomRef { get; set; }
    [JsonPropertyName("supplier")] public OrganizationalEntity? Supplier { get; set; }
    [JsonPropertyName("author")] public string? Author { get; set; }
    [JsonPropertyName("group")] public string? Group { get; set; }
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("version")] public string? Version { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("scope")] public string? Scope { get; set; }
    [JsonPropertyName("hashes")] public List<Hash>? Hashes { get; set; }
    [JsonPropertyName("licenses")] public List<LicenseChoice>? Licenses { get; set; }
    [JsonPropertyName("purl")] public string? Purl { get; set; }
    [JsonPropertyName("externalReferences")] public List<ExternalReference>? ExternalReferences { get; set; }
    [JsonPropertyName("properties")] public List<Property>? Properties { get; set; }
}

public sealed class OrganizationalEntity
{
    [JsonPropertyName("name")] public string? Name { get; set; }
}

public sealed class Hash
{
    [JsonPropertyName("alg")] public string Algorithm { get; set; } = "SHA-512";
    [JsonPropertyName("content")] public string Content { get; set; } = "";
}

public sealed class LicenseChoice
{
    [JsonPropertyName("license")] public License? License { get; set; }
    [JsonPropertyName("expression")] public string? Expression { get; set; }
}

public sealed class License
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
}

public sealed class ExternalReference
{
    [JsonPropertyName("url")] public string Url { get; set; } = "";
    [JsonPropertyName("comment")] public string? Comment { get; set; }
    [JsonPropertyName("type")] public string Type { get; set; } = "website";
}

public sealed class Property
{
    public Property() { }

    public Property(string name, string value) => (Name, Value) = (name, value);

    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("value")] public string? Value { get; set; }
}

public sealed class Dependency
{
    [JsonPropertyName("ref")] public string Ref { get; set; } = "";
    [JsonPropertyName("dependsOn")] public List<string>? DependsOn { get; set; }
}

// Vulnerabilities, for the VEX document the audit writes.

public sealed class Vulnerability
{
    [JsonPropertyName("bom-ref")] public string? BomRef { get; set; }
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("source")] public VulnerabilitySource? Source { get; set; }
    [JsonPropertyName("references")] public List<VulnerabilityReference>? References { get; set; }
    [JsonPropertyName("ratings")] public List<Rating>? Ratings { get; set; }
    [JsonPropertyName("cwes")] public List<int>? Cwes { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("recommendation")] public string? Recommendation { get; set; }
    [JsonPropertyName("published")] public string? Published { get; set; }
    [JsonPropertyName("updated")] public string? Updated { get; set; }
    [JsonPropertyName("analysis")] public Analysis? Analysis { get; set; }
    [JsonPropertyName("affects")] public List<Affects>? Affects { get; set; }
}

public sealed class VulnerabilitySource
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
}

public sealed class VulnerabilityReference
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("source")] public VulnerabilitySource? Source { get; set; }
}

public sealed class Rating
{
    [JsonPropertyName("source")] public VulnerabilitySource? Source { get; set; }
    [JsonPropertyName("score")] public double? Score { get; set; }
    [JsonPropertyName("severity")] public string? Severity { get; set; }
    [JsonPropertyName("method")] public string? Method { get; set; }
    [JsonPropertyName("vector")] public string? Vector { get; set; }
}

public sealed class Analysis
{
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("justification")] public string? Justification { get; set; }
    [JsonPropertyName("response")] public List<string>? Response { get; set; }
    [JsonPropertyName("detail")] public string? Detail { get; set; }
}

public sealed class Affects
{
    [JsonPropertyName("ref")] public string Ref { get; set; } = "";
}
