using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// What an address argument says about the interface a server binds to or the host a client talks to:
/// every interface (IPAddress.Any, IPv6Any, "0.0.0.0", "::"), loopback, or something else (a specific or configured
/// address, which the rules leave alone). Values are followed through locals assigned once.
/// </summary>
internal static class NetworkAddresses
{
    private const int MaxDepth = 4;

    public static bool IsEveryInterface(IOperation? address) => Classify(address, 0) == AddressKind.EveryInterface;

    public static bool IsLoopback(IOperation? address) => Classify(address, 0) == AddressKind.Loopback;

    private static bool IsEveryInterfaceText(string text) => text.Trim() is "0.0.0.0" or "::" or "*" or "+";

    private static AddressKind Classify(IOperation? address, int depth)
    {
        if (address is null || depth > MaxDepth)
        {
            return AddressKind.Other;
        }

        address = address.WithoutConversions();
        switch (address)
        {
            case IFieldReferenceOperation { Field: { IsStatic: true } field } when IsIPAddress(field.ContainingType):
                return field.Name switch
                {
                    "Any" or "IPv6Any" => AddressKind.EveryInterface,
                    "Loopback" or "IPv6Loopback" => AddressKind.Loopback,
                    _ => AddressKind.Other,
                };
            case IInvocationOperation { TargetMethod.Name: "Parse" or "TryParse" } parse when IsIPAddress(parse.TargetMethod.ContainingType) && parse.Arguments.Length > 0:
                return parse.Arguments[0].Value.TryGetConstantString(out var text) ? ClassifyText(text) : AddressKind.Other;
            case IObjectCreationOperation { Type.Name: "IPEndPoint", Arguments.Length: 2 } endPoint:
                return Classify(endPoint.Arguments[0].Value, depth + 1);
            case ILocalReferenceOperation local:
                return Classify(ValueOrigin.SingleDefinition(local), depth + 1);
            default:
                return address.TryGetConstantString(out var constant) ? ClassifyText(constant) : AddressKind.Other;
        }
    }

    private static AddressKind ClassifyText(string text) =>
        IsEveryInterfaceText(text) ? AddressKind.EveryInterface : HostNames.IsLoopback(text) ? AddressKind.Loopback : AddressKind.Other;

    private static bool IsIPAddress(INamedTypeSymbol? type) =>
        type is { Name: "IPAddress", ContainingNamespace: { Name: "Net", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    private enum AddressKind
    {
        Other,
        EveryInterface,
        Loopback,
    }
}
