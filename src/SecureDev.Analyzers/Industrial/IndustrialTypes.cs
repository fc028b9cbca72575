namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// Metadata names of the library types the SD5xxx rules look at. Where a major version moved a type, both names are
/// listed: the rules resolve whichever the compilation references.
/// </summary>
internal static class IndustrialTypes
{
    // OPC UA .NET Standard 1.4.x and 1.5.x (same names in both).
    public const string ServerSecurityPolicy = "Opc.Ua.ServerSecurityPolicy";
    public const string EndpointDescription = "Opc.Ua.EndpointDescription";
    public const string UserTokenPolicy = "Opc.Ua.UserTokenPolicy";
    public const string SecurityConfiguration = "Opc.Ua.SecurityConfiguration";
    public const string ServerConfiguration = "Opc.Ua.ServerConfiguration";
    public const string ServerBaseConfiguration = "Opc.Ua.ServerBaseConfiguration";
    public const string TransportQuotas = "Opc.Ua.TransportQuotas";
    public const string CertificateValidator = "Opc.Ua.CertificateValidator";
    public const string CertificateValidationEventArgs = "Opc.Ua.CertificateValidationEventArgs";
    public const string StatusCodes = "Opc.Ua.StatusCodes";
    public const string CoreClientUtils = "Opc.Ua.Client.CoreClientUtils";
    public const string Session = "Opc.Ua.Client.Session";
    public const string ISessionFactory = "Opc.Ua.Client.ISessionFactory";
    public const string DefaultSessionFactory = "Opc.Ua.Client.DefaultSessionFactory";
    public const string ApplicationInstance = "Opc.Ua.Configuration.ApplicationInstance";
    public const string ConfigurationBuilder = "Opc.Ua.Configuration.ApplicationConfigurationBuilder";
    public const string BuilderServerPolicies = "Opc.Ua.Configuration.IApplicationConfigurationBuilderServerPolicies";
    public const string BuilderServerOptions = "Opc.Ua.Configuration.IApplicationConfigurationBuilderServerOptions";
    public const string BuilderSecurityOptions = "Opc.Ua.Configuration.IApplicationConfigurationBuilderSecurityOptions";
    public const string BuilderTransportQuotas = "Opc.Ua.Configuration.IApplicationConfigurationBuilderTransportQuotas";

    public const string SecurityPolicyNone = "http://opcfoundation.org/UA/SecurityPolicy#None";
    public const string SecurityPolicyBasic128Rsa15 = "http://opcfoundation.org/UA/SecurityPolicy#Basic128Rsa15";
    public const string SecurityPolicyBasic256 = "http://opcfoundation.org/UA/SecurityPolicy#Basic256";

    // Enum values, as the stack declares them.
    public const int MessageSecurityModeNone = 1;
    public const int UserTokenTypeAnonymous = 0;
    public const int UserTokenTypeUserName = 1;
    public const int UserTokenTypeIssuedToken = 3;

    // MQTTnet 5.x (namespace MQTTnet, server in MQTTnet.Server) and 4.x (client in MQTTnet.Client).
    public const string MqttClientOptionsBuilder5 = "MQTTnet.MqttClientOptionsBuilder";
    public const string MqttClientOptionsBuilder4 = "MQTTnet.Client.MqttClientOptionsBuilder";
    public const string MqttClientTlsOptions5 = "MQTTnet.MqttClientTlsOptions";
    public const string MqttClientTlsOptions4 = "MQTTnet.Client.MqttClientTlsOptions";
    public const string MqttClientTlsOptionsBuilder5 = "MQTTnet.MqttClientTlsOptionsBuilder";
    public const string MqttClientTlsOptionsBuilder4 = "MQTTnet.Client.MqttClientTlsOptionsBuilder";
    public const string MqttTlsParameters4 = "MQTTnet.Client.MqttClientOptionsBuilderTlsParameters";
    public const string MqttCertificateValidationEventArgs5 = "MQTTnet.MqttClientCertificateValidationEventArgs";
    public const string MqttCertificateValidationEventArgs4 = "MQTTnet.Client.MqttClientCertificateValidationEventArgs";
    public const string MqttClientTcpOptions5 = "MQTTnet.MqttClientTcpOptions";
    public const string MqttClientTcpOptions4 = "MQTTnet.Client.MqttClientTcpOptions";
    public const string MqttServer = "MQTTnet.Server.MqttServer";
    public const string MqttServerOptionsBuilder = "MQTTnet.Server.MqttServerOptionsBuilder";
    public const string MqttServerTcpEndpointOptions = "MQTTnet.Server.MqttServerTcpEndpointOptions";
    public const string MqttServerTcpEndpointBaseOptions = "MQTTnet.Server.MqttServerTcpEndpointBaseOptions";

    // Modbus, S7, EtherNet/IP, ADS.
    public const string NModbusFactory = "NModbus.ModbusFactory";
    public const string NModbusFactoryInterface = "NModbus.IModbusFactory";
    public const string NModbusDefaultSlaveDataStore = "NModbus.Data.DefaultSlaveDataStore";
    public const string FluentModbusTcpServer = "FluentModbus.ModbusTcpServer";
    public const string FluentModbusServer = "FluentModbus.ModbusServer";
    public const string FluentModbusTcpClient = "FluentModbus.ModbusTcpClient";
    public const string EasyModbusServer = "EasyModbus.ModbusServer";
    public const string EasyModbusClient = "EasyModbus.ModbusClient";
    public const string S7Plc = "S7.Net.Plc";
    public const string LibplctagTag = "libplctag.Tag";
    public const string LibplctagGenericTag = "libplctag.Tag`2";
    public const string AdsTlsConfig = "TwinCAT.Ads.Configuration.TlsConfig";
    public const string AdsClient = "TwinCAT.Ads.AdsClient";
}
