using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using SecureDev.Core.Diagnostics;

namespace SecureDev.Build;

/// <summary>
/// The base of SecureDev's tasks: they turn MSBuild items and properties into a Core call and log what it reports as
/// SD9xxx warnings and errors with their help links. No exception reaches the user as a stack trace.
/// </summary>
public abstract class SecureDevTask : Microsoft.Build.Utilities.Task
{
    public sealed override bool Execute()
    {
        var messages = new List<BuildMessage>();
        try
        {
            Run(messages);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            messages.Add(BuildRules.OutputNotWritten.At(null, $"{GetType().Name} could not write its output: {e.Message} Check that the directory is writable and the disk has space."));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            messages.Add(BuildRules.InternalError.At(null, $"{GetType().Name} failed: {e.GetType().Name}: {e.Message}"));
        }

        LogMessages(messages);
        return !Log.HasLoggedErrors;
    }

    protected abstract void Run(List<BuildMessage> messages);

    protected void LogMessages(IEnumerable<BuildMessage> messages)
    {
        foreach (var message in messages)
        {
            switch (message.Severity)
            {
                case BuildSeverity.Error:
                    Log.LogError("SecureDev", message.Rule.Id, null, message.Rule.HelpLink, message.File, 0, 0, 0, 0, message.Text);
                    break;
                case BuildSeverity.Warning:
                    Log.LogWarning("SecureDev", message.Rule.Id, null, message.Rule.HelpLink, message.File, 0, 0, 0, 0, message.Text);
                    break;
                default:
                    Log.LogMessage("SecureDev", message.Rule.Id, null, message.File, 0, 0, 0, 0, MessageImportance.High, message.Text);
                    break;
            }
        }
    }

    /// <summary>An MSBuild property as a value: unset and blank properties are null.</summary>
    protected static string? Value(string? property) => string.IsNullOrWhiteSpace(property) ? null : property.Trim();

    /// <summary>Items given as a semicolon list may be empty strings; these are not values.</summary>
    protected static IEnumerable<string> Values(ITaskItem[]? items) =>
        (items ?? Array.Empty<ITaskItem>()).Select(i => i.ItemSpec.Trim()).Where(s => s.Length > 0);
}
