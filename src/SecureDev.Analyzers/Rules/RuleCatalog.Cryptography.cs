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

    public static readonly DiagnosticDescriptor EcbCipherMode = Rule.Create(
        "SD1003",
        RuleFamily.Cryptography,
        title: "ECB cipher mode",
        message: "ECB mode ({0}) shows equal plaintext blocks as equal ciphertext blocks; use AES-GCM",
        description: "ECB encrypts every block on its own: equal blocks of plaintext give equal blocks of ciphertext, so " +
                     "patterns, repeated records and set points stay visible, and blocks can be cut, reordered and replayed.",
        DiagnosticSeverity.Warning,
        requirement: "CR 4.3",
        securityLevel: 1,
        327);

    public static readonly DiagnosticDescriptor UnauthenticatedCipherMode = Rule.Create(
        "SD1004",
        RuleFamily.Cryptography,
        title: "Encryption without authentication",
        message: "AES in {1} mode ({0}) is not authenticated and no MAC is computed here; use AES-GCM, which also detects tampering",
        description: "CBC and CFB hide data but do not protect it: ciphertext can be changed without detection, and a " +
                     "decryptor that reports padding errors is a padding oracle that gives the plaintext away. AES-GCM " +
                     "(AesGcm) authenticates what it encrypts; where CBC must stay, add an HMAC over IV and ciphertext.",
        DiagnosticSeverity.Info,
        requirement: "CR 3.1",
        securityLevel: 2,
        327, 649);

    public static readonly DiagnosticDescriptor ShortAsymmetricKey = Rule.Create(
        "SD1005",
        RuleFamily.Cryptography,
        title: "Short or deprecated asymmetric key",
        message: "{0}; use RSA with 3072 bits (at least 2048) or ECDSA/ECDH on P-256 or larger",
        description: "RSA keys under 2048 bits, elliptic curves under 256 bits and DSA (withdrawn for new signatures by " +
                     "FIPS 186-5, and limited to 1024 bits by common providers) are within reach of well-funded attackers " +
                     "during the lifetime of an industrial product.",
        DiagnosticSeverity.Warning,
        requirement: "CR 4.3",
        securityLevel: 1,
        326);

    public static readonly DiagnosticDescriptor ConstantKeyMaterial = Rule.Create(
        "SD1006",
        RuleFamily.Cryptography,
        title: "Constant key, IV or nonce",
        message: "The {0} given to '{1}' is {2}; {3}",
        description: "A key written in the source is in every copy of the binary and cannot be changed per device. An IV " +
                     "or nonce that never changes makes equal messages encrypt equally and, with AES-GCM or ChaCha20-Poly1305, " +
                     "gives away the authentication key.",
        DiagnosticSeverity.Warning,
        requirement: "CR 4.3",
        securityLevel: 1,
        321, 329, 1204, 798);

    public static readonly DiagnosticDescriptor WeakKeyDerivation = Rule.Create(
        "SD1007",
        RuleFamily.Cryptography,
        title: "Weak password-based key derivation",
        message: "PBKDF2 {0}; use SHA-256 with at least 600,000 iterations (OWASP 2023)",
        description: "PBKDF2 slows down password guessing only as much as its iteration count and hash allow. SHA-1 and " +
                     "counts below 100,000 let a single GPU test billions of candidate passwords against a stolen hash or " +
                     "encrypted file.",
        DiagnosticSeverity.Warning,
        requirement: "CR 1.7",
        securityLevel: 1,
        916, 328);

    public static readonly DiagnosticDescriptor InsecureRandomness = Rule.Create(
        "SD1008",
        RuleFamily.Cryptography,
        title: "Predictable random value used as security material",
        message: "System.Random output becomes {0}; use RandomNumberGenerator",
        description: "System.Random is not cryptographically secure: its output can be predicted from a few observed values " +
                     "or from the seed. Tokens, keys, salts, nonces, passwords and session identifiers made from it can be guessed.",
        DiagnosticSeverity.Warning,
        requirement: "CR 4.3",
        securityLevel: 1,
        338, 330);

    public static readonly DiagnosticDescriptor TimingUnsafeComparison = Rule.Create(
        "SD1009",
        RuleFamily.Cryptography,
        title: "Timing-unsafe comparison of a secret",
        message: "{0} is compared with {1}, which stops at the first difference and tells an attacker through timing how much matched; use CryptographicOperations.FixedTimeEquals",
        description: "A comparison that returns at the first differing byte takes longer the more of a guess is right. " +
                     "An attacker who can measure it learns a valid MAC, token or password one byte at a time.",
        DiagnosticSeverity.Warning,
        requirement: "CR 3.1",
        securityLevel: 2,
        208);
}
