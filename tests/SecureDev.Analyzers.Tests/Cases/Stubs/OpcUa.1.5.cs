// Stand-in for OPCFoundation.NetStandard.Opc.Ua 1.5.x (Core, Client, Configuration, Server), written from the public API
// of OPCFoundation/UA-.NETStandard (release line 1.5.374/1.5.378: Stack/Opc.Ua.Core, Libraries/Opc.Ua.Client,
// Libraries/Opc.Ua.Configuration). Only the members the SD5xxx rules and their cases use; names, namespaces,
// signatures and enum values are the library's, bodies are not.
#nullable disable
using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace Opc.Ua
{
    public enum MessageSecurityMode { Invalid = 0, None = 1, Sign = 2, SignAndEncrypt = 3 }

    public enum UserTokenType { Anonymous = 0, UserName = 1, Certificate = 2, IssuedToken = 3 }

    public enum ApplicationType { Server = 0, Client = 1, ClientAndServer = 2, DiscoveryServer = 3 }

    public static class SecurityPolicies
    {
        public const string BaseUri = "http://opcfoundation.org/UA/SecurityPolicy#";
        public const string None = BaseUri + "None";
        public const string Basic128Rsa15 = BaseUri + "Basic128Rsa15";
        public const string Basic256 = BaseUri + "Basic256";
        public const string Basic256Sha256 = BaseUri + "Basic256Sha256";
        public const string Aes128_Sha256_RsaOaep = BaseUri + "Aes128_Sha256_RsaOaep";
        public const string Aes256_Sha256_RsaPss = BaseUri + "Aes256_Sha256_RsaPss";
    }

    public static class StatusCodes
    {
        public const uint Good = 0x00000000;
        public const uint BadCertificateUntrusted = 0x801A0000;
        public const uint BadCertificateRevocationUnknown = 0x801B0000;
        public const uint BadCertificateHostNameInvalid = 0x80160000;
    }

    public struct StatusCode
    {
        public StatusCode(uint code) { Code = code; }
        public uint Code { get; set; }
        public static implicit operator StatusCode(uint code) => new StatusCode(code);
        public static bool operator ==(StatusCode a, uint b) => a.Code == b;
        public static bool operator !=(StatusCode a, uint b) => a.Code != b;
        public override bool Equals(object obj) => throw null;
        public override int GetHashCode() => throw null;
    }

    public class ServiceResult
    {
        public StatusCode StatusCode { get; }
        public ServiceResult InnerResult { get; }
    }

    public class NodeId
    {
        public NodeId(string text) { }
        public static NodeId Parse(string text) => throw null;
    }

    public class DataValue
    {
        public object Value { get; set; }
        public StatusCode StatusCode { get; set; }
        public DateTime SourceTimestamp { get; set; }
    }

    public class StringCollection : List<string> { }

    public class ServerSecurityPolicy
    {
        public MessageSecurityMode SecurityMode { get; set; }
        public string SecurityPolicyUri { get; set; }
    }

    public class ServerSecurityPolicyCollection : List<ServerSecurityPolicy> { }

    public class UserTokenPolicy
    {
        public UserTokenPolicy() { }
        public UserTokenPolicy(UserTokenType tokenType) { }
        public string PolicyId { get; set; }
        public UserTokenType TokenType { get; set; }
        public string IssuedTokenType { get; set; }
        public string IssuerEndpointUrl { get; set; }
        public string SecurityPolicyUri { get; set; }
    }

    public class UserTokenPolicyCollection : List<UserTokenPolicy> { }

    public class EndpointDescription
    {
        public EndpointDescription() { }
        public EndpointDescription(string url) { }
        public string EndpointUrl { get; set; }
        public MessageSecurityMode SecurityMode { get; set; }
        public string SecurityPolicyUri { get; set; }
        public UserTokenPolicyCollection UserIdentityTokens { get; set; }
    }

    public class EndpointConfiguration
    {
        public static EndpointConfiguration Create(ApplicationConfiguration applicationConfiguration) => throw null;
    }

    public class ConfiguredEndpointCollection { }

    public class ConfiguredEndpoint
    {
        public ConfiguredEndpoint(ConfiguredEndpointCollection collection, EndpointDescription description, EndpointConfiguration configuration) { }
    }

    public class TransportQuotas
    {
        public int OperationTimeout { get; set; }
        public int MaxStringLength { get; set; }
        public int MaxByteStringLength { get; set; }
        public int MaxArrayLength { get; set; }
        public int MaxMessageSize { get; set; }
        public int MaxBufferSize { get; set; }
        public int MaxEncodingNestingLevels { get; set; }
        public int MaxDecoderRecoveries { get; set; }
        public int ChannelLifetime { get; set; }
        public int SecurityTokenLifetime { get; set; }
    }

    public class CertificateIdentifier
    {
        public string StoreType { get; set; }
        public string StorePath { get; set; }
        public string SubjectName { get; set; }
    }

    public class CertificateTrustList : CertificateIdentifier { }

    public class SecurityConfiguration
    {
        public CertificateIdentifier ApplicationCertificate { get; set; }
        public CertificateTrustList TrustedIssuerCertificates { get; set; }
        public CertificateTrustList TrustedPeerCertificates { get; set; }
        public int NonceLength { get; set; }
        public CertificateIdentifier RejectedCertificateStore { get; set; }
        public int MaxRejectedCertificates { get; set; }
        public bool AutoAcceptUntrustedCertificates { get; set; }
        public bool RejectSHA1SignedCertificates { get; set; }
        public bool RejectUnknownRevocationStatus { get; set; }
        public ushort MinimumCertificateKeySize { get; set; }
        public bool UseValidatedCertificates { get; set; }
        public bool AddAppCertToTrustedStore { get; set; }
        public bool SendCertificateChain { get; set; }
        public bool SuppressNonceValidationErrors { get; set; }
    }

    public class ServerBaseConfiguration
    {
        public StringCollection BaseAddresses { get; set; }
        public ServerSecurityPolicyCollection SecurityPolicies { get; set; }
        public int MinRequestThreadCount { get; set; }
        public int MaxRequestThreadCount { get; set; }
        public int MaxQueuedRequestCount { get; set; }
    }

    public class ServerConfiguration : ServerBaseConfiguration
    {
        public UserTokenPolicyCollection UserTokenPolicies { get; set; }
        public bool DiagnosticsEnabled { get; set; }
        public int MaxSessionCount { get; set; }
        public int MaxChannelCount { get; set; }
        public int MinSessionTimeout { get; set; }
        public int MaxSessionTimeout { get; set; }
        public bool AuditingEnabled { get; set; }
        public bool HttpsMutualTls { get; set; }
    }

    public class ClientConfiguration
    {
        public int DefaultSessionTimeout { get; set; }
        public StringCollection WellKnownDiscoveryUrls { get; set; }
    }

    public class ApplicationConfiguration
    {
        public string ApplicationName { get; set; }
        public string ApplicationUri { get; set; }
        public string ProductUri { get; set; }
        public ApplicationType ApplicationType { get; set; }
        public SecurityConfiguration SecurityConfiguration { get; set; }
        public TransportQuotas TransportQuotas { get; set; }
        public ServerConfiguration ServerConfiguration { get; set; }
        public ClientConfiguration ClientConfiguration { get; set; }
        public CertificateValidator CertificateValidator { get; set; }
        public Task ValidateAsync(ApplicationType applicationType, CancellationToken ct = default) => throw null;
        public static Task<ApplicationConfiguration> LoadAsync(string filePath, ApplicationType applicationType, Type systemType, CancellationToken ct = default) => throw null;
    }

    public delegate void CertificateValidationEventHandler(CertificateValidator sender, CertificateValidationEventArgs e);

    public class CertificateValidationEventArgs : EventArgs
    {
        public ServiceResult Error { get; }
        public X509Certificate2 Certificate { get; }
        public bool Accept { get; set; }
        public bool AcceptAll { get; set; }
        public ServiceResult ApplicationErrorMsg { get; set; }
    }

    public class CertificateValidator
    {
        public event CertificateValidationEventHandler CertificateValidation;
        public bool AutoAcceptUntrustedCertificates { get; set; }
        public bool RejectSHA1SignedCertificates { get; set; }
        public bool RejectUnknownRevocationStatus { get; set; }
        public ushort MinimumCertificateKeySize { get; set; }
    }

    public interface IUserIdentity
    {
        string DisplayName { get; }
        UserTokenType TokenType { get; }
    }

    public class UserIdentity : IUserIdentity
    {
        public UserIdentity() { }
        public UserIdentity(string username, byte[] password) { }
        public UserIdentity(X509Certificate2 certificate) { }
        public string DisplayName => throw null;
        public UserTokenType TokenType => throw null;
    }
}

