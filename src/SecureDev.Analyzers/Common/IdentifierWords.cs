namespace SecureDev.Analyzers.Common;

/// <summary>
/// Splits identifiers into words (camelCase, PascalCase, snake_case, kebab-case, acronyms: "HMACKey" is "HMAC", "Key"),
/// so that rules can judge a name by its last words: what a variable holds is said at its end ("sessionToken",
/// "tokenLength").
/// </summary>
internal static class IdentifierWords
{
    public static List<string> Split(string identifier)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= identifier.Length; i++)
        {
            var ch = i < identifier.Length ? identifier[i] : '_';
            var boundary = !char.IsLetterOrDigit(ch)
                           || (start >= 0 && char.IsUpper(ch) && i > start
                               && (char.IsLower(identifier[i - 1]) || (i + 1 < identifier.Length && char.IsLower(identifier[i + 1]) && char.IsUpper(identifier[i - 1]))));
            if (boundary && start >= 0)
            {
                words.Add(identifier.Substring(start, i - start));
                start = -1;
            }

            if (char.IsLetterOrDigit(ch) && start < 0)
            {
                start = i;
            }
        }

        return words;
    }
}
