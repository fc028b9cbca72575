using SecureDev.Core.Advisories;
using Xunit;

namespace SecureDev.Core.Tests.Advisories;

public class CvssV3Tests
{
    // Scores as NVD's CVSS v3.1 calculator gives them for these vectors.
    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8)]
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:N", 8.7)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5)]
    [InlineData("CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N", 3.3)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N", 5.4)]
    [InlineData("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N", 0.0)]
    public void Base_score_matches_the_specification(string vector, double expected)
    {
        Assert.True(CvssV3.TryBaseScore(vector, out var score));
        Assert.Equal(expected, score);
    }

    [Theory]
    [InlineData("CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P")]
    [InlineData("CVSS:3.1/AV:N/AC:L")]
    [InlineData("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]
    public void Other_vectors_are_not_scored(string vector) => Assert.False(CvssV3.TryBaseScore(vector, out _));

    [Theory]
    [InlineData(9.8, AdvisorySeverity.Critical)]
    [InlineData(8.7, AdvisorySeverity.High)]
    [InlineData(5.4, AdvisorySeverity.Moderate)]
    [InlineData(3.3, AdvisorySeverity.Low)]
    [InlineData(0.0, AdvisorySeverity.Unknown)]
    public void Scores_map_to_the_qualitative_ratings(double score, AdvisorySeverity severity) =>
        Assert.Equal(severity, AdvisorySeveritySupport.FromScore(score));
}
