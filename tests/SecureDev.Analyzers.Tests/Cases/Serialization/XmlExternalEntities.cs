// SD6002 XML parser resolves external entities or DTDs: DTD processing, fetching resolvers and XSLT scripts by every route.
#pragma warning disable CS0618, SYSLIB0047 // ProhibitDtd and XmlSecureResolver are obsolete
using System.IO;
using System.Xml;
using System.Xml.Schema;
using System.Xml.Xsl;

namespace Cases.Serialization;

public class NodesetImporter
{
    private const DtdProcessing Legacy = DtdProcessing.Parse;
    private static readonly XmlResolver Fetching = new XmlUrlResolver();

    public XmlReader Initializer(Stream input) => XmlReader.Create(input, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Parse, // Noncompliant SD6002 {{'XmlReaderSettings.DtdProcessing = DtdProcessing.Parse' expands DTD entities; use DtdProcessing.Prohibit, or cap MaxCharactersFromEntities where the documents need a DTD}}
//                      ^^^^^^^^^^^^^^^^^^^
    });

    public XmlTextReader TextReader(Stream input)
    {
        var reader = new XmlTextReader(input);
        reader.DtdProcessing = Legacy; // Noncompliant SD6002
        return reader;
    }

    public XmlDocument Resolver()
    {
        var document = new XmlDocument();
        document.XmlResolver = new XmlUrlResolver(); // Noncompliant SD6002 {{'XmlDocument.XmlResolver' is given a new XmlUrlResolver, which fetches external entities and documents; leave the resolver null (the .NET default) or use XmlResolver.ThrowingResolver}}
//                             ^^^^^^^^^^^^^^^^^^^^
        return document;
    }

    public XmlReaderSettings ResolverThroughLocal()
    {
        var resolver = new XmlUrlResolver { Credentials = System.Net.CredentialCache.DefaultCredentials };
        return new XmlReaderSettings { XmlResolver = resolver }; // Noncompliant SD6002
    }

    public XmlReaderSettings FileSystem() => new() { XmlResolver = XmlResolver.FileSystemResolver }; // Noncompliant SD6002

    public XmlSchemaSet Schemas() => new() { XmlResolver = Fetching }; // Noncompliant SD6002

    public XmlReaderSettings Obsolete() => new() { ProhibitDtd = false }; // Noncompliant SD6002

    public void Xslt(XslCompiledTransform transform, string stylesheet)
    {
        transform.Load(stylesheet, XsltSettings.TrustedXslt, null); // Noncompliant SD6002
        transform.Load(stylesheet, new XsltSettings(enableDocumentFunction: true, enableScript: false), null); // Noncompliant SD6002
    }

    public XsltSettings ScriptFlag()
    {
        var settings = new XsltSettings();
        settings.EnableScript = true; // Noncompliant SD6002
        return settings;
    }

    public void StylesheetResolver(XslCompiledTransform transform, string stylesheet) =>
        transform.Load(stylesheet, XsltSettings.Default, new XmlUrlResolver()); // Noncompliant SD6002
}

public class SafeParserLookAlikes
{
    private readonly XmlResolver _resolver;

    public SafeParserLookAlikes(XmlResolver resolver) => _resolver = resolver;

    public XmlReader Defaults(Stream input) => XmlReader.Create(input); // Compliant: DTDs prohibited by default

    public XmlReaderSettings Prohibit() => new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }; // Compliant

    public XmlReaderSettings Ignore() => new() { DtdProcessing = DtdProcessing.Ignore }; // Compliant

    public XmlReaderSettings Capped() => new() { DtdProcessing = DtdProcessing.Parse, MaxCharactersFromEntities = 1024 }; // Compliant: expansion capped, no resolver

    public XmlDocument DocumentDefaults() => new(); // Compliant: no resolver on .NET

    public XmlTextReader TextReaderDefaults(Stream input) => new(input); // Compliant: no resolver on .NET, entity expansion capped

    public XmlDocument Throwing() => new() { XmlResolver = XmlResolver.ThrowingResolver }; // Compliant

    public XmlDocument FromCaller() => new() { XmlResolver = _resolver }; // Compliant: the caller decides

    public XmlDocument Secure() => new() { XmlResolver = new XmlSecureResolver(new XmlUrlResolver(), "file:///opt/nodesets/") }; // Compliant: throws on every access on .NET

    public void XsltDefaults(XslCompiledTransform transform, string stylesheet) => transform.Load(stylesheet, XsltSettings.Default, null); // Compliant

    public bool IsParsing(XmlReaderSettings settings) => settings.DtdProcessing == DtdProcessing.Parse; // Compliant: a comparison
}
