using SecureDev.Core.Advisories;
using SecureDev.Core.Diagnostics;

namespace SecureDev.Core.Policy;

/// <summary>
/// SecureDevAuditLevel: the advisory severity from which a vulnerable dependency fails the build. Findings below it are
/// warnings, so they stay visible without blocking.
/// </summary>
public static class AuditLevel
{
    public const string PropertyName = "SecureDevAuditLevel";
    public const AdvisorySeverity Default = AdvisorySeverity.High;

    public static AdvisorySeverity? Parse(string? value, ICollection<BuildMessage> messages, string? file = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Default;
        }

        var level = value.Trim().ToLowerInvariant() switch
        {
            "low" => AdvisorySeverity.Low,
            "moderate" => AdvisorySeverity.Moderate,
            "high" => AdvisorySeverity.High,
            "critical" => AdvisorySeverity.Critical,
            _ => (AdvisorySeverity?)null,
        };
        if (level is null)
        {
            messages.Add(BuildRules.InvalidSetting.At(
                file,
                $"{PropertyName} is '{value}', which is not one of low, moderate, high or critical. Set it to the lowest advisory severity that must fail the build, for example <{PropertyName}>high</{PropertyName}>."));
        }

        return level;
    }
}
