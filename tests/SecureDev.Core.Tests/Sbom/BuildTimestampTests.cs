using SecureDev.Core.Sbom;
using Xunit;

namespace SecureDev.Core.Tests.Sbom;

public class BuildTimestampTests
{
    [Fact]
    public void SOURCE_DATE_EPOCH_wins() =>
        Assert.Equal(
            DateTimeOffset.FromUnixTimeSeconds(1_600_000_000),
            BuildTimestamp.Resolve(AppContext.BaseDirectory, name => name == "SOURCE_DATE_EPOCH" ? "1600000000" : null));

    [Fact]
    public void Without_it_the_commit_time_of_the_sources_is_used()
    {
        var commit = Git.Run(AppContext.BaseDirectory, "log", "-1", "--format=%ct");
        Assert.True(commit is not null, "the tests run from a git checkout of SecureDev");
        Assert.Equal(
            DateTimeOffset.FromUnixTimeSeconds(long.Parse(commit!.Trim())),
            BuildTimestamp.Resolve(AppContext.BaseDirectory, _ => null));
    }

    [Fact]
    public void Outside_a_repository_it_is_now()
    {
        using var directory = Fixture.TemporaryDirectory();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var time = BuildTimestamp.Resolve(directory.Path, _ => null);
        Assert.InRange(time, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public void It_is_written_in_utc_to_the_second() =>
        Assert.Equal("2020-09-13T12:26:40Z", BuildTimestamp.Format(DateTimeOffset.FromUnixTimeSeconds(1_600_000_000).ToOffset(TimeSpan.FromHours(2))));
}
