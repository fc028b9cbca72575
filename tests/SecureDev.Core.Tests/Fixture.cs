using SecureDev.Core.Diagnostics;

namespace SecureDev.Core.Tests;

/// <summary>Paths of the test fixtures and scratch directories.</summary>
public static class Fixture
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine(new[] { AppContext.BaseDirectory, "Fixtures" }.Concat(parts).ToArray());

    /// <summary>The real GitHub advisory records of samples/advisory-db (the sample and the tests share them).</summary>
    public static string AdvisoryDatabase => Path("advisory-db");

    public static string Assets(string name) => Path("assets", name + ".assets.json");

    /// <summary>A fresh empty directory under the test output, removed when disposed.</summary>
    public static TemporaryDirectory TemporaryDirectory() => new();

    public static BuildMessage Single(IEnumerable<BuildMessage> messages, BuildRule rule) =>
        Xunit.Assert.Single(messages, m => m.Rule == rule);
}

public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "securedev-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
