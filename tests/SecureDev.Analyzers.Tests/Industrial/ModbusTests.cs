using SecureDev.Analyzers.Industrial;
using SecureDev.Analyzers.Tests.Harness;
using Xunit;

namespace SecureDev.Analyzers.Tests.Industrial;

public class IndustrialServerOnEveryInterfaceTests
{
    [Fact]
    public Task Brokers_and_Modbus_servers() =>
        AnalyzerVerifier.VerifyCaseFileAsync(
            new IndustrialServerOnEveryInterfaceAnalyzer(),
            "Industrial/IndustrialServerOnEveryInterface.cs",
            "Stubs/MQTTnet.5.cs", "Stubs/NModbus.cs", "Stubs/FluentModbus.cs", "Stubs/EasyModbus.cs");
}

public class ModbusUnrestrictedWriteTests
{
    [Fact]
    public Task Three_libraries() =>
        AnalyzerVerifier.VerifyCaseFileAsync(new ModbusUnrestrictedWriteAnalyzer(), "Industrial/ModbusUnrestrictedWrite.cs", "Stubs/NModbus.cs", "Stubs/FluentModbus.cs", "Stubs/EasyModbus.cs");
}

public class ModbusNoConnectionLimitTests
{
    [Fact]
    public Task FluentModbus() => AnalyzerVerifier.VerifyCaseFileAsync(new ModbusNoConnectionLimitAnalyzer(), "Industrial/ModbusNoConnectionLimit.cs", "Stubs/FluentModbus.cs");
}

public class IndustrialProtocolWithoutSecurityTests
{
    [Fact]
    public Task Controller_clients() =>
        AnalyzerVerifier.VerifyCaseFileAsync(
            new IndustrialProtocolWithoutSecurityAnalyzer(),
            "Industrial/IndustrialProtocolWithoutSecurity.cs",
            "Stubs/S7NetPlus.cs", "Stubs/Libplctag.cs", "Stubs/NModbus.cs", "Stubs/FluentModbus.cs", "Stubs/EasyModbus.cs");
}
