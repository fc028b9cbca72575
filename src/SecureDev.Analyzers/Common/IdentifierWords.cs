namespace SecureDev.Analyzers.Common;

/// <summary>
/// Splits an identifier into its words: <c>ServerCertificateCustomValidationCallback</c> → Server, Certificate, Custom,
/// Validation, Callback; <c>api_key</c> → api, key; <c>HTTPSProxy</c> → HTTPS, Proxy. Rules that judge names (a
/// validation routine, a secret) compare words, so that <c>PasswordChar</c> is not a password and <c>IsValid</c> is.
/// </summary>
internal static class IdentifierWords
{
    public static List<string> Split(string identifier)
    {
        var words = new List<string>(4);
        var start = -1;
        for (var i = 0; i <= identifier.Length; i++)
        {
            var ch = i < identifier.Length ? identifier[i] : '_';
            if (!char.IsLetterOrDigit(ch))
            {
                if (start >= 0)
                {
                    words.Add(identifier.Substring(start, i - start));
                    start = -1;
                }

                continue;
            }

            if (start < 0)
            {
                start = i;
                continue;
            }

            // A word starts at an upper-case letter after a lower-case one (fooBar), or at the last capital of a run
            // followed by a lower-case letter (HTTPSProxy).
            var previous = identifier[i - 1];
            var startsWord = char.IsUpper(ch)
                             && (char.IsLower(previous) || char.IsDigit(previous)
                                 || (char.IsUpper(previous) && i + 1 < identifier.Length && char.IsLower(identifier[i + 1])));
            if (startsWord)
            {
                words.Add(identifier.Substring(start, i - start));
                start = i;
            }
        }

        return words;
    }

    /// <summary>The last word of <paramref name="identifier"/>, or an empty string.</summary>
    public static string Last(string identifier)
    {
        var words = Split(identifier);
        return words.Count == 0 ? string.Empty : words[words.Count - 1];
    }
}
