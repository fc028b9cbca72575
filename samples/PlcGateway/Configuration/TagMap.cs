namespace PlcGateway.Configuration;

/// <summary>Which PLC registers to poll and where to send them.</summary>
public sealed class TagMap
{
    public string PlcHost { get; set; } = "192.168.10.20";
    public int PlcPort { get; set; } = 502;
    public byte UnitId { get; set; } = 1;
    public string HistorianUrl { get; set; } = "https://historian.plant.local/";
    public List<Tag> Tags { get; set; } = new();
}

public class Tag
{
    public string Name { get; set; } = "";
    public ushort Address { get; set; }
    public ushort Count { get; set; } = 1;

    /// <summary>Converts raw register values to the engineering value.</summary>
    public virtual double Scale(ushort[] registers) => registers[0];
}

/// <summary>A 32-bit value in two registers, high word first, with a linear scale.</summary>
public sealed class ScaledTag : Tag
{
    public double Factor { get; set; } = 1;
    public double Offset { get; set; }

    public override double Scale(ushort[] registers) => (((registers[0] << 16) | registers[1]) * Factor) + Offset;
}
