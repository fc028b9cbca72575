// Support types for the generated taint matrix (Taint/TaintMatrixTests.cs): the objects, fields, interfaces and helper
// methods the propagation forms pass untrusted values through. Nothing here is a source or a sink.
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Matrix.Support;

public abstract class CaseBase
{
    protected static readonly byte[] Table = new byte[16];
    protected static readonly HashSet<string> Allowed = new() { "a", "b" };
    protected static readonly Dictionary<string, string> Known = new() { ["a"] = "alpha" };
    protected static readonly HttpClient Client = new();
    protected static readonly ILogger Log = NullLogger.Instance;
    protected static NetworkStream NetworkSource = null!;

    protected static void Work()
    {
    }
}

public class Box
{
    private string _held = "";

    public Box()
    {
    }

    public Box(string value) => Value = value;

    public string Value { get; set; } = "";

    public int Count { get; set; }

    public void Set(string text) => _held = text;

    public string Get() => _held;
}

public class Keeper
{
    private string _kept = "";

    public void Keep(string text) => _kept = text;

    public string Give() => "<" + _kept + ">";
}

public class Holder
{
    private readonly string _text;

    public Holder(string text) => _text = text;

    public string Text => _text.Trim();
}

public interface IFormatter
{
    string Format(string text);
}

public class Brackets : IFormatter
{
    public string Format(string text) => "[" + text + "]";
}

public class Plain : IFormatter
{
    public string Format(string text) => "plain";
}

public abstract class Decorator
{
    public abstract string Decorate(string text);
}

public class Quotes : Decorator
{
    public override string Decorate(string text) => "\"" + text + "\"";
}

public static class Helper
{
    public static string Last = "";
    public static int Size;
    private static string _remembered = "";

    public static void Remember(string text) => _remembered = text;

    public static string Recall() => _remembered;

    public static void Copy(string text, out string copy) => copy = text;

    public static void Fill(ref string target, string text) => target = text + "!";

    public static string Wrap(string text) => "(" + text + ")";

    public static async Task<string> WrapAsync(string text)
    {
        await Task.Yield();
        return "{" + text + "}";
    }

    public static void CopyNumber(int number, out int copy) => copy = number;

    public static int Twice(int number) => number * 2;

    public static string Quoted(this string text) => "'" + text + "'";
}
