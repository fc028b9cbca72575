using Xunit;

namespace SecureDev.Build.Tests.EndToEnd;

/// <summary>The audit gate and its bad-input messages, in real builds of the sample with properties set on the command line.</summary>
[Collection(EndToEndCollection.Name)]
public class AuditPolicyTests
{
    [Fact]
    public void Below_the_advisory_severity_the_build_passes_with_a_warning_and_an_up_to_date_build_still_gates()
    {
        var workspace = SampleWorkspace.Create("audit-moderate");
        var passing = workspace.Build("PlcGateway/PlcGateway.csproj", "SecureDevAuditLevel=moderate");
        Assert.True(passing.Succeeded, passing.ToString());
        Assert.Equal("warning", Assert.Single(passing.Of("SD9001")).Severity);

        var bom = workspace.Path("PlcGateway", "obj", "Debug", "net10.0", "securedev", "bom.cdx.json");
        var written = File.GetLastWriteTimeUtc(bom);

        // Nothing changed but the policy: the SBOM is up to date and not rewritten, the gate runs again and fails.
        var failing = workspace.Build("PlcGateway/PlcGateway.csproj", "SecureDevAuditLevel=low");
        Assert.False(failing.Succeeded, failing.ToString());
        Assert.Equal("error", Assert.Single(failing.Of("SD9001")).Severity);
        Assert.Equal(written, File.GetLastWriteTimeUtc(bom));
    }

    [Fact]
    public void Bad_settings_and_missing_advisory_data_are_said_clearly()
    {
        var workspace = SampleWorkspace.Create("audit-bad-input");

        var unknownLevel = workspace.Build("PlcGateway/PlcGateway.csproj", "SecureDevAuditLevel=hihg");
        Assert.False(unknownLevel.Succeeded);
        var invalid = Assert.Single(unknownLevel.Of("SD9050"));
        Assert.Contains("SecureDevAuditLevel is 'hihg'", invalid.Message);
        Assert.DoesNotContain("   at ", unknownLevel.Output);

        var missing = workspace.Build("PlcGateway/PlcGateway.csproj", "SecureDevAdvisorySources=/nonexistent/advisory-database");
        Assert.True(missing.Succeeded, missing.ToString());
        Assert.Contains("/nonexistent/advisory-database", Assert.Single(missing.Of("SD9012")).Message);
        Assert.Contains("NOT checked", Assert.Single(missing.Of("SD9010")).Message);
        Assert.Empty(missing.Of("SD9001"));

        var none = workspace.Build("PlcGateway/PlcGateway.csproj", "SecureDevAdvisorySources=");
        Assert.True(none.Succeeded, none.ToString());
        Assert.Contains("No advisory source is configured", Assert.Single(none.Of("SD9010")).Message);
    }
}
