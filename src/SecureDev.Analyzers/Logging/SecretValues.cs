using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Logging;

/// <summary>
/// Whether a value that reaches a log is a secret: by the name of the variable, parameter, field or property it is
/// read from (the last word or two: <c>password</c>, <c>apiKey</c>, <c>refreshToken</c>, <c>ClientSecret</c>), or by
/// where it was obtained (a configuration or environment key naming a secret, a decrypted or exported key, a
/// SecureString turned back into text, a symmetric or HMAC key). The value is followed through what keeps it readable
/// (conversions, interpolation, concatenation, string.Format/Concat/Join, ToString, Trim, Base64 and hex encoding) and
/// no further: a call that transforms it (<c>Redact(password)</c>, a hash), a length or a comparison is not the secret.
/// Only text and byte values count, so a <c>CancellationToken</c> or a <c>SyntaxToken</c> is not a token.
/// </summary>
internal static class SecretValues
{
    private const int MaxDepth = 6;

    // Plain HashSets, only read after construction: cheaper lookups than an ImmutableHashSet's.
    private static readonly HashSet<string> SecretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pwd", "passphrase", "secret", "psk", "token", "apikey", "privatekey", "credentials",
    };

    private static readonly HashSet<string> SecretPairs = new(StringComparer.OrdinalIgnoreCase)
    {
        "api key", "secret key", "private key", "access key", "shared key", "preshared key", "signing key", "encryption key",
        "master key", "client secret", "connection password",
    };

    /// <summary>
    /// Fragments that the last word of every secret name contains (the words of <see cref="SecretWords"/> and the last
    /// words of <see cref="SecretPairs"/>): a name without one is ruled out before it is split into words.
    /// </summary>
    private static readonly string[] SecretFragments = { "pass", "pwd", "secret", "psk", "token", "key", "credentials" };

    /// <summary>Words that say the value was made safe to show: <c>maskedPassword</c>, <c>passwordHash</c> (the last word rule covers that one).</summary>
    private static readonly HashSet<string> RedactionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "masked", "redacted", "obfuscated", "hashed", "encrypted", "protected", "sanitized", "safe", "is", "has",
    };

    /// <summary>The redaction words (lower case) as fragments: a name that contains none of them is not split into words.</summary>
    private static readonly string[] RedactionFragments = RedactionWords.ToArray();

    private static readonly HashSet<string> KeyExports = new(StringComparer.Ordinal)
    {
        "ExportRSAPrivateKey", "ExportRSAPrivateKeyPem", "ExportPkcs8PrivateKey", "ExportPkcs8PrivateKeyPem", "ExportECPrivateKey",
        "ExportECPrivateKeyPem", "ExportEncryptedPkcs8PrivateKey", "ExportEncryptedPkcs8PrivateKeyPem",
    };

    /// <summary>Calls that hand their argument (or receiver) on readable: the secret is still in the result.</summary>
    private static readonly HashSet<string> Preserving = new(StringComparer.Ordinal)
    {
        "ToString", "Format", "Concat", "Join", "Trim", "TrimStart", "TrimEnd", "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant",
        "ToBase64String", "ToHexString", "ToHexStringLower", "GetString", "ToCharArray", "AsSpan", "AsMemory", "ToArray",
    };

    /// <summary>The secret-looking name's kind ("password", "api key"), or null when the identifier names no secret.</summary>
    public static string? SecretKind(string identifier)
    {
        // Every name a logged value is read from comes here: the fragment test rules out nearly all without splitting.
        if (!Authentication.SecretNames.ContainsAny(identifier, SecretFragments))
        {
            return null;
        }

        var words = IdentifierWords.Split(identifier);
        if (words.Count == 0)
        {
            return null;
        }

        if (IsRedactedName(identifier))
        {
            return null;
        }

        var last = words[words.Count - 1];
        if (words.Count >= 2 && SecretPairs.Contains(words[words.Count - 2] + " " + last))
        {
            return (words[words.Count - 2] + " " + last).ToLowerInvariant();
        }

        if (!SecretWords.Contains(last))
        {
            return null;
        }

        return last.ToLowerInvariant() switch
        {
            "pwd" or "passwd" or "passphrase" => "password",
            "apikey" => "API key",
            "privatekey" => "private key",
            "psk" => "pre-shared key",
            var word => word,
        };
    }

    /// <summary>True when the identifier says its value was made safe to show (<c>maskedPassword</c>, <c>redactedToken</c>).</summary>
    public static bool IsRedactedName(string identifier)
    {
        if (!Authentication.SecretNames.ContainsAny(identifier, RedactionFragments))
        {
            return false;
        }

        foreach (var word in IdentifierWords.Split(identifier))
        {
            if (RedactionWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Text and bytes: what a log would print readably. Objects and numbers are not secrets by name.</summary>
    public static bool IsReadableType(ITypeSymbol? type) => type switch
    {
        { SpecialType: SpecialType.System_String } => true,
        IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char or SpecialType.System_Byte } => true,
        INamedTypeSymbol { Name: "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory", TypeArguments.Length: 1 } span =>
            span.TypeArguments[0].SpecialType is SpecialType.System_Char or SpecialType.System_Byte,
        _ => false,
    };

    /// <summary>
    /// The secrets in <paramref name="value"/>, each with the operation to report and how a message names it
    /// ("The password 'adminPassword'").
    /// </summary>
    public static void Find(IOperation value, List<(IOperation Where, string What)> found) => Find(value, found, 0);

    private static void Find(IOperation value, List<(IOperation Where, string What)> found, int depth)
    {
        if (depth > MaxDepth || value.ConstantValue.HasValue)
        {
            return;
        }

        switch (value)
        {
            case IConversionOperation conversion:
                Find(conversion.Operand, found, depth + 1);
                return;
            case IParenthesizedOperation parenthesized:
                Find(parenthesized.Operand, found, depth + 1);
                return;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation)
                    {
                        Find(interpolation.Expression, found, depth + 1);
                    }
                }

                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                Find(concatenation.LeftOperand, found, depth + 1);
                Find(concatenation.RightOperand, found, depth + 1);
                return;
            case IConditionalOperation conditional when conditional.WhenFalse is not null:
                Find(conditional.WhenTrue, found, depth + 1);
                Find(conditional.WhenFalse, found, depth + 1);
                return;
            case ICoalesceOperation coalesce:
                Find(coalesce.Value, found, depth + 1);
                Find(coalesce.WhenNull, found, depth + 1);
                return;
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    Find(element, found, depth + 1);
                }

                return;
            case IObjectCreationOperation { Type.SpecialType: SpecialType.System_String } text:
                foreach (var argument in text.Arguments)
                {
                    Find(argument.Value, found, depth + 1);
                }

                return;
            case IInvocationOperation invocation:
                FindInInvocation(invocation, found, depth);
                return;
            case ILocalReferenceOperation local when !(IsReadableType(local.Type) && SecretKind(local.Local.Name) is not null):
                // Not named as a secret: what it was given may be one (var text = $"pw={password}"; var key = config["Db:Password"]).
                // The finding stays at the use: that is where the secret reaches the log.
                if (ValueOrigin.SingleDefinition(local) is { } definition)
                {
                    var inner = new List<(IOperation Where, string What)>();
                    Find(definition, inner, depth + 1);
                    foreach (var (_, origin) in inner)
                    {
                        found.Add((local, origin));
                    }
                }

                return;
        }

        if (Describe(value) is { } what)
        {
            found.Add((value, what));
        }
    }

    private static void FindInInvocation(IInvocationOperation invocation, List<(IOperation Where, string What)> found, int depth)
    {
        if (Origin(invocation) is { } source)
        {
            found.Add((invocation, source));
            return;
        }

        if (!Preserving.Contains(invocation.TargetMethod.Name))
        {
            return;
        }

        if (invocation.Instance is { } instance)
        {
            Find(instance, found, depth + 1);
        }

        foreach (var argument in invocation.Arguments)
        {
            if (!argument.Value.ConstantValue.HasValue)
            {
                Find(argument.Value, found, depth + 1);
            }
        }
    }

    /// <summary>How a message names the secret <paramref name="leaf"/> holds, or null when it holds none.</summary>
    public static string? Describe(IOperation leaf)
    {
        switch (leaf)
        {
            case ILocalReferenceOperation local:
                return IsReadableType(local.Type) && SecretKind(local.Local.Name) is { } localKind ? $"The {localKind} '{local.Local.Name}'" : null;
            case IParameterReferenceOperation parameter:
                return IsReadableType(parameter.Type) && SecretKind(parameter.Parameter.Name) is { } parameterKind
                    ? $"The {parameterKind} '{parameter.Parameter.Name}'"
                    : null;
            case IFieldReferenceOperation { Field.IsConst: false } field:
                return IsReadableType(field.Type) && SecretKind(field.Field.Name) is { } fieldKind ? $"The {fieldKind} '{field.Field.Name}'" : null;
            case IPropertyReferenceOperation property:
                return Property(property);
            case IInvocationOperation invocation:
                return Origin(invocation);
            default:
                return null;
        }
    }

    /// <summary>A property named as a secret, a configuration value under a secret key, or an algorithm's key.</summary>
    private static string? Property(IPropertyReferenceOperation property)
    {
        var member = property.Property;
        if (!IsReadableType(property.Type))
        {
            return null;
        }

        if (member.IsIndexer)
        {
            // configuration["Historian:Password"]
            return property.Arguments.Length == 1 && property.Arguments[0].Value.TryGetConstantString(out var key) ? FromKey(key) : null;
        }

        if (member.Name == "Value" && property.Instance is IInvocationOperation { TargetMethod.Name: "GetSection" } section
            && section.Arguments.Length > 0 && section.Arguments[section.Arguments.Length - 1].Value.TryGetConstantString(out var sectionKey))
        {
            return FromKey(sectionKey);
        }

        if (member.Name == "Key" && IsKeyedAlgorithm(member.ContainingType))
        {
            return $"The key of the {member.ContainingType.Name}";
        }

        return SecretKind(member.Name) is { } kind ? $"The {kind} '{member.Name}'" : null;
    }

    /// <summary>Secrets by origin: environment and configuration keys, SecureString decoding, DPAPI, private key exports.</summary>
    private static string? Origin(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var arguments = invocation.Arguments;
        if (KeyExports.Contains(method.Name) || (method.Name == "ExportParameters" && arguments.Length == 1 && arguments[0].Value.ConstantValue.Value is true))
        {
            return $"The private key exported by '{method.Name}'";
        }

        if (!IsReadableType(invocation.Type))
        {
            return null;
        }

        switch (method.Name)
        {
            case "Unprotect" when method.ContainingType.Name is "ProtectedData" or "IDataProtector" or "DataProtectionCommonExtensions":
                return $"The data decrypted by '{method.Name}'";
            case "GetEnvironmentVariable" when arguments.Length > 0 && arguments[0].Value.TryGetConstantString(out var variable):
                return FromKey(variable);
            case "GetValue" when method.ContainingType.Name == "ConfigurationBinder" && arguments.Length > 1 && arguments[1].Value.TryGetConstantString(out var key):
                return FromKey(key);
            default:
                return method.Name.StartsWith("PtrToString", StringComparison.Ordinal) && arguments.Length > 0
                       && arguments[0].Value.WithoutConversions() is IInvocationOperation { TargetMethod.Name: var decoded }
                       && decoded.StartsWith("SecureStringTo", StringComparison.Ordinal)
                    ? "The SecureString's text"
                    : null;
        }
    }

    /// <summary>A configuration or environment key whose last segment names a secret: "Historian:Password", "MES_API_TOKEN".</summary>
    private static string? FromKey(string key)
    {
        var segment = key;
        var separator = Math.Max(key.LastIndexOf(':'), key.LastIndexOf("__", StringComparison.Ordinal));
        if (separator >= 0)
        {
            segment = key.Substring(separator + 1).TrimStart('_');
        }

        return SecretKind(segment) is { } kind ? $"The {kind} from '{key}'" : null;
    }

    private static bool IsKeyedAlgorithm(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name is "SymmetricAlgorithm" or "KeyedHashAlgorithm" && Cryptography.CryptographyNamespace.Contains(current))
            {
                return true;
            }
        }

        return false;
    }
}
