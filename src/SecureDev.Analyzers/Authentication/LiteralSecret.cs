using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Authentication;

/// <summary>
/// Whether a value is a secret written in source: a non-placeholder string constant (literal or const), or such a
/// constant turned into bytes or characters (<c>Encoding.UTF8.GetBytes("...")</c>, <c>"...".ToCharArray()</c>).
/// </summary>
internal sealed class LiteralSecret
{
    private readonly INamedTypeSymbol? _encoding;

    public LiteralSecret(Compilation compilation) =>
        _encoding = compilation.GetTypeByMetadataName("System.Text.Encoding");

    public bool IsLiteralSecret(IOperation value)
    {
        value = value.WithoutConversions();
        if (value.TryGetConstantString(out var text))
        {
            return SecretNames.IsLiteralSecret(text);
        }

        if (value is IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name == "ToCharArray" && method.ContainingType.SpecialType == SpecialType.System_String)
            {
                return invocation.Instance.TryGetConstantString(out text) && SecretNames.IsLiteralSecret(text);
            }

            if (method.Name == "GetBytes" && invocation.Arguments.Length == 1 && IsEncoding(method.ContainingType))
            {
                return invocation.Arguments[0].Value.TryGetConstantString(out text) && SecretNames.IsLiteralSecret(text);
            }
        }

        return false;
    }

    private bool IsEncoding(INamedTypeSymbol? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, _encoding))
            {
                return true;
            }
        }

        return false;
    }
}
