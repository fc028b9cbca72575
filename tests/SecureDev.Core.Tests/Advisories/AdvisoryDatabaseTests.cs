using NuGet.Versioning;
using SecureDev.Core.Advisories;
using Xunit;

namespace SecureDev.Core.Tests.Advisories;

/// <summary>Several sources at once: one advisory under its GHSA id, its CVE alias, or both, counts once and loses no package.</summary>
public class AdvisoryDatabaseTests
{
    private static Advisory Record(string id, string[] aliases, string source, DateTimeOffset? modified, params string[] packages) => new(
        id,
        aliases,
        $"{id} from {source}",
        modified,
        null,
        AdvisorySeverity.High,
        "test",
        null,
        null,
        Array.Empty<int>(),
        packages.Select(p => new AffectedPackage(p, new[] { new AffectedRange(new[] { new RangeEvent(RangeEventKind.Introduced, null), new RangeEvent(RangeEventKind.Fixed, NuGetVersion.Parse("2.0.0")) }) }, Array.Empty<NuGetVersion>())).ToArray(),
        null,
        source);

    [Fact]
    public void Records_sharing_an_id_or_alias_are_merged_and_the_newest_speaks()
    {
        var database = new AdvisoryDatabase(new[]
        {
            Record("GHSA-aaaa-bbbb-cccc", new[] { "CVE-2025-0001" }, "github", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), "Contoso.Modbus"),
            Record("CVE-2025-0001", Array.Empty<string>(), "vendor", new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), "Contoso.Modbus"),
            Record("GHSA-aaaa-bbbb-cccc", Array.Empty<string>(), "osv.dev", null, "Contoso.Modbus"),
            Record("GHSA-dddd-eeee-ffff", Array.Empty<string>(), "github", null, "Contoso.Opc"),
        });

        Assert.Equal(2, database.Count);
        Assert.Equal(2, database.Duplicates);
        var merged = Assert.Single(database.For("contoso.modbus")).Advisory;
        Assert.Equal("CVE-2025-0001", merged.Id);
        Assert.Equal("vendor", merged.Source);
        Assert.Equal(new[] { "GHSA-aaaa-bbbb-cccc" }, merged.Aliases);
        Assert.Equal(new[] { "github", "osv.dev" }, merged.AlsoIn);
        Assert.True(merged.IsKnownAs("ghsa-aaaa-bbbb-cccc"));
    }

    [Fact]
    public void A_package_only_one_of_the_duplicates_names_is_kept()
    {
        var database = new AdvisoryDatabase(new[]
        {
            Record("GHSA-aaaa-bbbb-cccc", new[] { "CVE-2024-0056" }, "github", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), "Microsoft.Data.SqlClient"),
            Record("GHSA-zzzz-yyyy-xxxx", new[] { "CVE-2024-0056" }, "github", null, "System.Data.SqlClient"),
        });

        Assert.Equal(1, database.Count);
        Assert.Same(database.For("Microsoft.Data.SqlClient").Single().Advisory, database.For("System.Data.SqlClient").Single().Advisory);
    }

    [Fact]
    public void Two_copies_of_the_github_database_give_the_same_findings_as_one()
    {
        var one = new OsvDirectorySource(Fixture.AdvisoryDatabase, "a").Load(new List<SecureDev.Core.Diagnostics.BuildMessage>()).Advisories;
        var two = new OsvDirectorySource(Fixture.AdvisoryDatabase, "b").Load(new List<SecureDev.Core.Diagnostics.BuildMessage>()).Advisories;
        var database = new AdvisoryDatabase(one.Concat(two));
        Assert.Equal(4, database.Count);
        Assert.Equal(4, database.Duplicates);
        Assert.All(database.Advisories, a => Assert.Equal("a b", a.Source + " " + string.Join(" ", a.AlsoIn)));
    }
}
