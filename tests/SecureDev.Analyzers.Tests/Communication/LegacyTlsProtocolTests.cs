using SecureDev.Analyzers.Communication;
using SecureDev.Analyzers.Tests.Harness;
using SecureDev.CodeFixes.Communication;
using Xunit;

namespace SecureDev.Analyzers.Tests.Communication;

public class LegacyTlsProtocolTests
{
    private static readonly LegacyTlsProtocolAnalyzer Analyzer = new();
    private static readonly LegacyTlsToOsDefaultCodeFix Fix = new();

    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(Analyzer, "Communication/LegacyTlsProtocol.cs");

    [Fact]
    public Task Fix_keeps_modern_versions_of_a_combination() => CodeFixVerifier.VerifyFixAsync(Analyzer, Fix,
        """
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
        #pragma warning disable SYSLIB0039
            HttpClientHandler A() => new() { SslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12 | SslProtocols.Tls13 };
            void B(HttpClientHandler h) => h.SslProtocols = (SslProtocols.Tls | SslProtocols.Tls12);
        }
        """,
        """
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
        #pragma warning disable SYSLIB0039
            HttpClientHandler A() => new() { SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 };
            void B(HttpClientHandler h) => h.SslProtocols = SslProtocols.Tls12;
        }
        """);

    [Fact]
    public Task Fix_uses_the_os_default_when_only_legacy_versions_are_named() => CodeFixVerifier.VerifyFixAsync(Analyzer, Fix,
        """
        using System.Net;
        using System.Net.Security;
        using System.Security.Authentication;
        class C
        {
        #pragma warning disable SYSLIB0014, SYSLIB0039, CS0618
            void A() => ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls11;
            void B(SslStream s, string host) => s.AuthenticateAsClient(host, null, SslProtocols.Ssl3, true);
            void D(System.Net.Http.HttpClientHandler h) => h.SslProtocols = (SslProtocols)768;
        }
        """,
        """
        using System.Net;
        using System.Net.Security;
        using System.Security.Authentication;
        class C
        {
        #pragma warning disable SYSLIB0014, SYSLIB0039, CS0618
            void A() => ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
            void B(SslStream s, string host) => s.AuthenticateAsClient(host, null, SslProtocols.None, true);
            void D(System.Net.Http.HttpClientHandler h) => h.SslProtocols = SslProtocols.None;
        }
        """);

    [Fact]
    public Task Fix_is_not_offered_through_a_constant_or_for_an_or_assignment_of_legacy_only() => CodeFixVerifier.VerifyNoFixAsync(Analyzer, Fix,
        """
        using System.Net;
        using System.Security.Authentication;
        class C
        {
        #pragma warning disable SYSLIB0014, SYSLIB0039
            const SslProtocols Legacy = SslProtocols.Tls11;
            System.Net.Http.HttpClientHandler A() => new() { SslProtocols = Legacy };
            void B() => ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls11;
        }
        """);

    [Fact]
    public Task Fix_all_fixes_every_occurrence_in_the_document() => CodeFixVerifier.VerifyFixAllAsync(Analyzer, Fix,
        """
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
        #pragma warning disable SYSLIB0039
            HttpClientHandler A() => new() { SslProtocols = SslProtocols.Tls11 };
            HttpClientHandler B() => new() { SslProtocols = SslProtocols.Tls | SslProtocols.Tls12 };
            void D(HttpClientHandler h) => h.SslProtocols = SslProtocols.Tls11 | SslProtocols.Tls13;
        }
        """,
        """
        using System.Net.Http;
        using System.Security.Authentication;
        class C
        {
        #pragma warning disable SYSLIB0039
            HttpClientHandler A() => new() { SslProtocols = SslProtocols.None };
            HttpClientHandler B() => new() { SslProtocols = SslProtocols.Tls12 };
            void D(HttpClientHandler h) => h.SslProtocols = SslProtocols.Tls13;
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_throw() => IncompleteCode.AssertNoExceptionAsync(Analyzer);
}
