// Stand-in for MQTTnet 4.x (client and server in one package), written from the public API of dotnet/MQTTnet at tag
// v4.3.7.1207 (Source/MQTTnet/Client/Options, Source/MQTTnet/Server). Only the members the SD5xxx rules and their
// cases use; names, namespaces, signatures and defaults are the library's, bodies are not. The namespaces are those of
// 4.x: the client types in MQTTnet.Client, the factory in MQTTnet.
#nullable disable
using System;
using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet.Client;
using MQTTnet.Server;

namespace MQTTnet
{
    public sealed class MqttFactory
    {
        public IMqttClient CreateMqttClient() => throw null;
        public MqttClientOptionsBuilder CreateClientOptionsBuilder() => new MqttClientOptionsBuilder();
        public MqttServer CreateMqttServer(MqttServerOptions options) => throw null;
        public MqttServerOptionsBuilder CreateServerOptionsBuilder() => new MqttServerOptionsBuilder();
        public MqttApplicationMessageBuilder CreateApplicationMessageBuilder() => new MqttApplicationMessageBuilder();
    }

    public sealed class MqttApplicationMessage
    {
        public string Topic { get; set; }
    }

    public sealed class MqttApplicationMessageBuilder
    {
        public MqttApplicationMessage Build() => throw null;
        public MqttApplicationMessageBuilder WithTopic(string topic) => this;
        public MqttApplicationMessageBuilder WithPayload(string payload) => this;
        public MqttApplicationMessageBuilder WithPayload(byte[] payload) => this;
        public MqttApplicationMessageBuilder WithRetainFlag(bool value = true) => this;
    }
}

namespace MQTTnet.Client
{
    public interface IMqttClient : IDisposable
    {
        bool IsConnected { get; }
        Task<MqttClientConnectResult> ConnectAsync(MqttClientOptions options, CancellationToken cancellationToken = default);
        Task<MqttClientPublishResult> PublishAsync(MqttApplicationMessage applicationMessage, CancellationToken cancellationToken = default);
    }

    public sealed class MqttClientConnectResult { }

    public sealed class MqttClientPublishResult { }

    public interface IMqttClientCredentialsProvider { }

    public interface IMqttClientChannelOptions
    {
        MqttClientTlsOptions TlsOptions { get; }
    }

    public sealed class MqttClientOptions
    {
        public IMqttClientChannelOptions ChannelOptions { get; set; }
        public string ClientId { get; set; }
        public IMqttClientCredentialsProvider Credentials { get; set; }
        public bool CleanSession { get; set; } = true;
    }

    public sealed class MqttClientTcpOptions : IMqttClientChannelOptions
    {
        public string Server { get; set; }
        public int? Port { get; set; }
        public MqttClientTlsOptions TlsOptions { get; set; } = new MqttClientTlsOptions();
    }

    public sealed class MqttClientCertificateValidationEventArgs : EventArgs
    {
        public X509Certificate Certificate { get; set; }
        public X509Chain Chain { get; set; }
        public SslPolicyErrors SslPolicyErrors { get; set; }
        public IMqttClientChannelOptions ClientOptions { get; set; }
    }

    public sealed class MqttClientTlsOptions
    {
        public bool UseTls { get; set; }
        public bool AllowUntrustedCertificates { get; set; }
        public bool IgnoreCertificateChainErrors { get; set; }
        public bool IgnoreCertificateRevocationErrors { get; set; }
        public Func<MqttClientCertificateValidationEventArgs, bool> CertificateValidationHandler { get; set; }
        public X509RevocationMode RevocationMode { get; set; } = X509RevocationMode.Online;
        public SslProtocols SslProtocol { get; set; } = SslProtocols.Tls12;
        public string TargetHost { get; set; }
    }

    public sealed class MqttClientOptionsBuilderTlsParameters
    {
        public bool UseTls { get; set; }
        public Func<MqttClientCertificateValidationEventArgs, bool> CertificateValidationHandler { get; set; }
        public SslProtocols SslProtocol { get; set; } = SslProtocols.Tls12;
        public bool AllowUntrustedCertificates { get; set; }
        public bool IgnoreCertificateChainErrors { get; set; }
        public bool IgnoreCertificateRevocationErrors { get; set; }
        public X509RevocationMode RevocationMode { get; set; } = X509RevocationMode.Online;
    }

    public sealed class MqttClientTlsOptionsBuilder
    {
        public MqttClientTlsOptions Build() => throw null;
        public MqttClientTlsOptionsBuilder UseTls(bool useTls = true) => this;
        public MqttClientTlsOptionsBuilder WithAllowUntrustedCertificates(bool allowUntrustedCertificates = true) => this;
        public MqttClientTlsOptionsBuilder WithCertificateValidationHandler(Func<MqttClientCertificateValidationEventArgs, bool> certificateValidationHandler) => this;
        public MqttClientTlsOptionsBuilder WithIgnoreCertificateChainErrors(bool ignoreCertificateChainErrors = true) => this;
        public MqttClientTlsOptionsBuilder WithIgnoreCertificateRevocationErrors(bool ignoreCertificateRevocationErrors = true) => this;
        public MqttClientTlsOptionsBuilder WithRevocationMode(X509RevocationMode revocationMode) => this;
        public MqttClientTlsOptionsBuilder WithSslProtocols(SslProtocols sslProtocols) => this;
    }

