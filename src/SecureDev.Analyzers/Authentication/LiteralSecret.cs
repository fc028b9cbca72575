using Microsoft.CodeAnalysis;
using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Authentication;

/// <summary>
/// Whether a value is a secret written in source: constant data (<see cref="ValueOrigin"/>) that is not a placeholder
/// such as "${PASSWORD}" or "****".
/// </summary>
internal static class LiteralSecret
{
    public static bool IsLiteralSecret(IOperation value) =>
        ValueFlow.TryGetConstant(value, out var constant)
            ? constant is string text && SecretNames.IsLiteralSecret(text)
            : ValueOrigin.IsConstantData(value);
}
