using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Rules;

internal static partial class RuleCatalog
{
    public static readonly DiagnosticDescriptor WeakHashAlgorithm = Rule.Create(
        "SD1001",
        RuleFamily.Cryptography,
        title: "Broken or weak hash algorithm",
        message: "{0} is a broken hash algorithm; use SHA-256 or stronger",
        description: "MD5, SHA-1 and RIPEMD-160 allow practical collisions. Signatures, integrity checks, password storage and " +
                     "key derivation built on them can be forged.",
        DiagnosticSeverity.Warning,
        requirement: "CR 4.3",
        securityLevel: 1,
        327, 328);

    public static readonly DiagnosticDescriptor WeakCipherAlgorithm = Rule.Create(
        "SD1002",
        RuleFamily.Cryptography,
        title: "Broken or weak cipher",
        message: "{0} is a broken cipher; use AES-GCM or ChaCha20-Poly1305",
        description: "DES, Triple DES and RC2 have short keys or 64-bit blocks (Sweet32). Data they protect can be recovered.",
        DiagnosticSeverity.Warning,
        requirement: "CR 4.3",
        securityLevel: 1,
        327);
}
