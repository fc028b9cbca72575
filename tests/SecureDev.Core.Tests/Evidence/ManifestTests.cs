using SecureDev.Core.Evidence;
using Xunit;

namespace SecureDev.Core.Tests.Evidence;

public class ManifestTests
{
    private static TemporaryDirectory Folder()
    {
        var directory = Fixture.TemporaryDirectory();
        File.WriteAllText(directory.File("bom.cdx.json"), "{}\n");
        Directory.CreateDirectory(directory.File("sub"));
        File.WriteAllText(directory.File("sub/audit.json"), "{ \"checked\": true }\n");
        Manifest.Write(directory.Path);
        return directory;
    }

    [Fact]
    public void An_intact_folder_verifies()
    {
        using var folder = Folder();
        Assert.Empty(Manifest.Verify(folder.Path));
        var text = File.ReadAllText(folder.File(Manifest.FileName));
        Assert.Contains("\"path\": \"sub/audit.json\"", text);
        Assert.Contains("\"sha256\": \"73850c52f8a32993b1893238ae6332b1d2b81a31decc73bedfb251173d3f37e8\"", text);
    }

    [Fact]
    public void A_changed_file_is_detected()
    {
        using var folder = Folder();
        File.AppendAllText(folder.File("sub/audit.json"), " ");
        Assert.Equal(new[] { "changed: sub/audit.json" }, Manifest.Verify(folder.Path));
    }

    [Fact]
    public void A_missing_file_is_detected()
    {
        using var folder = Folder();
        File.Delete(folder.File("bom.cdx.json"));
        Assert.Equal(new[] { "missing: bom.cdx.json" }, Manifest.Verify(folder.Path));
    }

    [Fact]
    public void An_extra_file_is_detected_even_a_hidden_one()
    {
        using var folder = Folder();
        File.WriteAllText(folder.File(".extra"), "x");
        Assert.Equal(new[] { "extra: .extra" }, Manifest.Verify(folder.Path));
    }

    [Fact]
    public void A_missing_or_corrupt_manifest_is_reported()
    {
        using var folder = Folder();
        File.WriteAllText(folder.File(Manifest.FileName), "{ \"files\": [ ");
        Assert.Contains("cannot be read", Assert.Single(Manifest.Verify(folder.Path)));
        File.Delete(folder.File(Manifest.FileName));
        Assert.Equal(new[] { "manifest.json is missing" }, Manifest.Verify(folder.Path));
    }

    [Fact]
    public void The_evidence_folder_is_replaced_as_a_whole_and_hashes_the_outputs()
    {
        using var work = Fixture.TemporaryDirectory();
        var record = work.File("record.json");
        File.WriteAllText(record, "{}");
        var output = work.File("out/App.dll");
        Directory.CreateDirectory(work.File("out"));
        File.WriteAllBytes(output, new byte[] { 1, 2, 3 });
        var folder = work.File("evidence");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "stale.json"), "from an earlier build");

        EvidenceFolder.Write(folder, new[] { ("audit.json", record) }, work.File("out"), new[] { output });

        Assert.False(File.Exists(Path.Combine(folder, "stale.json")));
        Assert.Empty(Manifest.Verify(folder));
        Assert.Contains("\"path\": \"App.dll\"", File.ReadAllText(Path.Combine(folder, EvidenceFolder.OutputsFile)));
        Assert.Contains("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", File.ReadAllText(Path.Combine(folder, EvidenceFolder.OutputsFile)));
    }
}
