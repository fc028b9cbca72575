// SD2005 Cleartext communication channel: http/ftp/ws/mqtt/amqp endpoints for remote hosts, TLS switched off.
#pragma warning disable SYSLIB0014 // WebRequest and WebClient are obsolete and still used
using System;
using System.Net;
using System.Net.Http;
using System.Net.Mail;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;

namespace Cases.Communication;

public class HistorianUploader
{
    private const string HistorianBase = "http://historian.plant.local/api/";
    private static readonly string UpdateServer = "ftp://updates.vendor.example/firmware/";

    public HttpClient BaseAddress() => new() { BaseAddress = new Uri("http://historian.plant.local/api/") }; // Noncompliant SD2005 {{'http://historian.plant.local' sends HTTP in cleartext; use https:// so that the traffic is encrypted and the peer authenticated}}
//                                                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

    public Task<string> OneShot(HttpClient client) => client.GetStringAsync("http://10.20.0.15/status"); // Noncompliant SD2005 {{'http://10.20.0.15' sends HTTP in cleartext; use https:// so that the traffic is encrypted and the peer authenticated}}

    public Task<HttpResponseMessage> ThroughConstant(HttpClient client, HttpContent body) => client.PostAsync(HistorianBase + "values", body); // Noncompliant SD2005

    public WebRequest StaticReadonly() => WebRequest.Create(UpdateServer); // Noncompliant SD2005 {{'ftp://updates.vendor.example' sends FTP in cleartext; use FTPS or SFTP so that the traffic is encrypted and the peer authenticated}}

    public HttpRequestMessage Message() => new(HttpMethod.Get, "http://mes.plant.local/orders"); // Noncompliant SD2005

    public Task WebSocket(ClientWebSocket socket) => socket.ConnectAsync(new Uri("ws://hmi-3:9000/live"), CancellationToken.None); // Noncompliant SD2005

    public Uri Interpolated(string host, int port) => new($"http://{host}:{port}/api"); // Noncompliant SD2005 {{'http://' (host chosen at run time) sends HTTP in cleartext; use https:// so that the traffic is encrypted and the peer authenticated}}

    public byte[] Download(WebClient client) => client.DownloadData("http://updates.vendor.example/fw.bin"); // Noncompliant SD2005

    public void Local(HttpClient client)
    {
        var url = "http://historian.plant.local/health";
        client.GetAsync(url); // Noncompliant SD2005
    }

    public SmtpClient Mail() => new("smtp.plant.local") { EnableSsl = false }; // Noncompliant SD2005 {{'SmtpClient.EnableSsl = false' sends the traffic and any credentials in cleartext; use EnableSsl = true so that the traffic is encrypted and the peer authenticated}}

    public void Broker(MqttLikeOptions options) => options.WithConnectionUri("mqtt://broker.plant.local:1883"); // Noncompliant SD2005

    public BrokerSettings Settings() => new() { Url = "amqp://rabbit.plant.local" }; // Noncompliant SD2005

    public void Connect(string endpointUrl = "http://gateway.plant.local/") { } // Noncompliant SD2005

    public Func<Uri> Lambda() => () => new Uri("http://historian.plant.local/"); // Noncompliant SD2005
}

public class MqttLikeOptions
{
    public MqttLikeOptions WithConnectionUri(string uri) => this;
}

public class BrokerSettings
{
    public string? Url { get; set; }

    public string? HelpLink { get; set; }
}

public class LocalAndIdentifierLookAlikes
{
    private readonly string _configuredUrl;

    public LocalAndIdentifierLookAlikes(string configuredUrl) => _configuredUrl = configuredUrl;

    public Uri Https() => new("https://historian.plant.local/api/"); // Compliant

    public Uri Loopback() => new("http://localhost:5000/health"); // Compliant: loopback

    public Uri LoopbackAddress() => new("http://127.0.0.1:8080/"); // Compliant: loopback

    public Uri Ipv6Loopback() => new("http://[::1]:8080/"); // Compliant: loopback

    public Uri InterpolatedLocalhost(int port) => new($"http://localhost:{port}/"); // Compliant: loopback

    public Uri Configured() => new(_configuredUrl); // Compliant: from configuration

    public XNamespace XmlNamespace() => "http://www.plant.example/recipes/v2"; // Compliant: an XML namespace, not an endpoint

    public void NamespaceManager(XmlNamespaceManager manager) => manager.AddNamespace("r", "http://www.plant.example/recipes/v2"); // Compliant: System.Xml takes names

    public XmlElement Element(XmlDocument document) => document.CreateElement("r", "recipe", "http://www.plant.example/recipes/v2"); // Compliant

    public Uri SchemaId() => new("http://www.w3.org/2001/XMLSchema"); // Compliant: a well-known identifier

    public BrokerSettings Help() => new() { HelpLink = "http://docs.vendor.example/gateway" }; // Compliant: a link for people, not an endpoint

    public string Label() => "Historian: http://historian.plant.local"; // Compliant: text, not handed to an API

    public SmtpClient MailTls() => new("smtp.plant.local") { EnableSsl = true }; // Compliant

    public Uri Opc() => new("opc.tcp://plc-1:4840"); // Compliant: not a cleartext web scheme (OPC UA security is the SD5 rules' business)
}
