namespace SecureDev.Tests;

/// <summary>Paths in the repository the tests run from (found by walking up to SecureDev.sln).</summary>
public static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "SecureDev.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SecureDev.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => LazyRoot.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine(new[] { Root }.Concat(parts).ToArray());
}
