// SD5031 Modbus server accepting writes without validation: FluentModbus, EasyModbus, NModbus.
using System.Net;
using FluentModbus;
using NModbus;
using NModbus.Data;

namespace Cases.Industrial;

public class OpenRegisterServers
{
    public void Fluent(IPAddress controlNetwork)
    {
        var server = new ModbusTcpServer { MaxConnections = 4 };
        server.Start(controlNetwork); // Noncompliant SD5031 {{FluentModbus ModbusTcpServer.Start(controlNetwork) accepts the Modbus write function codes (5, 6, 15, 16, 23) from any client, and Modbus/TCP has no authentication, so whoever reaches the port can change setpoints and outputs (IEC 62443-4-2 CR 2.1 at SL 1); reject writes outside the allowed units and registers in RequestValidator, or record the compensating countermeasure with Justification = "Compensating countermeasure: ..."}}
    }

    public void Easy(IPAddress controlNetwork)
    {
        var server = new EasyModbus.ModbusServer { LocalIPAddress = controlNetwork };
        server.Listen(); // Noncompliant SD5031
    }

    public IModbusSlave NModbusDefaultStore() => new ModbusFactory().CreateSlave(1); // Noncompliant SD5031

    public IModbusSlave NModbusExplicitStore(IModbusFactory factory) => factory.CreateSlave(1, new DefaultSlaveDataStore()); // Noncompliant SD5031
}

public class ValidatedServers
{
    private const ushort FirstSetpoint = 100;

    public void Fluent(IPAddress controlNetwork)
    {
        var server = new ModbusTcpServer
        {
            MaxConnections = 4,
            RequestValidator = (unit, functionCode, address, quantity) =>
                functionCode >= ModbusFunctionCode.WriteSingleCoil && address < FirstSetpoint ? ModbusExceptionCode.IllegalDataAddress : ModbusExceptionCode.OK,
        };
        server.Start(controlNetwork); // Compliant: writes are validated
    }

    public void Easy(IPAddress controlNetwork)
    {
        var server = new EasyModbus.ModbusServer { LocalIPAddress = controlNetwork, FunctionCode5Disabled = true, FunctionCode15Disabled = true };
        server.Listen(); // Compliant: the write codes the product does not need are off
    }

    public IModbusSlave NModbusOwnStore(IModbusFactory factory, ISlaveDataStore guardedStore) => factory.CreateSlave(1, guardedStore); // Compliant: the product's store can refuse writes

    public IModbusSlave NModbusWithoutBuiltIns()
    {
        var factory = new ModbusFactory(includeBuiltIn: false);
        return factory.CreateSlave(1); // Compliant: only the product's own function services
    }
}
