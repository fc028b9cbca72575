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

    /// <summary>
    /// False when <paramref name="identifier"/> cannot name a secret (it contains none of the fragments every secret
    /// word has): the test <see cref="SecretKind"/> starts with, for callers that have cheaper tests to run before the
    /// rest of it.
    /// </summary>
    public static bool MayNameSecret(string identifier) => ContainsAny(identifier, Fragments);

    /// <summary>The secret word the name ends with ("password", "api key"), or null when it names no secret.</summary>
    public static string? SecretKind(string identifier)
    {
        if (!MayNameSecret(identifier))
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

    /// <summary>
    /// True when <paramref name="identifier"/> contains one of <paramref name="fragments"/> (lower-case ASCII), ignoring
    /// case as <see cref="StringComparison.OrdinalIgnoreCase"/> does; allocates nothing.
    /// </summary>
    public static bool ContainsAny(string identifier, string[] fragments)
    {
        // Runs for every argument, assignment and comparison some rules see: one pass over the characters, each
        // compared with the fragments' first letters, instead of one IndexOf call per fragment. A name with a
        // character outside ASCII takes IndexOf, whose case rules then decide.
        for (var i = 0; i < identifier.Length; i++)
        {
            var ch = identifier[i];
            if (ch > 0x7F)
            {
                return ContainsAnyIgnoringCase(identifier, fragments);
            }

            var lower = AsciiLower(ch);
            foreach (var fragment in fragments)
            {
                if (fragment[0] == lower && StartsWithAsciiIgnoringCase(identifier, i, fragment))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool StartsWithAsciiIgnoringCase(string identifier, int start, string fragment)
    {
        if (identifier.Length - start < fragment.Length)
        {
            return false;
        }

        for (var j = 1; j < fragment.Length; j++)
        {
            if (AsciiLower(identifier[start + j]) != fragment[j])
            {
                return false;
            }
        }

        return true;
    }

    private static char AsciiLower(char ch) => ch is >= 'A' and <= 'Z' ? (char)(ch | 0x20) : ch;

    private static bool ContainsAnyIgnoringCase(string identifier, string[] fragments)
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

        foreach (var ch in text)
        {
            if (ch != '*' && ch != '?' && ch != '.')
            {
                return true;
            }
        }

        return false;
    }
}
