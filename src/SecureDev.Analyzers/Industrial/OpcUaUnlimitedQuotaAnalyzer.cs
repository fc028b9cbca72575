using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using static SecureDev.Analyzers.Industrial.IndustrialTypes;
using static SecureDev.Analyzers.Industrial.InsecureSetting;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// OPC UA limits raised to "unlimited": int.MaxValue for the transport quotas, session and channel counts and request
/// thread and queue sizes; 0 where the stack reads 0 as no limit (string, byte string and array lengths, and
/// MaxRejectedCertificates, which keeps every rejected certificate: CVE-2024-45526). Properties, builder calls and
/// configuration files. Any finite value is a sizing decision and stays quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OpcUaUnlimitedQuotaAnalyzer : SettingRuleAnalyzer
{
    private static readonly Func<object?, bool> Maximum = IsInteger(v => v == int.MaxValue);
    private static readonly Func<object?, bool> MaximumOrZero = IsInteger(v => v == int.MaxValue || v == 0);

    private static readonly string[] MaximumOnly =
    {
        "MaxMessageSize", "MaxBufferSize", "MaxEncodingNestingLevels", "MaxDecoderRecoveries",
    };

    private static readonly string[] ZeroIsUnlimited = { "MaxStringLength", "MaxByteStringLength", "MaxArrayLength" };

    private protected override DiagnosticDescriptor Rule => RuleCatalog.OpcUaUnlimitedQuota;

    private protected override IEnumerable<InsecureSetting> Settings { get; } = Build();

    private protected override IEnumerable<XmlSetting> ConfigurationFileSettings { get; } = BuildXml();

    private static IEnumerable<InsecureSetting> Build()
    {
        var settings = new List<InsecureSetting>();
        foreach (var name in MaximumOnly)
        {
            settings.Add(Property(name, Maximum, TransportQuotas));
        }

        foreach (var name in ZeroIsUnlimited)
        {
            settings.Add(Property(name, MaximumOrZero, TransportQuotas));
        }

        settings.Add(Argument("SetMaxMessageSize", "maxMessageSize", Maximum, BuilderTransportQuotas, ConfigurationBuilder));
        settings.Add(Argument("SetMaxBufferSize", "maxBufferSize", Maximum, BuilderTransportQuotas, ConfigurationBuilder));
        settings.Add(Argument("SetMaxStringLength", "maxStringLength", MaximumOrZero, BuilderTransportQuotas, ConfigurationBuilder));
        settings.Add(Argument("SetMaxByteStringLength", "maxByteStringLength", MaximumOrZero, BuilderTransportQuotas, ConfigurationBuilder));
        settings.Add(Argument("SetMaxArrayLength", "maxArrayLength", MaximumOrZero, BuilderTransportQuotas, ConfigurationBuilder));
        settings.Add(Property("MaxSessionCount", Maximum, ServerConfiguration));
        settings.Add(Property("MaxChannelCount", Maximum, ServerConfiguration));
        settings.Add(Argument("SetMaxSessionCount", "maxSessionCount", Maximum, BuilderServerOptions, ConfigurationBuilder));
        settings.Add(Argument("SetMaxChannelCount", "maxChannelCount", Maximum, BuilderServerOptions, ConfigurationBuilder));
        settings.Add(Property("MaxRequestThreadCount", Maximum, ServerBaseConfiguration));
        settings.Add(Property("MaxQueuedRequestCount", Maximum, ServerBaseConfiguration));
        settings.Add(Argument("SetMaxRequestThreadCount", "maxRequestThreadCount", Maximum, BuilderServerOptions, ConfigurationBuilder));
        settings.Add(Argument("SetMaxQueuedRequestCount", "maxQueuedRequestCount", Maximum, BuilderServerOptions, ConfigurationBuilder));
        settings.Add(Property("MaxRejectedCertificates", MaximumOrZero, SecurityConfiguration));
        settings.Add(Argument("SetMaxRejectedCertificates", "maxRejectedCertificates", MaximumOrZero, BuilderSecurityOptions, ConfigurationBuilder));
        return settings;
    }

    private static IEnumerable<XmlSetting> BuildXml()
    {
        static bool IsMaximum(XmlElementNode e) => e.TryGetInteger(out var v) && v == int.MaxValue;
        static bool IsMaximumOrZero(XmlElementNode e) => e.TryGetInteger(out var v) && (v == int.MaxValue || v == 0);

        var settings = new List<XmlSetting>();
        foreach (var name in MaximumOnly)
        {
            settings.Add(new XmlSetting("TransportQuotas", name, IsMaximum));
        }

        foreach (var name in ZeroIsUnlimited)
        {
            settings.Add(new XmlSetting("TransportQuotas", name, IsMaximumOrZero));
        }

        foreach (var name in new[] { "MaxSessionCount", "MaxChannelCount", "MaxRequestThreadCount", "MaxQueuedRequestCount" })
        {
            settings.Add(new XmlSetting("ServerConfiguration", name, IsMaximum));
        }

        settings.Add(new XmlSetting("SecurityConfiguration", "MaxRejectedCertificates", IsMaximumOrZero));
        return settings;
    }
}