    public sealed class MqttClientOptionsBuilder
    {
        public MqttClientOptions Build() => throw null;
        public MqttClientOptionsBuilder WithCleanSession(bool value = true) => this;
        public MqttClientOptionsBuilder WithClientId(string value) => this;
        public MqttClientOptionsBuilder WithConnectionUri(Uri uri) => this;
        public MqttClientOptionsBuilder WithConnectionUri(string uri) => this;
        public MqttClientOptionsBuilder WithCredentials(string username, string password) => this;
        public MqttClientOptionsBuilder WithCredentials(string username, byte[] password = null) => this;
        public MqttClientOptionsBuilder WithCredentials(IMqttClientCredentialsProvider credentials) => this;
        public MqttClientOptionsBuilder WithTcpServer(string server, int? port = null) => this;
        public MqttClientOptionsBuilder WithTcpServer(Action<MqttClientTcpOptions> optionsBuilder) => this;
        [Obsolete("Use WithTlsOptions(...) instead.")]
        public MqttClientOptionsBuilder WithTls() => this;
        [Obsolete("Use WithTlsOptions(...) instead.")]
        public MqttClientOptionsBuilder WithTls(MqttClientOptionsBuilderTlsParameters parameters) => this;
        [Obsolete("Use WithTlsOptions(...) instead.")]
        public MqttClientOptionsBuilder WithTls(Action<MqttClientOptionsBuilderTlsParameters> optionsBuilder) => this;
        public MqttClientOptionsBuilder WithTlsOptions(MqttClientTlsOptions tlsOptions) => this;
        public MqttClientOptionsBuilder WithTlsOptions(Action<MqttClientTlsOptionsBuilder> configure) => this;
        public MqttClientOptionsBuilder WithWebSocketServer(string uri) => this;
    }
}

namespace MQTTnet.Protocol
{
    public enum MqttConnectReasonCode
    {
        Success = 0,
        UnspecifiedError = 128,
        BadUserNameOrPassword = 134,
        NotAuthorized = 135,
    }
}

namespace MQTTnet.Server
{
    public sealed class ValidatingConnectionEventArgs : EventArgs
    {
        public string ClientId { get; }
        public string UserName { get; }
        public string Password { get; }
        public MQTTnet.Protocol.MqttConnectReasonCode ReasonCode { get; set; }
    }

    public sealed class MqttServer : IDisposable
    {
        public event Func<ValidatingConnectionEventArgs, Task> ValidatingConnectionAsync;
        public Task StartAsync() => throw null;
        public Task StopAsync() => throw null;
        public void Dispose() { }
    }

    public abstract class MqttServerTcpEndpointBaseOptions
    {
        public IPAddress BoundInterNetworkAddress { get; set; } = IPAddress.Any;
        public IPAddress BoundInterNetworkV6Address { get; set; } = IPAddress.IPv6Any;
        public bool IsEnabled { get; set; }
        public int Port { get; set; }
    }

    public sealed class MqttServerTcpEndpointOptions : MqttServerTcpEndpointBaseOptions
    {
        public MqttServerTcpEndpointOptions() { Port = 1883; }
    }

    public sealed class MqttServerTlsTcpEndpointOptions : MqttServerTcpEndpointBaseOptions
    {
        public MqttServerTlsTcpEndpointOptions() { Port = 8883; }
        public bool ClientCertificateRequired { get; set; }
        public RemoteCertificateValidationCallback RemoteCertificateValidationCallback { get; set; }
    }

    public sealed class MqttServerOptions
    {
        public MqttServerTcpEndpointOptions DefaultEndpointOptions { get; } = new MqttServerTcpEndpointOptions();
        public MqttServerTlsTcpEndpointOptions TlsEndpointOptions { get; } = new MqttServerTlsTcpEndpointOptions();
    }

    public sealed class MqttServerOptionsBuilder
    {
        public MqttServerOptions Build() => throw null;
        public MqttServerOptionsBuilder WithDefaultEndpoint() => this;
        public MqttServerOptionsBuilder WithDefaultEndpointBoundIPAddress(IPAddress value) => this;
        public MqttServerOptionsBuilder WithDefaultEndpointBoundIPV6Address(IPAddress value) => this;
        public MqttServerOptionsBuilder WithDefaultEndpointPort(int? value) => this;
        public MqttServerOptionsBuilder WithEncryptedEndpoint() => this;
        public MqttServerOptionsBuilder WithEncryptedEndpointBoundIPAddress(IPAddress value) => this;
        public MqttServerOptionsBuilder WithEncryptedEndpointPort(int? value) => this;
        public MqttServerOptionsBuilder WithEncryptionCertificate(X509Certificate2 certificate) => this;
        public MqttServerOptionsBuilder WithoutDefaultEndpoint() => this;
        public MqttServerOptionsBuilder WithClientCertificate(RemoteCertificateValidationCallback validationCallback = null, bool checkCertificateRevocation = false) => this;
    }
}
