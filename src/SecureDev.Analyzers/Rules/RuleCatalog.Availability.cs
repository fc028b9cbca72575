using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Rules;

// {0} names the source of the data ("request data (action parameter 'id')"), {1} the sink, {2} for the bounds rules the missing check.
internal static partial class RuleCatalog
{
    public static readonly DiagnosticDescriptor NetworkSizedAllocation = Rule.Create(
        "SD7001",
        RuleFamily.Availability,
        title: "Allocation sized by untrusted data",
        message: "Size given to {1} comes from {0} with no {2} bound check; compare it with a maximum first",
        description: "A length field read from the network decides how much memory is allocated or read: one small packet with a " +
                     "huge length exhausts memory or throws, and the device stops serving its other peers.",
        DiagnosticSeverity.Warning,
        requirement: "CR 7.1",
        securityLevel: 1,
        789, 770, 130);

    public static readonly DiagnosticDescriptor NetworkControlledIndex = Rule.Create(
        "SD7002",
        RuleFamily.Availability,
        title: "Index from untrusted data",
        message: "Index used in {1} comes from {0} with no {2} bound check; check it against the length first",
        description: "An index or offset read from the network that is not checked against the buffer throws (or, in unsafe code, " +
                     "reads and writes outside it), so a single malformed frame stops the connection handler.",
        DiagnosticSeverity.Warning,
        requirement: "CR 3.5",
        securityLevel: 1,
        129);

    public static readonly DiagnosticDescriptor NetworkControlledLoopBound = Rule.Create(
        "SD7003",
        RuleFamily.Availability,
        title: "Loop bound from untrusted data",
        message: "The loop runs as many times as {0} says, with no upper bound check; cap the count before the loop",
        description: "A count read from the network that drives a loop lets one packet keep the thread busy or allocating for as " +
                     "long as the sender wants.",
        DiagnosticSeverity.Warning,
        requirement: "CR 7.1",
        securityLevel: 1,
        606, 834);

    public static readonly DiagnosticDescriptor ExceptionDetailsToPeer = Rule.Create(
        "SD7004",
        RuleFamily.Availability,
        title: "Exception details sent to the peer",
        message: "{1} sends {0} to the peer; log the details and send a generic error",
        description: "Exception messages and stack traces name files, types, SQL, versions and internal addresses that help an attacker " +
                     "plan the next step; the peer needs only an error code.",
        DiagnosticSeverity.Warning,
        requirement: "CR 3.7",
        securityLevel: 1,
        209, 497);
}
