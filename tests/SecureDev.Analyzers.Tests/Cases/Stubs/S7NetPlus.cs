// Stand-in for S7netplus 0.20.x, written from the public API of S7NetPlus/s7netplus (S7.Net/PLC.cs,
// S7.Net/PlcSynchronous.cs, S7.Net/PlcAsynchronous.cs, S7.Net/Enums.cs). Only the members the SD5xxx rules and their
// cases use; names, namespaces, signatures and enum values are the library's, bodies are not.
#nullable disable
using System;
using System.Threading;
using System.Threading.Tasks;

namespace S7.Net
{
    public enum CpuType
    {
        S7200 = 0,
        Logo0BA8 = 1,
        S7200Smart = 2,
        S7300 = 10,
        S7400 = 20,
        S71200 = 30,
        S71500 = 40,
    }

    public class TsapPair
    {
        public TsapPair(Tsap local, Tsap remote) { }
    }

    public class Tsap
    {
        public Tsap(byte firstByte, byte secondByte) { }
    }

    public partial class Plc : IDisposable
    {
        public Plc(CpuType cpu, string ip, short rack, short slot) { }
        public Plc(CpuType cpu, string ip, int port, short rack, short slot) { }
        public Plc(string ip, TsapPair tsapPair) { }
        public Plc(string ip, int port, TsapPair tsapPair) { }
        public string IP { get; }
        public bool IsConnected => throw null;
        public void Open() { }
        public Task OpenAsync(CancellationToken cancellationToken = default) => throw null;
        public void Close() { }
        public object Read(string variable) => throw null;
        public Task<object> ReadAsync(string variable, CancellationToken cancellationToken = default) => throw null;
        public void Write(string variable, object value) { }
        public Task WriteAsync(string variable, object value, CancellationToken cancellationToken = default) => throw null;
        public void Dispose() { }
    }
}
