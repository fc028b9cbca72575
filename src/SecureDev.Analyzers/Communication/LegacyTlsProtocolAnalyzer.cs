using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Communication;

/// <summary>
/// SSL 2.0, SSL 3.0, TLS 1.0 or TLS 1.1 enabled through <c>SslProtocols</c> or <c>SecurityProtocolType</c>, in any API
/// that takes them (handler and options properties, <c>ServicePointManager.SecurityProtocol</c>, <c>SslStream</c>
/// arguments, Kestrel and third-party options), alone or combined with modern versions, written in place or arriving
/// through a local, a constant or a static readonly member. The value is judged by its bits, so <c>None</c>,
/// <c>SystemDefault</c>, <c>Tls12</c>, <c>Tls13</c> and values computed at run time stay quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LegacyTlsProtocolAnalyzer : SecureDevAnalyzer
{
    /// <summary>The bits of SSL 2.0 (0x0C), SSL 3.0 (0x30), TLS 1.0 (0xC0) and TLS 1.1 (0x300); SecurityProtocolType uses the same values.</summary>
    public const long LegacyBits = 0x0C | 0x30 | 0xC0 | 0x300;

    private static readonly (long Bits, string Name)[] LegacyVersions =
    {
        (0x0C, "SSL 2.0"),
        (0x30, "SSL 3.0"),
        (0xC0, "TLS 1.0"),
        (0x300, "TLS 1.1"),
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.LegacyTlsProtocol);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var protocolTypes = TypeSet.Resolve(context.Compilation, "System.Security.Authentication.SslProtocols", "System.Net.SecurityProtocolType");
        if (protocolTypes.IsEmpty)
        {
            return;
        }

        SettingSinks.Register(
            context,
            type => type.TypeKind == TypeKind.Enum && protocolTypes.ContainsExactly(type),
            (c, sink) =>
            {
                if (ValueFlow.TryGetConstant(sink.Value, out var constant) && ValueFlow.AsLong(constant) is { } bits && (bits & LegacyBits) != 0)
                {
                    var type = sink.TargetType?.Name == "SecurityProtocolType" ? "SecurityProtocolType.SystemDefault" : "SslProtocols.None";
                    c.ReportDiagnostic(Diagnostic.Create(
                        RuleCatalog.LegacyTlsProtocol,
                        sink.Value.Syntax.GetLocation(),
                        "'" + sink.Describe() + "'",
                        Versions(bits),
                        type));
                }
            });
    }

    /// <summary>"TLS 1.0 and TLS 1.1": the legacy versions among <paramref name="bits"/>.</summary>
    private static string Versions(long bits)
    {
        var names = new List<string>();
        foreach (var (versionBits, name) in LegacyVersions)
        {
            if ((bits & versionBits) != 0)
            {
                names.Add(name);
            }
        }

        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
    }
}
