// Stand-in for Serilog's public logging API (Serilog.ILogger and the static Serilog.Log), which is not on the package feed.
// Only the members the cases use, with Serilog's names and shapes.
namespace Serilog
{
    public interface ILogger
    {
        void Information(string messageTemplate, params object?[]? propertyValues);

        void Warning(string messageTemplate, params object?[]? propertyValues);

        void Debug(string messageTemplate, params object?[]? propertyValues);
    }

    public static class Log
    {
        public static void Information(string messageTemplate, params object?[]? propertyValues) { }

        public static void Error(System.Exception? exception, string messageTemplate, params object?[]? propertyValues) { }
    }
}