namespace Opc.Ua.Client
{
    public static class CoreClientUtils
    {
        public const int DefaultDiscoverTimeout = 15000;

        [Obsolete("Use SelectEndpointAsync.")]
        public static EndpointDescription SelectEndpoint(ApplicationConfiguration application, string discoveryUrl, bool useSecurity, int discoverTimeout = DefaultDiscoverTimeout) => throw null;

        public static Task<EndpointDescription> SelectEndpointAsync(ApplicationConfiguration application, string discoveryUrl, bool useSecurity, CancellationToken ct = default) => throw null;

        public static Task<EndpointDescription> SelectEndpointAsync(ApplicationConfiguration application, string discoveryUrl, bool useSecurity, int discoverTimeout, CancellationToken ct = default) => throw null;
    }

    public interface ISession : IDisposable
    {
        Task<DataValue> ReadValueAsync(NodeId nodeId, CancellationToken ct = default);
        Task<StatusCode> CloseAsync(CancellationToken ct = default);
    }

    public interface ISessionFactory
    {
        Task<ISession> CreateAsync(ApplicationConfiguration configuration, ConfiguredEndpoint endpoint, bool updateBeforeConnect, string sessionName, uint sessionTimeout, IUserIdentity identity, IList<string> preferredLocales, CancellationToken ct = default);
        Task<ISession> CreateAsync(ApplicationConfiguration configuration, ConfiguredEndpoint endpoint, bool updateBeforeConnect, bool checkDomain, string sessionName, uint sessionTimeout, IUserIdentity identity, IList<string> preferredLocales, CancellationToken ct = default);
    }

