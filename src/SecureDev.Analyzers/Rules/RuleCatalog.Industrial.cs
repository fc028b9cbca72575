using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Rules;

// SD5xxx: the industrial protocol libraries (OPC UA .NET Standard, MQTTnet, NModbus, FluentModbus, EasyModbus,
// S7NetPlus, libplctag, TwinCAT ADS). SD500x OPC UA, SD502x MQTT, SD503x Modbus, S7 and EtherNet/IP, SD504x ADS.
// Every message names the IEC 62443-4-2 requirement and the security level from which it applies; where the protocol
// has no security of its own, it says how to record the compensating countermeasure (the "Compensating countermeasure:"
// justification convention, see rules-docs/SD5033.md).
internal static partial class RuleCatalog
{
    /// <summary>The prefix of a suppression justification that records a compensating countermeasure (listed under SG-2).</summary>
    public const string CompensatingCountermeasurePrefix = "Compensating countermeasure:";

    public static readonly DiagnosticDescriptor OpcUaWithoutMessageSecurity = Rule.Create(
        "SD5001",
        RuleFamily.Industrial,
        title: "OPC UA without message security",
        message: "{0} lets OPC UA messages travel unsigned and unencrypted (IEC 62443-4-2 CR 3.1 at SL 1, and CR 4.1); offer and select SignAndEncrypt with Basic256Sha256 or a newer policy",
        description: "MessageSecurityMode.None and SecurityPolicies.None turn off signing and encryption of the OPC UA secure channel: " +
                     "anyone on the network can read process values and inject writes and method calls.",
        DiagnosticSeverity.Warning,
        requirement: "CR 3.1",
        securityLevel: 1,
        319, 757);

    public static readonly DiagnosticDescriptor OpcUaDeprecatedSecurityPolicy = Rule.Create(
        "SD5002",
        RuleFamily.Industrial,
        title: "Deprecated OPC UA security policy",
        message: "{0} selects a deprecated OPC UA security policy built on SHA-1 and RSA PKCS#1 v1.5 (CVE-2024-42512) (IEC 62443-4-2 CR 4.3 at SL 1); use Basic256Sha256, Aes128_Sha256_RsaOaep or Aes256_Sha256_RsaPss",
        description: "Basic128Rsa15 and Basic256 are deprecated by the OPC Foundation: they sign with SHA-1 and pad with PKCS#1 v1.5, " +
                     "which allows signature forgery and padding-oracle attacks on the secure channel.",
        DiagnosticSeverity.Warning,
        requirement: "CR 4.3",
        securityLevel: 1,
        327, 208);

    public static readonly DiagnosticDescriptor OpcUaAutoAcceptUntrustedCertificates = Rule.Create(
        "SD5003",
        RuleFamily.Industrial,
        title: "OPC UA accepts untrusted certificates automatically",
        message: "{0} makes the OPC UA stack trust any application certificate it has not seen, so any peer can connect as a trusted one (IEC 62443-4-2 CR 1.9 at SL 2); leave it false and add peers to the trusted-peer store or push them with a GDS",
        description: "With AutoAcceptUntrustedCertificates the stack adds every unknown certificate to the trust decision as if an " +
                     "administrator had approved it; certificate-based application authentication then authenticates nobody.",
        DiagnosticSeverity.Warning,
        requirement: "CR 1.9",
        securityLevel: 2,
        295);

    public static readonly DiagnosticDescriptor OpcUaCertificateValidationBypassed = Rule.Create(
        "SD5004",
        RuleFamily.Industrial,
        title: "OPC UA certificate validation handler accepts untrusted certificates",
        message: "{0} accepts {1} in the OPC UA CertificateValidation handler (IEC 62443-4-2 CR 1.9 at SL 2); accept only a pinned thumbprint or when an operator setting allows it",
        description: "A CertificateValidation handler that sets Accept or AcceptAll unconditionally, or for every BadCertificateUntrusted " +
                     "error, overrides the stack's trust list: any self-made certificate is accepted.",
        DiagnosticSeverity.Warning,
        requirement: "CR 1.9",
        securityLevel: 2,
        295);

    public static readonly DiagnosticDescriptor OpcUaWeakCertificatesAccepted = Rule.Create(
        "SD5005",
        RuleFamily.Industrial,
        title: "OPC UA accepts weak certificates",
        message: "{0} lets OPC UA peers authenticate with {1} (IEC 62443-4-2 CR 4.3 at SL 1); keep RejectSHA1SignedCertificates true and MinimumCertificateKeySize at 2048 or more",
        description: "SHA-1 signatures can be forged by chosen-prefix collisions and RSA keys below 2048 bits can be factored; " +
                     "certificates with either no longer prove who a peer is.",
        DiagnosticSeverity.Warning,
        requirement: "CR 4.3",
        securityLevel: 1,
        327, 326);

