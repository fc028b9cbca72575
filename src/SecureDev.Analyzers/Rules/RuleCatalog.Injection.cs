using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Rules;

// {0} names the source of the data ("request data (action parameter 'id')"), {1} the sink, {2} for the bounds rules the missing check.
internal static partial class RuleCatalog
{
    public static readonly DiagnosticDescriptor SqlInjection = Rule.Create(
        "SD4001",
        RuleFamily.Injection,
        title: "SQL injection",
        message: "SQL text of {1} is built from {0}; pass the value as a command parameter",
        description: "Untrusted data concatenated into SQL text can change the statement: read other tables, bypass a filter, " +
                     "or drop data. Parameters keep data and code apart.",
        DiagnosticSeverity.Warning,
        requirement: "CR 3.5",
        securityLevel: 1,
        89);

    public static readonly DiagnosticDescriptor CommandInjection = Rule.Create(
        "SD4002",
        RuleFamily.Injection,
        title: "OS command injection",
        message: "Command line of {1} is built from {0}; run a fixed program and check arguments against an allow-list",
        description: "Untrusted data in a program name or argument string lets the sender run another program or add options " +
                     "(argument injection) with the rights of the service.",
        DiagnosticSeverity.Warning,
        requirement: "CR 3.5",
        securityLevel: 1,
        78, 88);

    public static readonly DiagnosticDescriptor PathTraversal = Rule.Create(
        "SD4003",
        RuleFamily.Injection,
        title: "Path traversal",
        message: "File path of {1} is built from {0}; reduce it to a file name with Path.GetFileName or check that the full path stays in the intended directory",
        description: "Untrusted data in a file path (including the entry names of an archive: zip-slip) can climb out of the intended " +
                     "directory with ../ or an absolute path and read or overwrite any file the service can reach.",
        DiagnosticSeverity.Warning,
        requirement: "CR 3.5",
        securityLevel: 1,
        22, 73);

    public static readonly DiagnosticDescriptor XPathInjection = Rule.Create(
        "SD4004",
        RuleFamily.Injection,
        title: "XPath injection",
        message: "XPath expression of {1} is built from {0}; check the value against an allow-list or escape it",
        description: "Untrusted data in an XPath expression can change the query: select every node, or bypass a lookup used for " +
                     "authorization.",
        DiagnosticSeverity.Warning,
        requirement: "CR 3.5",
        securityLevel: 1,
        643);

    public static readonly DiagnosticDescriptor LdapInjection = Rule.Create(
        "SD4005",
        RuleFamily.Injection,
        title: "LDAP injection",
        message: "LDAP filter or path of {1} is built from {0}; encode the value for LDAP (RFC 4515) or check it against an allow-list",
        description: "Untrusted data in an LDAP filter or path can widen the search (*, )(|...) and bypass a directory-based login " +
                     "or group check.",
        DiagnosticSeverity.Warning,
        requirement: "CR 3.5",
        securityLevel: 1,
        90);

    public static readonly DiagnosticDescriptor RegexInjection = Rule.Create(
        "SD4006",
        RuleFamily.Injection,
        title: "Regular expression injection",
        message: "Regular expression pattern of {1} comes from {0}; escape it with Regex.Escape or pass a match timeout",
        description: "A pattern chosen by the sender can be built to backtrack for minutes on a short input (ReDoS) and stall the " +
                     "thread that evaluates it.",
        DiagnosticSeverity.Warning,
        requirement: "CR 3.5",
        securityLevel: 1,
        1333, 400);

    public static readonly DiagnosticDescriptor ServerSideRequestForgery = Rule.Create(
        "SD4007",
        RuleFamily.Injection,
        title: "Server-side request forgery",
        message: "Request target of {1} comes from {0}; take the host from configuration or an allow-list",
        description: "A URL or host chosen by the sender makes the service connect where the sender cannot: controllers, engineering " +
                     "stations and cloud metadata endpoints behind the firewall.",
        DiagnosticSeverity.Warning,
        requirement: "CR 3.5",
        securityLevel: 1,
        918);

    public static readonly DiagnosticDescriptor LogForging = Rule.Create(
        "SD4008",
        RuleFamily.Injection,
        title: "Log forging",
        message: "Log message of {1} is built from {0}; pass the value as a structured logging argument",
        description: "Untrusted text in a log message can add fake lines (CR/LF) or control characters to the audit trail, hiding an " +
                     "attack or framing someone else.",
        DiagnosticSeverity.Warning,
        requirement: "CR 2.8",
        securityLevel: 1,
        117);
}
