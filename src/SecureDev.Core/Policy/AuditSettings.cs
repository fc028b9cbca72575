using System.Globalization;
using SecureDev.Core.Diagnostics;

namespace SecureDev.Core.Policy;

/// <summary>SecureDevAuditMode: which packages of the restore graph the audit checks.</summary>
public enum AuditMode
{
    /// <summary>Every package, direct and transitive (the default).</summary>
    All,

    /// <summary>Only the packages the project references itself.</summary>
    Direct,
}

/// <summary>The advisory settings besides the audit level, read from their MSBuild properties (or CLI options).</summary>
public static class AuditSettings
{
    public const string ModeProperty = "SecureDevAuditMode";
    public const string MaxAgeProperty = "SecureDevAdvisoryMaxAgeDays";
    public const string PackageSourcesProperty = "SecureDevAuditPackageSources";
    public const int DefaultMaxAgeDays = 7;

    public static AuditMode? ParseMode(string? value, ICollection<BuildMessage> messages, string? file = null)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "all":
                return AuditMode.All;
            case "direct":
                return AuditMode.Direct;
            default:
                messages.Add(BuildRules.InvalidAuditMode.At(
                    file,
                    $"{ModeProperty} is '{value}', which is not 'all' or 'direct'. Use <{ModeProperty}>all</{ModeProperty}> to check transitive packages too (the default), or 'direct' for the project's own references only."));
                return null;
        }
    }

    /// <summary>Days; 0 turns the freshness check off.</summary>
    public static int? ParseMaxAgeDays(string? value, ICollection<BuildMessage> messages, string? file = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultMaxAgeDays;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            return days;
        }

        messages.Add(BuildRules.InvalidAdvisoryMaxAge.At(
            file,
            $"{MaxAgeProperty} is '{value}', which is not a whole number of days. Set it to the age advisory data may have, for example <{MaxAgeProperty}>{DefaultMaxAgeDays}</{MaxAgeProperty}>, or 0 to turn the check off."));
        return null;
    }

    public static bool? ParseSwitch(string property, string? value, bool defaultValue, ICollection<BuildMessage> messages, string? file = null)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "":
                return defaultValue;
            case "true":
                return true;
            case "false":
                return false;
            default:
                messages.Add(BuildRules.InvalidAdvisorySource.At(file, $"{property} is '{value}', which is not true or false."));
                return null;
        }
    }
}