    public static readonly DiagnosticDescriptor OpcUaHostNameCheckDisabled = Rule.Create(
        "SD5006",
        RuleFamily.Industrial,
        title: "OPC UA session skips the server host name check",
        message: "{0} connects without checking that the server certificate names the host of the endpoint URL, so a certificate taken from another device is accepted (IEC 62443-4-2 CR 1.9 at SL 2); pass checkDomain: true",
        description: "checkDomain: false makes the client accept a trusted certificate issued to any other server, which lets a " +
                     "compromised device impersonate every other one.",
        DiagnosticSeverity.Warning,
        requirement: "CR 1.9",
        securityLevel: 2,
        297);

    public static readonly DiagnosticDescriptor OpcUaAnonymousAccess = Rule.Create(
        "SD5007",
        RuleFamily.Industrial,
        title: "OPC UA server offers anonymous access",
        message: "{0} lets OPC UA clients connect without identifying a user (IEC 62443-4-2 CR 1.1 at SL 1, and CR 2.1); offer UserName or Certificate tokens and map them to roles",
        description: "An anonymous user token policy lets any client that completes the secure channel browse, read, write and call " +
                     "methods with no user identity, so nothing can be authorized or audited per user.",
        DiagnosticSeverity.Warning,
        requirement: "CR 1.1",
        securityLevel: 1,
        306);

    public static readonly DiagnosticDescriptor OpcUaUserTokenWithoutEncryption = Rule.Create(
        "SD5008",
        RuleFamily.Industrial,
        title: "OPC UA user-name token without its own security policy",
        message: "{0} sends the user name and password without encrypting them when the channel itself is unsecured (IEC 62443-4-2 CR 4.1 at SL 1); leave SecurityPolicyUri empty to use the channel's policy, or set Basic256Sha256 or newer",
        description: "A UserName token policy whose SecurityPolicyUri is None sends the password without the token encryption the " +
                     "OPC UA specification (Part 4, 7.40) requires for secrets.",
        DiagnosticSeverity.Warning,
        requirement: "CR 4.1",
        securityLevel: 1,
        319, 523);

    public static readonly DiagnosticDescriptor OpcUaAuditingDisabled = Rule.Create(
        "SD5009",
        RuleFamily.Industrial,
        title: "OPC UA server auditing switched off",
        message: "{0} switches off the OPC UA audit events for sessions, certificates and writes (IEC 62443-4-2 CR 2.8 at SL 1); leave auditing on and forward the events to the plant's log collection",
        description: "Without audit events the server records no security-relevant activity: failed logins, rejected certificates and " +
                     "writes leave no trace for incident response.",
        DiagnosticSeverity.Warning,
        requirement: "CR 2.8",
        securityLevel: 1,
        778);

    public static readonly DiagnosticDescriptor OpcUaUnlimitedQuota = Rule.Create(
        "SD5010",
        RuleFamily.Industrial,
        title: "OPC UA quota set to unlimited",
        message: "{0} removes a limit that protects the OPC UA stack from exhaustion by a peer (IEC 62443-4-2 CR 7.1 at SL 1); size it for the largest legitimate message or client count",
        description: "The transport quotas, session and channel counts and the rejected-certificate store bound what one peer can make " +
                     "the stack allocate; int.MaxValue or 0 (no limit) lets a single client exhaust memory, threads or disk.",
        DiagnosticSeverity.Warning,
        requirement: "CR 7.1",
        securityLevel: 1,
        770);

    public static readonly DiagnosticDescriptor MqttWithoutTls = Rule.Create(
        "SD5020",
        RuleFamily.Industrial,
        title: "MQTT connection without TLS",
        message: "{0} connects to the MQTT broker without TLS{1}, so process data can be read and changed on the way (IEC 62443-4-2 CR 3.1 at SL 1, and CR 4.1); add WithTlsOptions(o => o.UseTls()) and use the broker's TLS port",
        description: "Plain MQTT over TCP (port 1883) or WebSocket carries topics, payloads and the CONNECT packet's user name and " +
                     "password unencrypted and unauthenticated.",
        DiagnosticSeverity.Warning,
        requirement: "CR 3.1",
        securityLevel: 1,
        319, 523);

    public static readonly DiagnosticDescriptor MqttCertificateValidationWeakened = Rule.Create(
        "SD5021",
        RuleFamily.Industrial,
        title: "MQTT TLS certificate validation weakened",
        message: "{0} weakens the validation of the MQTT broker's certificate ({1}), so anyone on the network path can pose as the broker (IEC 62443-4-2 CR 1.9 at SL 2); trust the broker's CA with WithTrustChain instead",
        description: "Allowing untrusted certificates, ignoring chain or revocation errors, switching revocation checks off or a " +
                     "validation handler that returns true makes TLS encrypt the connection to whoever answers.",
        DiagnosticSeverity.Warning,
        requirement: "CR 1.9",
        securityLevel: 2,
        295, 299);

