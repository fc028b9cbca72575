// Stand-in for MQTTnet 5.x and MQTTnet.Server 5.x, written from the public API of dotnet/MQTTnet (v5.x:
// Source/MQTTnet/Options, Source/MQTTnet.Server/Options, Source/MQTTnet.Server/MqttServer.cs). Only the members the
// SD5xxx rules and their cases use; names, namespaces, signatures and defaults are the library's, bodies are not.
#nullable disable
using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace MQTTnet
{
    public sealed class MqttClientFactory
    {
        public IMqttClient CreateMqttClient() => throw null;
        public MqttClientOptionsBuilder CreateClientOptionsBuilder() => new MqttClientOptionsBuilder();
        public MqttApplicationMessageBuilder CreateApplicationMessageBuilder() => new MqttApplicationMessageBuilder();
    }

    public interface IMqttClient : IDisposable
    {
        bool IsConnected { get; }
        Task<MqttClientConnectResult> ConnectAsync(MqttClientOptions options, CancellationToken cancellationToken = default);
        Task<MqttClientPublishResult> PublishAsync(MqttApplicationMessage applicationMessage, CancellationToken cancellationToken = default);
    }

    public sealed class MqttClientConnectResult { }

    public sealed class MqttClientPublishResult { }

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
        public TimeSpan KeepAlivePeriod { get; set; }
    }

    public sealed class MqttClientTcpOptions : IMqttClientChannelOptions
    {
        public AddressFamily AddressFamily { get; set; }
        public EndPoint RemoteEndpoint { get; set; }
        public bool NoDelay { get; set; } = true;
        public MqttClientTlsOptions TlsOptions { get; set; } = new MqttClientTlsOptions();
    }

    public sealed class MqttClientWebSocketOptions : IMqttClientChannelOptions
    {
        public string Uri { get; set; }
        public MqttClientTlsOptions TlsOptions { get; set; } = new MqttClientTlsOptions();
    }

    public sealed class MqttClientWebSocketOptionsBuilder
    {
        public MqttClientWebSocketOptions Build() => throw null;
        public MqttClientWebSocketOptionsBuilder WithUri(string uri) => this;
    }

    public sealed class MqttClientCertificateValidationEventArgs : EventArgs
    {
        public MqttClientCertificateValidationEventArgs(X509Certificate certificate, X509Chain chain, SslPolicyErrors sslPolicyErrors, IMqttClientChannelOptions clientOptions) { }
        public X509Certificate Certificate { get; }
        public X509Chain Chain { get; }
        public IMqttClientChannelOptions ClientOptions { get; }
        public SslPolicyErrors SslPolicyErrors { get; }
    }

    public sealed class MqttClientTlsOptions
    {
        public bool UseTls { get; set; }
        public bool AllowUntrustedCertificates { get; set; }
        public bool IgnoreCertificateChainErrors { get; set; }
        public bool IgnoreCertificateRevocationErrors { get; set; }
        public Func<MqttClientCertificateValidationEventArgs, bool> CertificateValidationHandler { get; set; }
        public X509RevocationMode RevocationMode { get; set; } = X509RevocationMode.Online;
        public SslProtocols SslProtocol { get; set; } = SslProtocols.Tls12 | SslProtocols.Tls13;
        public string TargetHost { get; set; }
        public X509Certificate2Collection TrustChain { get; set; }
    }

    public sealed class MqttClientTlsOptionsBuilder
    {
        public MqttClientTlsOptions Build() => throw null;
        public MqttClientTlsOptionsBuilder UseTls(bool useTls = true) => this;
        public MqttClientTlsOptionsBuilder WithAllowUntrustedCertificates(bool allowUntrustedCertificates = true) => this;
        public MqttClientTlsOptionsBuilder WithCertificateValidationHandler(Func<MqttClientCertificateValidationEventArgs, bool> certificateValidationHandler) => this;
        public MqttClientTlsOptionsBuilder WithClientCertificates(X509Certificate2Collection certificates) => this;
        public MqttClientTlsOptionsBuilder WithIgnoreCertificateChainErrors(bool ignoreCertificateChainErrors = true) => this;
        public MqttClientTlsOptionsBuilder WithIgnoreCertificateRevocationErrors(bool ignoreCertificateRevocationErrors = true) => this;
        public MqttClientTlsOptionsBuilder WithRevocationMode(X509RevocationMode revocationMode) => this;
        public MqttClientTlsOptionsBuilder WithSslProtocols(SslProtocols sslProtocols) => this;
        public MqttClientTlsOptionsBuilder WithTargetHost(string targetHost) => this;
        public MqttClientTlsOptionsBuilder WithTrustChain(X509Certificate2Collection chain) => this;
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
        public MqttClientOptionsBuilder WithEndPoint(EndPoint endPoint) => this;
        public MqttClientOptionsBuilder WithKeepAlivePeriod(TimeSpan value) => this;
        public MqttClientOptionsBuilder WithTcpServer(string host, int? port = null, AddressFamily addressFamily = AddressFamily.Unspecified) => this;
        public MqttClientOptionsBuilder WithTcpServer(Action<MqttClientTcpOptions> optionsBuilder) => this;
        public MqttClientOptionsBuilder WithTimeout(TimeSpan value) => this;
        public MqttClientOptionsBuilder WithTlsOptions(MqttClientTlsOptions tlsOptions) => this;
        public MqttClientOptionsBuilder WithTlsOptions(Action<MqttClientTlsOptionsBuilder> configure) => this;
        public MqttClientOptionsBuilder WithWebSocketServer(Action<MqttClientWebSocketOptionsBuilder> configure) => this;
    }
}