    public class DefaultSessionFactory : ISessionFactory
    {
        public static readonly DefaultSessionFactory Instance = new DefaultSessionFactory();
        public virtual Task<ISession> CreateAsync(ApplicationConfiguration configuration, ConfiguredEndpoint endpoint, bool updateBeforeConnect, string sessionName, uint sessionTimeout, IUserIdentity identity, IList<string> preferredLocales, CancellationToken ct = default) => throw null;
        public virtual Task<ISession> CreateAsync(ApplicationConfiguration configuration, ConfiguredEndpoint endpoint, bool updateBeforeConnect, bool checkDomain, string sessionName, uint sessionTimeout, IUserIdentity identity, IList<string> preferredLocales, CancellationToken ct = default) => throw null;
    }
}

namespace Opc.Ua.Server
{
    public class ServerBase : IDisposable
    {
        public void Dispose() { }
    }

    public class StandardServer : ServerBase { }
}

namespace Opc.Ua.Configuration
{
    public interface IApplicationConfigurationBuilderTypes : IApplicationConfigurationBuilderTransportQuotas { }

    public interface IApplicationConfigurationBuilderTransportQuotas : IApplicationConfigurationBuilderServer, IApplicationConfigurationBuilderClient
    {
        IApplicationConfigurationBuilderTransportQuotas SetMaxStringLength(int maxStringLength);
        IApplicationConfigurationBuilderTransportQuotas SetMaxByteStringLength(int maxByteStringLength);
        IApplicationConfigurationBuilderTransportQuotas SetMaxArrayLength(int maxArrayLength);
        IApplicationConfigurationBuilderTransportQuotas SetMaxMessageSize(int maxMessageSize);
        IApplicationConfigurationBuilderTransportQuotas SetMaxBufferSize(int maxBufferSize);
        IApplicationConfigurationBuilderTransportQuotas SetOperationTimeout(int operationTimeout);
    }

    public interface IApplicationConfigurationBuilderServer
    {
        IApplicationConfigurationBuilderServerSelected AsServer(string[] baseAddresses, string[] alternateBaseAddresses = null);
    }

    public interface IApplicationConfigurationBuilderClient
    {
        IApplicationConfigurationBuilderClientSelected AsClient();
    }

    public interface IApplicationConfigurationBuilderServerSelected : IApplicationConfigurationBuilderServerPolicies, IApplicationConfigurationBuilderServerOptions { }

