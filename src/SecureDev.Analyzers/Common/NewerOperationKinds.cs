using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Common;

/// <summary>
/// Operation kinds newer than the Roslyn this assembly compiles against, resolved once by name so that hot paths
/// compare enum values instead of formatting every operation's kind as a string.
/// </summary>
internal static class NewerOperationKinds
{
    /// <summary>A collection expression (<c>[1, 2, 3]</c>), or null where the running compiler has none.</summary>
    public static readonly OperationKind? CollectionExpression =
        Enum.TryParse<OperationKind>("CollectionExpression", out var kind) ? kind : null;

    public static bool IsCollectionExpression(IOperation operation) => CollectionExpression is { } kind && operation.Kind == kind;
}