    public static readonly DiagnosticDescriptor MqttBrokerPlaintextEndpoint = Rule.Create(
        "SD5022",
        RuleFamily.Industrial,
        title: "MQTT broker with a plaintext endpoint",
        message: "{0} opens the MQTT broker's plaintext endpoint (port 1883), where credentials and process data travel unencrypted (IEC 62443-4-2 CR 3.1 at SL 1, and CR 4.1); use WithEncryptedEndpoint() alone, or bind the plaintext endpoint to loopback",
        description: "The default endpoint of an MQTTnet broker is plain TCP; enabled next to the TLS endpoint it lets clients, and " +
                     "attackers, fall back to an unencrypted connection.",
        DiagnosticSeverity.Warning,
        requirement: "CR 3.1",
        securityLevel: 1,
        319);

    public static readonly DiagnosticDescriptor MqttBrokerAcceptsAnyClient = Rule.Create(
        "SD5023",
        RuleFamily.Industrial,
        title: "MQTT broker accepts every client",
        message: "The MQTT broker created by {0} has no ValidatingConnectionAsync handler, so every client connects, anonymous ones included (IEC 62443-4-2 CR 1.2 at SL 2, and CR 2.1); check the user name and password or the client certificate there and set ReasonCode otherwise",
        description: "MQTTnet accepts a connection unless a ValidatingConnectionAsync handler sets a failure reason code; a broker " +
                     "without one lets any device publish to and subscribe on every topic.",
        DiagnosticSeverity.Warning,
        requirement: "CR 1.2",
        securityLevel: 2,
        306, 1188);

    public static readonly DiagnosticDescriptor IndustrialServerOnEveryInterface = Rule.Create(
        "SD5030",
        RuleFamily.Industrial,
        title: "Industrial protocol server listens on every interface",
        message: "{0} listens on every network interface{1} (IEC 62443-4-2 CR 7.7 at SL 1); bind it to the control-network interface, read from configuration{2}",
        description: "A Modbus/TCP server or MQTT broker bound to IPAddress.Any, explicitly or by the library's default, is reachable " +
                     "from every network the device is connected to, including the ones it was never meant to serve.",
        DiagnosticSeverity.Warning,
        requirement: "CR 7.7",
        securityLevel: 1,
        1327);

    public static readonly DiagnosticDescriptor ModbusUnrestrictedWrite = Rule.Create(
        "SD5031",
        RuleFamily.Industrial,
        title: "Modbus server accepts writes without validation",
        message: "{0} accepts the Modbus write function codes (5, 6, 15, 16, 23) from any client, and Modbus/TCP has no authentication, so whoever reaches the port can change setpoints and outputs (IEC 62443-4-2 CR 2.1 at SL 1); {1}, or record the compensating countermeasure with Justification = \"Compensating countermeasure: ...\"",
        description: "A Modbus server whose write function codes are enabled with no validation of unit, address and quantity lets any " +
                     "host on the network change the process image.",
        DiagnosticSeverity.Warning,
        requirement: "CR 2.1",
        securityLevel: 1,
        862, 306);

    public static readonly DiagnosticDescriptor ModbusNoConnectionLimit = Rule.Create(
        "SD5032",
        RuleFamily.Industrial,
        title: "Modbus server without a connection limit",
        message: "{0} accepts any number of concurrent Modbus/TCP connections, so one host can exhaust the server's sockets and memory (IEC 62443-4-2 CR 7.1 at SL 1); set MaxConnections to the number of masters the installation has",
        description: "FluentModbus's MaxConnections defaults to 0, no limit: every accepted client gets a request handler and buffers " +
                     "until the connection times out.",
        DiagnosticSeverity.Warning,
        requirement: "CR 7.1",
        securityLevel: 1,
        770);

    public static readonly DiagnosticDescriptor IndustrialProtocolWithoutSecurity = Rule.Create(
        "SD5033",
        RuleFamily.Industrial,
        title: "Industrial protocol without security",
        message: "{0} talks {1}, a protocol without authentication or encryption, so whoever reaches the network can read and write the controller (IEC 62443-4-2 CR 3.1 at SL 1); keep it in a segmented control zone and record that once with [assembly: SuppressMessage(\"Industrial\", \"SD5033\", Justification = \"Compensating countermeasure: <zone, conduit, firewall rule>\")]",
        description: "S7comm, Modbus/TCP and EtherNet/IP CIP as these libraries speak them authenticate nobody and protect nothing; " +
                     "the protection has to come from the network, and IEC 62443 asks for that assumption to be documented (SG-2).",
        DiagnosticSeverity.Warning,
        requirement: "CR 3.1",
        securityLevel: 1,
        319, 306);

    public static readonly DiagnosticDescriptor AdsTlsCheckDisabled = Rule.Create(
        "SD5040",
        RuleFamily.Industrial,
        title: "TwinCAT Secure ADS certificate check disabled",
        message: "{0} makes Secure ADS {1} (IEC 62443-4-2 CR 1.9 at SL 2); keep the certificate and common-name checks on and trust the peer's CA or certificate explicitly",
        description: "TlsConfig.Insecure skips the peer certificate check and IgnoreCn accepts a trusted certificate issued to another " +
                     "device: the TLS route then protects against nobody who can reach the router.",
        DiagnosticSeverity.Warning,
        requirement: "CR 1.9",
        securityLevel: 2,
        295, 297);
}
