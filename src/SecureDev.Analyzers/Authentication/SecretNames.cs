using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Authentication;

/// <summary>
/// Decides from an identifier whether it names a secret. Only the last word (or last two) counts, so that
/// <c>password</c>, <c>AdminPassword</c>, <c>KeyPwd</c> and <c>ClientSecret</c> match while <c>PasswordChar</c>,
/// <c>PasswordPrompt</c> and <c>SecretName</c> do not.
/// </summary>
internal static class SecretNames
{
    private static readonly HashSet<string> SecretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pwd", "passphrase", "secret", "psk",
    };

    private static readonly HashSet<string> SecretPairs = new(StringComparer.OrdinalIgnoreCase)
    {
        "api key", "apikey", "secret key", "private key", "access key", "shared key", "preshared key", "pre shared key",
        "access token", "auth token", "bearer token", "refresh token", "api token", "client secret",
        "password hash", "pwd hash", "passphrase hash", "password digest",
    };

    /// <summary>Fragments every secret name contains: names without one are ruled out before they are split into words.</summary>
    private static readonly string[] Fragments = { "pass", "pwd", "secret", "psk", "key", "token" };

    /// <summary>The secret word the name ends with ("password", "api key"), or null when it names no secret.</summary>
    public static string? SecretKind(string identifier)
    {
        if (!ContainsAny(identifier, Fragments))
        {
            return null;
        }

        var words = IdentifierWords.Split(identifier);
        if (words.Count == 0)
        {
            return null;
        }

        var last = words[words.Count - 1].ToLowerInvariant();
        if (SecretWords.Contains(last))
        {
            return last is "pwd" or "passwd" ? "password" : last;
        }

        if (words.Count >= 2)
        {
            var pair = words[words.Count - 2] + " " + last;
            if (SecretPairs.Contains(pair))
            {
                return pair.ToLowerInvariant();
            }

            if (words.Count >= 3 && SecretPairs.Contains(words[words.Count - 3] + " " + pair))
            {
                return (words[words.Count - 3] + " " + pair).ToLowerInvariant();
            }
        }

        return SecretPairs.Contains(last) ? last.ToLowerInvariant() : null;
    }

    /// <summary>True when <paramref name="identifier"/> contains one of <paramref name="fragments"/>, ignoring case; allocates nothing.</summary>
    public static bool ContainsAny(string identifier, string[] fragments)
    {
        foreach (var fragment in fragments)
        {
            if (identifier.IndexOf(fragment, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a literal that is plausibly a real secret: not empty, not a placeholder such as "${PASSWORD}" or "****".</summary>
    public static bool IsLiteralSecret(string value)
    {
        var text = value.Trim();
        if (text.Length == 0)
        {
            return false;
        }

        if ((text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("{", StringComparison.Ordinal)) && text.EndsWith("}", StringComparison.Ordinal))
        {
            return false;
        }

        if ((text.StartsWith("%", StringComparison.Ordinal) && text.EndsWith("%", StringComparison.Ordinal) && text.Length > 1)
            || (text.StartsWith("<", StringComparison.Ordinal) && text.EndsWith(">", StringComparison.Ordinal)))
        {
            return false;
        }

        return text.Any(ch => ch != '*' && ch != '?' && ch != '.');
    }
}
