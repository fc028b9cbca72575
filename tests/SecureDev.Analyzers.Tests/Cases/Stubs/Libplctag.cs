// Stand-in for libplctag (the .NET wrapper) 1.5.x, written from the public API of libplctag/libplctag.NET
// (src/libplctag/Tag.cs, PlcType.cs, Protocol.cs). Only the members the SD5xxx rules and their cases use; names,
// namespaces, signatures and enum values are the library's, bodies are not.
#nullable disable
using System;
using System.Threading;
using System.Threading.Tasks;

namespace libplctag
{
    public enum PlcType { ControlLogix = 0, Plc5 = 1, Slc500 = 2, LogixPccc = 3, Micro800 = 4, MicroLogix = 5, Omron = 6 }

    public enum Protocol { ab_eip = 0, modbus_tcp = 1 }

    public sealed class Tag : IDisposable
    {
        public Tag() { }
        public string Name { get; set; }
        public string Gateway { get; set; }
        public string Path { get; set; }
        public PlcType? PlcType { get; set; }
        public Protocol? Protocol { get; set; }
        public TimeSpan Timeout { get; set; }
        public int? ElementSize { get; set; }
        public int? ElementCount { get; set; }
        public void Initialize() { }
        public Task InitializeAsync(CancellationToken token = default) => throw null;
        public void Read() { }
        public Task ReadAsync(CancellationToken token = default) => throw null;
        public void Write() { }
        public Task WriteAsync(CancellationToken token = default) => throw null;
        public int GetInt32(int offset) => throw null;
        public void SetInt32(int offset, int value) { }
        public void Dispose() { }
    }
}
