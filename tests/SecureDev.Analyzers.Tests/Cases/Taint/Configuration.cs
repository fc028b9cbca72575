// A user's configuration file (acme.securedev-taint.json, passed as an AdditionalFile) adds a vendor's fieldbus driver
// as a source and its historian's query API as a sink; with the file, these fire, without it they stay quiet.
using System;
using System.Data.Common;
using Acme.Fieldbus;
using Acme.Historian;

namespace Cases.Taint;

public sealed class HistorianBridge
{
    private readonly HistorianClient _historian = new();

    public object Parameter(FieldbusChannel channel) =>
        _historian.Query("SELECT value FROM params WHERE name = '" + channel.ReadParameter(7) + "'"); // Noncompliant SD4001 {{SQL text of 'HistorianClient.Query' is built from field device data ('FieldbusChannel.ReadParameter'); pass the value as a command parameter}}

    public object Frame(FieldbusChannel channel)
    {
        var frame = new byte[32];
        channel.ReadFrame(frame);
        var name = System.Text.Encoding.ASCII.GetString(frame);
        return _historian.Query("SELECT * FROM tags WHERE name = '" + name + "'"); // Noncompliant SD4001
    }

    public object Size(FieldbusChannel channel)
    {
        var frame = new byte[2];
        channel.ReadFrame(frame);
        return new byte[frame[0] << 8 | frame[1]]; // Compliant: an allocation, reported by SD7001, not by this rule
    }

    public object Quoted(FieldbusChannel channel) =>
        _historian.Query("SELECT value FROM params WHERE name = " + HistorianClient.Quote(channel.ReadParameter(7))); // Compliant: the configured sanitizer

    public object Tag(FieldbusChannel channel) =>
        _historian.QueryTag(channel.ReadParameter(7)); // Compliant: QueryTag is not configured as a sink

    public void StoredInjection(DbConnection connection, DbDataReader reader)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM alarms WHERE tag = '" + reader.GetString(0) + "'"; // Noncompliant SD4001 {{SQL text of 'DbCommand.CommandText' is built from a value read from the database ('DbDataReader.GetString'); pass the value as a command parameter}}
    }
}
