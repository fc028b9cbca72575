// Stand-in for Beckhoff.TwinCAT.Ads 6.x/7.x (TwinCAT.Ads.Abstractions, TwinCAT.Ads, TwinCAT.Ads.ConfigurationProviders),
// written from Beckhoff's published API reference (InfoSys "TwinCAT ADS .NET V7": AdsClient, AmsNetId,
// TwinCAT.Ads.Configuration.TlsConfig, SecurityConfigBase, RouteConfig). The package is closed source; only the members
// the SD5xxx rules and their cases use are declared, with the documented names, namespaces and types.
#nullable disable
using System;

namespace TwinCAT.Ads
{
    public sealed class AmsNetId
    {
        public AmsNetId(string netId) { }
        public static AmsNetId Local => throw null;
    }

    public sealed class AdsClient : IDisposable
    {
        public bool IsConnected => throw null;
        public void Connect(AmsNetId netId, int port) { }
        public void Connect(string netId, int port) { }
        public void Dispose() { }
    }
}

namespace TwinCAT.Ads.Configuration
{
    public abstract class SecurityConfigBase { }

    public class TlsConfig : SecurityConfigBase
    {
        public string CA { get; set; }
        public string Cert { get; set; }
        public string Crl { get; set; }
        public bool IgnoreCn { get; set; }
        public bool IgnoreCommonCa { get; set; }
        public bool Insecure { get; set; }
        public string Key { get; set; }
        public string KeyPwd { get; set; }
        public bool SelfSigned { get; set; }
        public string Version { get; set; }
    }

    public class RouteConfig
    {
        public string Name { get; set; }
        public string Address { get; set; }
        public string NetId { get; set; }
        public TlsConfig Tls { get; set; }
    }
}
