using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SecureDev.Benchmarks;

/// <summary>The real reference assemblies (written at build by eng/ReferenceAssemblies.targets).</summary>
public static class References
{
    public static ImmutableArray<MetadataReference> All { get; } = File
        .ReadAllLines(Path.Combine(AppContext.BaseDirectory, "reference-assemblies.txt"))
        .Where(l => l.Length > 0)
        .Distinct(StringComparer.Ordinal)
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToImmutableArray();
}
