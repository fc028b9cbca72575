// Literal credentials given to industrial APIs are SD3001 (hard-coded credential): this file proves it for the OPC UA
// 1.5 UserIdentity(string, byte[]), MQTTnet's WithCredentials and TwinCAT's TlsConfig.KeyPwd. The OPC UA 1.4
// UserIdentity(string, string) is in IndustrialCredentials.1.4.cs.
using System.Text;
using MQTTnet;
using Opc.Ua;
using TwinCAT.Ads.Configuration;

namespace Cases.Industrial;

public class LiteralCredentials
{
    public IUserIdentity OpcUa() => new UserIdentity("operator", Encoding.UTF8.GetBytes("Line3!op")); // Noncompliant SD3001

    public MqttClientOptions Mqtt() =>
        new MqttClientOptionsBuilder().WithTcpServer("broker.plant.local").WithTlsOptions(o => o.UseTls()).WithCredentials("gateway", "mqtt-S3cret").Build(); // Noncompliant SD3001

    public TlsConfig Ads() => new TlsConfig { Key = "certs/ipc.key", KeyPwd = "ipc-key-pass" }; // Noncompliant SD3001
}

public class ConfiguredCredentials
{
    public IUserIdentity OpcUa(string user, byte[] password) => new UserIdentity(user, password); // Compliant

    public MqttClientOptions Mqtt(string password) =>
        new MqttClientOptionsBuilder().WithTcpServer("broker.plant.local").WithTlsOptions(o => o.UseTls()).WithCredentials("gateway", password).Build(); // Compliant

    public TlsConfig Ads(string keyPassword) => new TlsConfig { KeyPwd = keyPassword }; // Compliant
}
