namespace SecureDev.Core.IO;

/// <summary>Paths as the records write them: relative, with '/' separators on every platform.</summary>
public static class PortablePath
{
    public static string Relative(string directory, string file) => Path.GetRelativePath(directory, file).Replace('\\', '/');
}