    public interface IApplicationConfigurationBuilderServerOptions : IApplicationConfigurationBuilderClient, IApplicationConfigurationBuilderSecurity
    {
        IApplicationConfigurationBuilderServerOptions SetMaxRequestThreadCount(int maxRequestThreadCount);
        IApplicationConfigurationBuilderServerOptions SetMaxQueuedRequestCount(int maxQueuedRequestCount);
        IApplicationConfigurationBuilderServerOptions SetMaxSessionCount(int maxSessionCount);
        IApplicationConfigurationBuilderServerOptions SetMaxChannelCount(int maxChannelCount);
        IApplicationConfigurationBuilderServerOptions SetDiagnosticsEnabled(bool diagnosticsEnabled);
        IApplicationConfigurationBuilderServerOptions SetAuditingEnabled(bool auditingEnabled);
        IApplicationConfigurationBuilderServerOptions SetHttpsMutualTls(bool mTlsEnabled);
    }

    public interface IApplicationConfigurationBuilderClientSelected : IApplicationConfigurationBuilderClientOptions { }

    public interface IApplicationConfigurationBuilderClientOptions : IApplicationConfigurationBuilderSecurity
    {
        IApplicationConfigurationBuilderClientOptions SetDefaultSessionTimeout(int defaultSessionTimeout);
    }

    public interface IApplicationConfigurationBuilderServerPolicies
    {
        IApplicationConfigurationBuilderServerSelected AddUnsecurePolicyNone(bool addPolicy = true);
        IApplicationConfigurationBuilderServerSelected AddSignPolicies(bool addPolicies = true);
        IApplicationConfigurationBuilderServerSelected AddSignAndEncryptPolicies(bool addPolicies = true);
        IApplicationConfigurationBuilderServerSelected AddPolicy(MessageSecurityMode securityMode, string securityPolicy);
        IApplicationConfigurationBuilderServerSelected AddUserTokenPolicy(UserTokenType userTokenType);
        IApplicationConfigurationBuilderServerSelected AddUserTokenPolicy(UserTokenPolicy userTokenPolicy);
    }

    public interface IApplicationConfigurationBuilderSecurity
    {
        IApplicationConfigurationBuilderSecurityOptions AddSecurityConfiguration(string subjectName, string pkiRoot = null, string appRoot = null, string rejectedRoot = null);
    }

    public interface IApplicationConfigurationBuilderSecurityOptions : IApplicationConfigurationBuilderCreate
    {
        IApplicationConfigurationBuilderSecurityOptions SetMaxRejectedCertificates(int maxRejectedCertificates);
        IApplicationConfigurationBuilderSecurityOptions SetAutoAcceptUntrustedCertificates(bool autoAccept);
        IApplicationConfigurationBuilderSecurityOptions SetRejectSHA1SignedCertificates(bool rejectSHA1Signed);
        IApplicationConfigurationBuilderSecurityOptions SetRejectUnknownRevocationStatus(bool rejectUnknownRevocationStatus);
        IApplicationConfigurationBuilderSecurityOptions SetSuppressNonceValidationErrors(bool suppressNonceValidationErrors);
        IApplicationConfigurationBuilderSecurityOptions SetMinimumCertificateKeySize(ushort keySize);
    }

    public interface IApplicationConfigurationBuilderCreate
    {
        Task<ApplicationConfiguration> Create();
    }

    public class ApplicationInstance
    {
        public ApplicationInstance() { }
        public ApplicationInstance(ApplicationConfiguration applicationConfiguration) { }
        public string ApplicationName { get; set; }
        public ApplicationType ApplicationType { get; set; }
        public string ConfigSectionName { get; set; }
        public ApplicationConfiguration ApplicationConfiguration { get; set; }
        public IApplicationConfigurationBuilderTypes Build(string applicationUri, string productUri) => throw null;
        public Task<ApplicationConfiguration> LoadApplicationConfiguration(bool silent) => throw null;

        [Obsolete("This method is obsolete since an application now supports different minKey sizes depending on certificate type")]
        public Task<bool> CheckApplicationInstanceCertificate(bool silent, ushort minimumKeySize, ushort lifeTimeInMonths = 12) => throw null;

        public Task<bool> CheckApplicationInstanceCertificatesAsync(bool silent, ushort? lifeTimeInMonths = null, CancellationToken ct = default) => throw null;
        public Task StartAsync(Opc.Ua.Server.ServerBase server) => throw null;
    }
}
