using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Authentication;

/// <summary>
/// Fields, constants and properties declared with a literal secret (<c>const string ServicePassword = "..."</c>,
/// <c>static readonly byte[] ApiKey = { ... }</c>, <c>string Password { get; set; } = "admin"</c>). SD3001 reports them
/// where they are declared, which is where the fix goes; the rules that follow values (SD3001 at credential APIs,
/// SD1006 at crypto APIs) ask here so that they do not report the same secret again where it is used.
/// </summary>
internal static class SecretDeclarations
{
    /// <summary>The kind of secret ("password", "api key") a declaration of <paramref name="member"/> with <paramref name="value"/> hard-codes, or null.</summary>
    public static string? HardcodedKind(ISymbol member, IOperation value)
    {
        // The name's fragment test comes first (it rules out most members for a few character comparisons), then the
        // value test, which may follow a local, and only then is the name split into words.
        if (!SecretNames.MayNameSecret(member.Name) || !LiteralSecret.IsLiteralSecret(value) || SecretNames.SecretKind(member.Name) is not { } kind)
        {
            return null;
        }

        return ValueFlow.TryGetConstant(value, out var constant) && constant is string text && NamesItself(member.Name, text) ? null : kind;
    }

    /// <summary>
    /// True when <paramref name="value"/> is (or is a literal conversion of) a constant or static readonly field that
    /// <see cref="HardcodedKind"/> reports at its declaration.
    /// </summary>
    public static bool IsReportedAtDeclaration(IOperation value)
    {
        var operation = value.WithoutConversions();
        while (operation is IInvocationOperation { Arguments.Length: 1 } conversion
               && conversion.TargetMethod.Name is "GetBytes" or "FromBase64String" or "FromHexString")
        {
            operation = conversion.Arguments[0].Value.WithoutConversions();
        }

        if (operation is IInvocationOperation { TargetMethod.Name: "ToCharArray", Instance: { } instance })
        {
            operation = instance.WithoutConversions();
        }

        return operation is IFieldReferenceOperation { Field: { } field } reference
               && (field.IsConst || (field.IsStatic && field.IsReadOnly))
               && HardcodedKind(field, reference) is not null;
    }

    /// <summary>
    /// A value that spells the member's own name is a key, label or parameter name, not a secret:
    /// <c>const string Password = "password"</c>, <c>ClientSecret = "client_secret"</c>, <c>DbPassword = "Db:Password"</c>,
    /// <c>ApiKey = "X-Api-Key"</c>, <c>SmtpPassword = "Smtp:Credentials:Password"</c>.
    /// </summary>
    public static bool NamesItself(string name, string value)
    {
        var normalizedName = LettersAndDigits(name);
        if (normalizedName.Length == 0)
        {
            return false;
        }

        if (LettersAndDigits(value).EndsWith(normalizedName, StringComparison.Ordinal))
        {
            return true;
        }

        // A configuration path whose last segment is what the member is named after: "Database:Password", "mqtt/password".
        var separator = value.LastIndexOfAny(PathSeparators);
        if (separator <= 0 || value.IndexOf(' ') >= 0)
        {
            return false;
        }

        var segment = LettersAndDigits(value.Substring(separator + 1));
        return segment.Length > 0 && normalizedName.EndsWith(segment, StringComparison.Ordinal);
    }

    private static readonly char[] PathSeparators = { ':', '/', '.' };

    private static string LettersAndDigits(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                builder.Append(char.ToLowerInvariant(ch));
            }
        }

        return builder.ToString();
    }
}