namespace MQTTnet.Protocol
{
    public enum MqttConnectReasonCode
    {
        Success = 0,
        UnspecifiedError = 128,
        ClientIdentifierNotValid = 133,
        BadUserNameOrPassword = 134,
        NotAuthorized = 135,
    }
}

namespace MQTTnet.Server
{
    public sealed class MqttServerFactory
    {
        public MqttServer CreateMqttServer(MqttServerOptions options) => throw null;
        public MqttServerOptionsBuilder CreateServerOptionsBuilder() => new MqttServerOptionsBuilder();
    }

    public sealed class ValidatingConnectionEventArgs : EventArgs
    {
        public string ClientId { get; }
        public string UserName { get; }
        public string Password { get; }
        public EndPoint RemoteEndPoint { get; }
        public X509Certificate2 ClientCertificate { get; }
        public MQTTnet.Protocol.MqttConnectReasonCode ReasonCode { get; set; }
    }

    public sealed class InterceptingPublishEventArgs : EventArgs
    {
        public string ClientId { get; }
        public bool ProcessPublish { get; set; } = true;
    }

    public class MqttServer : IDisposable
    {
        public event Func<ValidatingConnectionEventArgs, Task> ValidatingConnectionAsync;
        public event Func<InterceptingPublishEventArgs, Task> InterceptingPublishAsync;
        public bool IsStarted { get; }
        public Task StartAsync() => throw null;
        public Task StopAsync() => throw null;
        public void Dispose() { }
    }

    public abstract class MqttServerTcpEndpointBaseOptions
    {
        public IPAddress BoundInterNetworkAddress { get; set; } = IPAddress.Any;
        public IPAddress BoundInterNetworkV6Address { get; set; } = IPAddress.IPv6Any;
        public int ConnectionBacklog { get; set; } = 100;
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
        public bool CheckCertificateRevocation { get; set; }
        public bool ClientCertificateRequired { get; set; }
        public RemoteCertificateValidationCallback RemoteCertificateValidationCallback { get; set; }
        public SslProtocols SslProtocol { get; set; } = SslProtocols.None;
    }

    public sealed class MqttServerOptions
    {
        public MqttServerTcpEndpointOptions DefaultEndpointOptions { get; } = new MqttServerTcpEndpointOptions();
        public MqttServerTlsTcpEndpointOptions TlsEndpointOptions { get; } = new MqttServerTlsTcpEndpointOptions();
        public bool EnablePersistentSessions { get; set; }
        public int MaxPendingMessagesPerClient { get; set; } = 250;
    }

    public class MqttServerOptionsBuilder
    {
        public MqttServerOptions Build() => throw null;
        public MqttServerOptionsBuilder WithClientCertificate(RemoteCertificateValidationCallback validationCallback = null, bool checkCertificateRevocation = false) => this;
        public MqttServerOptionsBuilder WithConnectionBacklog(int value) => this;
        public MqttServerOptionsBuilder WithDefaultEndpoint() => this;
        public MqttServerOptionsBuilder WithDefaultEndpointBoundIPAddress(IPAddress value) => this;
        public MqttServerOptionsBuilder WithDefaultEndpointBoundIPV6Address(IPAddress value) => this;
        public MqttServerOptionsBuilder WithDefaultEndpointPort(int value) => this;
        public MqttServerOptionsBuilder WithEncryptedEndpoint() => this;
        public MqttServerOptionsBuilder WithEncryptedEndpointBoundIPAddress(IPAddress value) => this;
        public MqttServerOptionsBuilder WithEncryptedEndpointBoundIPV6Address(IPAddress value) => this;
        public MqttServerOptionsBuilder WithEncryptedEndpointPort(int value) => this;
        public MqttServerOptionsBuilder WithEncryptionCertificate(X509Certificate2 certificate) => this;
        public MqttServerOptionsBuilder WithEncryptionSslProtocol(SslProtocols value) => this;
        public MqttServerOptionsBuilder WithMaxPendingMessagesPerClient(int value) => this;
        public MqttServerOptionsBuilder WithoutDefaultEndpoint() => this;
        public MqttServerOptionsBuilder WithoutEncryptedEndpoint() => this;
        public MqttServerOptionsBuilder WithPersistentSessions(bool value = true) => this;
        public MqttServerOptionsBuilder WithRemoteCertificateValidationCallback(RemoteCertificateValidationCallback value) => this;
    }
}
