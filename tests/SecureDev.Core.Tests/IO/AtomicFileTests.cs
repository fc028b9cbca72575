using SecureDev.Core.IO;
using Xunit;

namespace SecureDev.Core.Tests.IO;

public class AtomicFileTests
{
    [Fact]
    public void Writes_through_a_temporary_file_and_leaves_none_behind()
    {
        using var directory = Fixture.TemporaryDirectory();
        var path = directory.File("report.json");
        AtomicFile.WriteAllText(path, "first");
        AtomicFile.WriteAllText(path, "second");
        Assert.Equal("second", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void A_write_that_fails_half_way_keeps_the_previous_file_whole()
    {
        using var directory = Fixture.TemporaryDirectory();
        var path = directory.File("bom.cdx.json");
        AtomicFile.WriteAllText(path, "previous content");

        var failure = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half of the new"u8);
            throw new IOException("No space left on device");
        }));

        Assert.Equal("No space left on device", failure.Message);
        Assert.Equal("previous content", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void A_destination_that_cannot_be_replaced_is_an_error_and_leaves_no_temporary_file()
    {
        using var directory = Fixture.TemporaryDirectory();
        var blocked = directory.File("report.json");
        Directory.CreateDirectory(blocked);
        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(blocked, "new"));
        Assert.Empty(Directory.GetFiles(directory.Path));
    }
}
