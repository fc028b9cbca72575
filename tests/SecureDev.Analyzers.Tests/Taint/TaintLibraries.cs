namespace SecureDev.Analyzers.Tests;

/// <summary>
/// The stand-ins of libraries the taint rules name that are not on the feed (industrial protocols, Dapper, EF Core,
/// directory services), compiled as a referenced assembly so the engine meets them as metadata, like the real packages.
/// </summary>
public static class TaintLibraries
{
    public static readonly string[] All = { "Taint/StubsIndustrial.cs", "Taint/StubsData.cs" };
}
