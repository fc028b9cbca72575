using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Communication;

/// <summary>
/// The scheme and host of a URL handed to a connection or listener API, as far as the source decides them: a constant
/// (also through locals, constants and static readonly members), or the constant start of an interpolated or
/// concatenated string (<c>$"http://{host}:8080/"</c>: the scheme is decided in code, the host at run time).
/// </summary>
internal readonly struct EndpointUrl
{
    private EndpointUrl(string scheme, string? host)
    {
        Scheme = scheme;
        Host = host;
    }

    /// <summary>The scheme, lower case ("http").</summary>
    public string Scheme { get; }

    /// <summary>The host as written ("historian.plant.local", "[::1]", "+"), or null when it is computed at run time.</summary>
    public string? Host { get; }

    /// <summary>localhost, 127.0.0.0/8 and ::1: traffic that never leaves the device.</summary>
    public bool IsLoopback => Host is { } host && HostNames.IsLoopback(host);

    /// <summary>The wildcard hosts of listener prefixes and bind URLs: +, *, 0.0.0.0, [::].</summary>
    public bool IsEveryInterface => Host is "+" or "*" or "0.0.0.0" or "[::]" or "::";

    /// <summary>Reads the URL <paramref name="value"/> holds; false when it has no scheme known at compile time.</summary>
    public static bool TryRead(IOperation value, out EndpointUrl url)
    {
        url = default;
        string? text;
        var complete = true;
        if (ValueFlow.TryGetConstant(value, out var constant))
        {
            text = constant as string;
        }
        else
        {
            text = ConstantPrefix(ValueFlow.Source(value));
            complete = false;
        }

        if (text is null || text.Length < 6)
        {
            return false;
        }

        var separator = text.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            return false;
        }

        var scheme = text.Substring(0, separator).Trim().ToLowerInvariant();
        var rest = text.Substring(separator + 3);
        var at = rest.IndexOf('@');
        var slash = rest.IndexOf('/');
        if (at >= 0 && (slash < 0 || at < slash))
        {
            rest = rest.Substring(at + 1);
        }

        int end;
        if (rest.StartsWith("[", StringComparison.Ordinal))
        {
            end = rest.IndexOf(']');
            end = end < 0 ? -1 : end + 1;
        }
        else
        {
            end = rest.IndexOfAny(HostEnd);
        }

        // A host cut off by a run-time part ($"http://plc-{n}/") is not known.
        var host = end >= 0 ? rest.Substring(0, end) : complete ? rest : null;
        url = new EndpointUrl(scheme, string.IsNullOrEmpty(host) ? null : host);
        return true;
    }

    private static readonly char[] HostEnd = { '/', ':', '?', '#' };

    /// <summary>The constant text an interpolated string or a concatenation starts with.</summary>
    private static string? ConstantPrefix(IOperation value)
    {
        switch (value)
        {
            case IInterpolatedStringOperation interpolated when interpolated.Parts.Length > 0:
                return interpolated.Parts[0] is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string text } ? text : null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                var left = concatenation.LeftOperand;
                return ValueFlow.TryGetConstant(left, out var constant) ? constant as string : ConstantPrefix(ValueFlow.Source(left));
            default:
                return null;
        }
    }
}
