namespace SecureDev.Analyzers.Common;

/// <summary>What a host name or address literal says about where traffic goes.</summary>
internal static class HostNames
{
    /// <summary>
    /// True for names and literals of this machine, whose traffic never leaves the device: localhost and *.localhost
    /// (RFC 6761), 127.0.0.0/8, ::1 in its short and full forms, with or without brackets and surrounding spaces.
    /// </summary>
    public static bool IsLoopback(string host)
    {
        var text = host.Trim().Trim('[', ']');
        return text.Equals("localhost", StringComparison.OrdinalIgnoreCase)
               || text.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
               || text.StartsWith("127.", StringComparison.Ordinal)
               || text is "::1" or "0:0:0:0:0:0:0:1";
    }
}
