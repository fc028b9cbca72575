using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Cryptography;

/// <summary>
/// Judges identifiers by what they say they hold: security material (a token, key, salt, nonce, password, session id,
/// challenge), or a verifier (a MAC, signature, hash, token or password) that must be compared in constant time.
/// Only the end of a name counts, after trailing container words ("saltBytes", "tokenBuilder" are a salt and a token;
/// "tokenLength", "keyName" are not), so a rule can tell <c>sessionToken</c> from <c>sessionTimeout</c>.
/// </summary>
internal static class SecurityMaterialNames
{
    /// <summary>Words that say how a value is stored, not what it is: they are skipped at the end of a name.</summary>
    private static readonly HashSet<string> ContainerWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "bytes", "byte", "buffer", "buf", "data", "value", "chars", "char", "characters", "character", "digit", "digits",
        "string", "str", "text", "hex", "base64", "array", "span", "builder", "sb", "material", "candidate",
    };

    /// <summary>Fragments every name of random security material contains (a cheap test before splitting a name).</summary>
    private static readonly string[] RandomMaterialFragments =
    {
        "token", "salt", "nonce", "iv", "pass", "pwd", "secret", "challenge", "otp", "srf", "session", "key", "code",
    };

    /// <summary>Fragments every verifier name contains.</summary>
    private static readonly string[] VerifierFragments =
    {
        "mac", "sig", "hash", "digest", "token", "pass", "pwd", "secret", "otp", "key", "code", "session",
    };

    /// <summary>A random value that becomes one of these must come from a CSPRNG.</summary>
    private static readonly Dictionary<string, string> RandomMaterialWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["token"] = "token",
        ["salt"] = "salt",
        ["nonce"] = "nonce",
        ["iv"] = "IV",
        ["password"] = "password",
        ["passwd"] = "password",
        ["pwd"] = "password",
        ["passphrase"] = "password",
        ["secret"] = "secret",
        ["challenge"] = "challenge",
        ["otp"] = "one-time password",
        ["csrf"] = "CSRF token",
        ["xsrf"] = "CSRF token",
        ["session"] = "session identifier",
    };

    /// <summary>Second-to-last words that make "key", "id" or "code" security material ("apiKey", "sessionId", "resetCode").</summary>
    private static readonly Dictionary<string, string> QualifiedMaterial = new(StringComparer.OrdinalIgnoreCase)
    {
        ["session id"] = "session identifier",
        ["session key"] = "key",
        ["api key"] = "key",
        ["secret key"] = "key",
        ["private key"] = "key",
        ["encryption key"] = "key",
        ["signing key"] = "key",
        ["hmac key"] = "key",
        ["mac key"] = "key",
        ["master key"] = "key",
        ["access key"] = "key",
        ["shared key"] = "key",
        ["reset code"] = "one-time code",
        ["verification code"] = "one-time code",
        ["activation code"] = "one-time code",
        ["confirmation code"] = "one-time code",
        ["recovery code"] = "one-time code",
        ["auth code"] = "one-time code",
        ["authorization code"] = "one-time code",
        ["pairing code"] = "one-time code",
    };

    /// <summary>A value named like one of these is compared by an attacker's guess against the real one.</summary>
    private static readonly Dictionary<string, string> VerifierWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mac"] = "MAC",
        ["hmac"] = "HMAC",
        ["signature"] = "signature",
        ["hash"] = "hash",
        ["digest"] = "digest",
        ["token"] = "token",
        ["password"] = "password",
        ["passwd"] = "password",
        ["pwd"] = "password",
        ["passphrase"] = "password",
        ["secret"] = "secret",
        ["otp"] = "one-time password",
    };

    /// <summary>Words before "signature" that make it a shape, not a cryptographic signature ("methodSignature", "fileSignature").</summary>
    private static readonly HashSet<string> NonCryptographicSignatures = new(StringComparer.OrdinalIgnoreCase)
    {
        "method", "member", "function", "type", "call", "file", "magic", "delegate", "operation",
    };

    /// <summary>Words that mark the second entry of a form, compared with the first by the user who typed both.</summary>
    private static readonly HashSet<string> ConfirmationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "confirm", "confirmation", "confirmed", "repeat", "repeated", "retype", "retyped", "again",
    };

    /// <summary>
    /// What security material a random value that flows into <paramref name="identifier"/> becomes, or null.
    /// A bare "key" ("key", "cacheKey") is an index, a cache or dictionary key more often than key material, so it counts
    /// only for bytes (<paramref name="isBinary"/>); "apiKey", "sessionKey" and the like count for any value.
    /// </summary>
    public static string? RandomMaterial(string identifier, bool isBinary)
    {
        if (!Authentication.SecretNames.ContainsAny(identifier, RandomMaterialFragments))
        {
            return null;
        }

        var words = MeaningfulWords(identifier);
        if (words.Count == 0)
        {
            return null;
        }

        var last = words[words.Count - 1];
        if (RandomMaterialWords.TryGetValue(last, out var kind))
        {
            return kind;
        }

        if (words.Count >= 2 && QualifiedMaterial.TryGetValue(words[words.Count - 2] + " " + last, out kind))
        {
            return kind;
        }

        return isBinary && string.Equals(last, "key", StringComparison.OrdinalIgnoreCase) ? "key" : null;
    }

    /// <summary>What verifier <paramref name="identifier"/> names ("MAC", "signature", "password"), or null.</summary>
    public static string? Verifier(string identifier)
    {
        if (!Authentication.SecretNames.ContainsAny(identifier, VerifierFragments))
        {
            return null;
        }

        var words = MeaningfulWords(identifier);
        if (words.Count == 0)
        {
            return null;
        }

        var last = words[words.Count - 1];
        if (!VerifierWords.TryGetValue(last, out var kind))
        {
            return words.Count >= 2 && QualifiedMaterial.TryGetValue(words[words.Count - 2] + " " + last, out kind) ? kind : null;
        }

        return kind == "signature" && words.Count >= 2 && NonCryptographicSignatures.Contains(words[words.Count - 2]) ? null : kind;
    }

    /// <summary>Fragments every confirmation word contains (a cheap test before splitting a name; comparisons run everywhere).</summary>
    private static readonly string[] ConfirmationFragments = { "confirm", "repeat", "retype", "again" };

    /// <summary>True when the name marks a value typed twice by the same user ("confirmPassword", "passwordAgain").</summary>
    public static bool IsConfirmation(string identifier)
    {
        if (!Authentication.SecretNames.ContainsAny(identifier, ConfirmationFragments))
        {
            return false;
        }

        foreach (var word in IdentifierWords.Split(identifier))
        {
            if (ConfirmationWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> MeaningfulWords(string identifier)
    {
        var words = IdentifierWords.Split(identifier);
        while (words.Count > 1 && ContainerWords.Contains(words[words.Count - 1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        return words;
    }
}
