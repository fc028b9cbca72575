using System.CommandLine;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.IO;

namespace SecureDev.Cli;

/// <summary>
/// The conventions every command shares: --format text|json (json: one JSON document on standard output, nothing
/// else), progress and diagnostics on standard error, so standard output stays machine-readable.
/// </summary>
internal static class Output
{
    public static readonly Option<string> Format = CreateFormat();

    public static bool Json(ParseResult result) => result.GetValue(Format) == "json";

    /// <summary>A line of progress on long work, on standard error (never mixed into JSON output).</summary>
    public static void Progress(string command, string text) => Console.Error.WriteLine($"securedev {command}: {text}");

    public static void WriteJson(object value) => Console.Out.Write(CanonicalJson.Serialize(value));

    /// <summary>SD messages: errors on standard error, the rest on standard output unless it is reserved for JSON.</summary>
    public static void Messages(IEnumerable<BuildMessage> messages, bool json)
    {
        foreach (var message in messages)
        {
            (json || message.Severity == BuildSeverity.Error ? Console.Error : Console.Out).WriteLine(message);
        }
    }

    private static Option<string> CreateFormat()
    {
        var option = new Option<string>("--format")
        {
            Description = "Output: text for people, or json (one document on standard output; progress and messages go to standard error)",
            DefaultValueFactory = _ => "text",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }
}
