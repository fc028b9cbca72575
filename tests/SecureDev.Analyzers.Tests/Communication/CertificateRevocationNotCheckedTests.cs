using SecureDev.Analyzers.Communication;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Communication;

public class CertificateRevocationNotCheckedTests
{
    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(new CertificateRevocationNotCheckedAnalyzer(), "Communication/CertificateRevocationNotChecked.cs");

    [Fact]
    public Task Incomplete_code_does_not_throw() => IncompleteCode.AssertNoExceptionAsync(new CertificateRevocationNotCheckedAnalyzer());
}
