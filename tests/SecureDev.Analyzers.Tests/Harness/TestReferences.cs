using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Tests.Harness;

/// <summary>
/// The real reference assemblies test sources compile against: the .NET and ASP.NET Core reference packs and the
/// packages the test project lists, as the SDK resolved them for this project (written to reference-assemblies.txt at build by eng/ReferenceAssemblies.targets).
/// </summary>
public static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Lazy = new(Load);

    public static ImmutableArray<MetadataReference> All => Lazy.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var list = Path.Combine(AppContext.BaseDirectory, "reference-assemblies.txt");
        if (!File.Exists(list))
        {
            throw new InvalidOperationException($"{list} is missing: build the test project with 'dotnet build' so its WriteReferenceAssemblyList target runs.");
        }

        return File.ReadAllLines(list)
            .Where(line => line.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
