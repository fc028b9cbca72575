using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Rules;

internal static partial class RuleCatalog
{
    public static readonly DiagnosticDescriptor CertificateValidationDisabled = Rule.Create(
        "SD2001",
        RuleFamily.Communication,
        title: "Certificate validation disabled",
        message: "{0} accepts any certificate; check SslPolicyErrors, pin the certificate or build a chain with your own trust store",
        description: "A certificate validation callback that returns true without looking at the policy errors accepts any " +
                     "certificate, so anyone on the network path can impersonate the server.",
        DiagnosticSeverity.Warning,
        requirement: "CR 1.9",
        securityLevel: 2,
        295, 297);

    public static readonly DiagnosticDescriptor CertificateRevocationNotChecked = Rule.Create(
        "SD2002",
        RuleFamily.Communication,
        title: "Certificate revocation not checked",
        message: "{0} turns off the revocation check; use X509RevocationMode.Online, or Offline with a CRL distributed to the plant network",
        description: "Without a revocation check a certificate that was revoked after its key leaked or its device was " +
                     "decommissioned is still accepted until it expires.",
        DiagnosticSeverity.Warning,
        requirement: "CR 1.9",
        securityLevel: 2,
        299);

    public static readonly DiagnosticDescriptor ValidationFailsOpen = Rule.Create(
        "SD2003",
        RuleFamily.Communication,
        title: "Validation fails open",
        message: "{0} returns success when the check throws; return false (or rethrow) from the exception handler",
        description: "A validation routine that treats an exception as success can be bypassed by anyone who can make the " +
                     "check fail: a malformed certificate, an unreachable CRL or a truncated token is then accepted.",
        DiagnosticSeverity.Warning,
        requirement: "CR 1.9",
        securityLevel: 2,
        636, 755);

    public static readonly DiagnosticDescriptor LegacyTlsProtocol = Rule.Create(
        "SD2004",
        RuleFamily.Communication,
        title: "Legacy SSL or TLS version",
        message: "{0} enables {1}; let the operating system choose ({2}) or require TLS 1.2 or later",
        description: "SSL 2.0, SSL 3.0, TLS 1.0 and TLS 1.1 are deprecated (RFC 8996): their handshakes and ciphers allow " +
                     "downgrade and decryption attacks. Pinning a protocol list in code also keeps TLS 1.3 out.",
        DiagnosticSeverity.Warning,
        requirement: "CR 4.3",
        securityLevel: 1,
        326, 327, 757);

    public static readonly DiagnosticDescriptor CleartextChannel = Rule.Create(
        "SD2005",
        RuleFamily.Communication,
        title: "Cleartext communication channel",
        message: "{0}; use {1} so that the traffic is encrypted and the peer authenticated",
        description: "HTTP, FTP, WebSocket, MQTT and AMQP without TLS send data and credentials readable and changeable by " +
                     "anyone on the network path.",
        DiagnosticSeverity.Warning,
        requirement: "CR 3.1",
        securityLevel: 1,
        319);

    public static readonly DiagnosticDescriptor ListensOnEveryInterface = Rule.Create(
        "SD2006",
        RuleFamily.Communication,
        title: "Listening on every network interface",
        message: "{0} listens on every network interface; bind to the configured interface of the network that needs the service",
        description: "A service bound to all addresses is reachable from every network the device is attached to, " +
                     "including ones the zone and conduit design never meant it to serve.",
        DiagnosticSeverity.Warning,
        requirement: "CR 5.1",
        securityLevel: 1,
        1327);
}
