// A vendor's own fieldbus driver and historian client, as a user's configuration file adds them
// (Cases/Taint/acme.securedev-taint.json). Compiled as a referenced library, like a vendor package.
#nullable disable
namespace Acme.Fieldbus
{
    public sealed class FieldbusChannel
    {
        public FieldbusChannel(int node) { }

        public string ReadParameter(ushort index) => null;

        public int ReadFrame(byte[] frame) => 0;
    }
}

namespace Acme.Historian
{
    public sealed class HistorianClient
    {
        public object Query(string expression) => null;

        public object QueryTag(string tag) => null;

        public static string Quote(string value) => value;
    }
}
