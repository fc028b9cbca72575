using SecureDev.Analyzers.Serialization;
using SecureDev.Analyzers.Tests.Harness;
using SecureDev.CodeFixes.Serialization;
using Xunit;

namespace SecureDev.Analyzers.Tests.Serialization;

public class XmlExternalEntitiesTests
{
    private static readonly XmlExternalEntitiesAnalyzer Analyzer = new();

    [Fact]
    public Task Cases() => AnalyzerVerifier.VerifyCaseFileAsync(Analyzer, "Serialization/XmlExternalEntities.cs");

    [Fact]
    public Task Dtd_fix_prohibits_dtd_processing() => CodeFixVerifier.VerifyFixAsync(Analyzer, new DtdProcessingToProhibitCodeFix(),
        """
        using System.IO;
        using System.Xml;
        class C
        {
            XmlReader A(Stream s) => XmlReader.Create(s, new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse });
            void B(XmlTextReader r) => r.DtdProcessing = System.Xml.DtdProcessing.Parse;
        }
        """,
        """
        using System.IO;
        using System.Xml;
        class C
        {
            XmlReader A(Stream s) => XmlReader.Create(s, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            void B(XmlTextReader r) => r.DtdProcessing = DtdProcessing.Prohibit;
        }
        """);

    [Fact]
    public Task Dtd_fix_is_not_offered_through_a_constant_or_for_resolvers() => CodeFixVerifier.VerifyNoFixAsync(Analyzer, new DtdProcessingToProhibitCodeFix(),
        """
        using System.Xml;
        class C
        {
            const DtdProcessing Mode = DtdProcessing.Parse;
            XmlReaderSettings A() => new() { DtdProcessing = Mode };
            XmlDocument B() => new() { XmlResolver = new XmlUrlResolver() };
        }
        """);

    [Fact]
    public Task Dtd_fix_all_fixes_every_occurrence_in_the_document() => CodeFixVerifier.VerifyFixAllAsync(Analyzer, new DtdProcessingToProhibitCodeFix(),
        """
        using System.Xml;
        class C
        {
            XmlReaderSettings A() => new() { DtdProcessing = DtdProcessing.Parse };
            XmlReaderSettings B() => new() { DtdProcessing = DtdProcessing.Parse, IgnoreComments = true };
        }
        """,
        """
        using System.Xml;
        class C
        {
            XmlReaderSettings A() => new() { DtdProcessing = DtdProcessing.Prohibit };
            XmlReaderSettings B() => new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true };
        }
        """);

    [Fact]
    public Task Resolver_fix_sets_the_resolver_to_null() => CodeFixVerifier.VerifyFixAsync(Analyzer, new XmlResolverToNullCodeFix(),
        """
        using System.Xml;
        class C
        {
            XmlDocument A() => new() { XmlResolver = new XmlUrlResolver() };
            void B(XmlReaderSettings settings)
            {
                var resolver = new XmlUrlResolver();
                settings.XmlResolver = resolver;
            }
        }
        """,
        """
        using System.Xml;
        class C
        {
            XmlDocument A() => new() { XmlResolver = null };
            void B(XmlReaderSettings settings)
            {
                var resolver = new XmlUrlResolver();
                settings.XmlResolver = null;
            }
        }
        """);

    [Fact]
    public Task Resolver_fix_is_not_offered_for_arguments_or_dtd_settings() => CodeFixVerifier.VerifyNoFixAsync(Analyzer, new XmlResolverToNullCodeFix(),
        """
        using System.Xml;
        using System.Xml.Xsl;
        class C
        {
            void A(XslCompiledTransform t, string path) => t.Load(path, XsltSettings.Default, new XmlUrlResolver());
            XmlReaderSettings B() => new() { DtdProcessing = DtdProcessing.Parse };
        }
        """);

    [Fact]
    public Task Resolver_fix_all_fixes_every_occurrence_in_the_document() => CodeFixVerifier.VerifyFixAllAsync(Analyzer, new XmlResolverToNullCodeFix(),
        """
        using System.Xml;
        class C
        {
            XmlDocument A() => new() { XmlResolver = new XmlUrlResolver() };
            XmlReaderSettings B() => new() { XmlResolver = XmlResolver.FileSystemResolver };
        }
        """,
        """
        using System.Xml;
        class C
        {
            XmlDocument A() => new() { XmlResolver = null };
            XmlReaderSettings B() => new() { XmlResolver = null };
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_throw() => IncompleteCode.AssertNoExceptionAsync(Analyzer);
}
