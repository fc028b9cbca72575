using SecureDev.Core.Diagnostics;
using SecureDev.Core.Sbom;
using Xunit;

namespace SecureDev.Core.Tests.Sbom;

/// <summary>
/// Licenses, supplier, description and project URL from the nuspec in the package folder, each way a package can
/// declare its license; and what the SBOM says when the package or its nuspec is not there.
/// </summary>
public sealed class PackageMetadataTests : IDisposable
{
    private const string Raw = "raw:";

    private readonly TemporaryDirectory _folder = Fixture.TemporaryDirectory();

    public void Dispose() => _folder.Dispose();

    /// <summary>Writes the multi-target fixture's packages into a package folder with the given nuspec metadata.</summary>
    private PackageFolders Folder(Func<string, string?> metadataOf)
    {
        foreach (var (id, version) in new[]
                 {
                     ("Newtonsoft.Json", "12.0.1"), ("Newtonsoft.Json", "13.0.3"), ("Microsoft.CodeAnalysis.Analyzers", "3.3.4"), ("Microsoft.Data.Sqlite", "8.0.30"),
                     ("Microsoft.Data.Sqlite.Core", "8.0.30"), ("SourceGear.sqlite3", "3.50.4.5"), ("SQLitePCLRaw.bundle_e_sqlite3", "3.0.3"),
                     ("SQLitePCLRaw.config.e_sqlite3", "3.0.3"), ("SQLitePCLRaw.core", "3.0.3"), ("SQLitePCLRaw.provider.e_sqlite3", "3.0.3"),
                 })
        {
            var inner = metadataOf(id);
            if (inner is null)
            {
                continue;
            }

            var directory = Path.Combine(_folder.Path, id.ToLowerInvariant(), version);
            Directory.CreateDirectory(directory);
            // "raw:" gives the whole file (to damage it); anything else is the metadata of a well-formed nuspec.
            File.WriteAllText(Path.Combine(directory, id.ToLowerInvariant() + ".nuspec"), inner.StartsWith(Raw, StringComparison.Ordinal)
                ? inner[Raw.Length..]
                : $"""
                  <?xml version="1.0" encoding="utf-8"?>
                  <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                    <metadata>
                      <id>{id}</id>
                      <version>{version}</version>
                      {inner}
                    </metadata>
                  </package>
                  """);
        }

        return new PackageFolders(new[] { _folder.Path }, "obj/project.assets.json");
    }

    private static Component Component(Bom bom, string name) => Assert.Single(bom.Components!, c => c.Name == name);

    private static string? Property(Component component, string name) => component.Properties?.SingleOrDefault(p => p.Name == name)?.Value;

    [Fact]
    public void Authors_become_the_supplier_with_description_and_project_url()
    {
        var folders = Folder(id => "<authors>James Newton-King</authors><description>Json.NET is a popular high-performance JSON framework for .NET</description><projectUrl>https://www.newtonsoft.com/json</projectUrl><license type=\"expression\">MIT</license><licenseUrl>https://licenses.nuget.org/MIT</licenseUrl>");
        var json = Component(BomBuilderTests.Build("multi-target", "net8.0", folders: folders), "Newtonsoft.Json");
        Assert.Equal("James Newton-King", json.Supplier!.Name);
        Assert.Equal("Json.NET is a popular high-performance JSON framework for .NET", json.Description);
        Assert.Contains(json.ExternalReferences!, r => r.Type == "website" && r.Url == "https://www.newtonsoft.com/json");
        Assert.Equal("MIT", Assert.Single(json.Licenses!).License!.Id);
        Assert.Equal("expression", Property(json, BomBuilder.LicenseSourceProperty));
    }

    [Fact]
    public void A_compound_spdx_expression_stays_an_expression()
    {
        var folders = Folder(id => "<license type=\"expression\">Apache-2.0 OR MIT</license>");
        var license = Assert.Single(Component(BomBuilderTests.Build("multi-target", "net8.0", folders: folders), "Newtonsoft.Json").Licenses!);
        Assert.Null(license.License);
        Assert.Equal("Apache-2.0 OR MIT", license.Expression);
    }

    [Fact]
    public void A_license_file_is_named_as_the_file_in_the_package()
    {
        var folders = Folder(id => "<license type=\"file\">LICENSE.txt</license><licenseUrl>https://aka.ms/deprecateLicenseUrl</licenseUrl>");
        var component = Component(BomBuilderTests.Build("multi-target", "net8.0", folders: folders), "Newtonsoft.Json");
        Assert.Equal("License file 'LICENSE.txt' in the package", Assert.Single(component.Licenses!).License!.Name);
        Assert.Equal("file", Property(component, BomBuilder.LicenseSourceProperty));
        Assert.Null(component.ExternalReferences);
    }

    [Fact]
    public void A_license_url_alone_is_kept_and_marked_as_not_verified()
    {
        var folders = Folder(id => "<licenseUrl>https://raw.github.com/JamesNK/Newtonsoft.Json/master/LICENSE.md</licenseUrl>");
        var component = Component(BomBuilderTests.Build("multi-target", "net8.0", folders: folders), "Newtonsoft.Json");
        var license = Assert.Single(component.Licenses!).License!;
        Assert.Equal("Declared by URL only (not verified)", license.Name);
        Assert.Equal("https://raw.github.com/JamesNK/Newtonsoft.Json/master/LICENSE.md", license.Url);
        Assert.Equal("url", Property(component, BomBuilder.LicenseSourceProperty));
    }

    [Fact]
    public void No_license_declared_is_said_as_none()
    {
        var folders = Folder(id => "<authors>Contoso</authors>");
        var component = Component(BomBuilderTests.Build("multi-target", "net8.0", folders: folders), "Newtonsoft.Json");
        Assert.Null(component.Licenses);
        Assert.Equal("none", Property(component, BomBuilder.LicenseSourceProperty));
    }

    [Fact]
    public void A_development_dependency_and_what_only_it_brings_are_excluded()
    {
        // Pretend the project's Newtonsoft.Json reference were a development dependency (like a source generator package).
        var folders = Folder(id => id == "Newtonsoft.Json" ? "<developmentDependency>true</developmentDependency>" : "<authors>x</authors>");
        var component = Component(BomBuilderTests.Build("multi-target", "net8.0", folders: folders), "Newtonsoft.Json");
        Assert.Equal("excluded", component.Scope);
        Assert.Equal("developmentDependency package", Property(component, BomBuilder.ScopeReasonProperty));
    }

    [Fact]
    public void A_package_missing_from_the_package_folder_is_SD9021_and_recorded_as_unknown_not_a_crash()
    {
        var messages = new List<BuildMessage>();
        var folders = Folder(id => id == "Newtonsoft.Json" ? null : "<authors>x</authors>");
        var bom = BomBuilderTests.Build("multi-target", "net8.0", folders: folders, messages: messages);

        var component = Component(bom, "Newtonsoft.Json");
        Assert.Null(component.Licenses);
        Assert.Null(component.Supplier);
        Assert.Equal("unknown", Property(component, BomBuilder.LicenseSourceProperty));
        Assert.Single(component.Hashes!);
        var warning = Fixture.Single(messages, BuildRules.PackageNotInFolder);
        Assert.Equal(BuildSeverity.Warning, warning.Severity);
        Assert.Contains("Newtonsoft.Json 12.0.1", warning.Text);
        Assert.Contains(_folder.Path, warning.Text);
        Assert.Contains("dotnet restore", warning.Text);
    }

    [Fact]
    public void A_corrupt_nuspec_is_SD9024_and_recorded_as_unknown()
    {
        var messages = new List<BuildMessage>();
        var folders = Folder(id => id == "Newtonsoft.Json" ? Raw + "<package><metadata><id>Newtonsoft.Json</id" : "<authors>x</authors>");
        var component = Component(BomBuilderTests.Build("multi-target", "net8.0", folders: folders, messages: messages), "Newtonsoft.Json");
        Assert.Equal("unknown", Property(component, BomBuilder.LicenseSourceProperty));
        Assert.Contains("newtonsoft.json.nuspec", Fixture.Single(messages, BuildRules.PackageMetadataUnreadable).Text);
    }

    [Fact]
    public void A_package_without_a_hash_in_the_restore_result_is_SD9023_and_recorded_as_unknown()
    {
        using var directory = Fixture.TemporaryDirectory();
        var assets = directory.File("project.assets.json");
        File.WriteAllText(assets, File.ReadAllText(Fixture.Assets("plcgateway")).Replace("\"sha512\":", "\"sha512-removed\":", StringComparison.Ordinal));
        var messages = new List<BuildMessage>();
        var lockFile = AssetsFile.Read(assets, messages)!;
        var bom = BomBuilder.Build(RestoreGraph.Select(lockFile, null, null, assets, messages)!, new ProjectIdentity("PlcGateway", "2.3.0"), DateTimeOffset.UnixEpoch, null, messages);

        var json = Component(bom, "Newtonsoft.Json");
        Assert.Null(json.Hashes);
        Assert.StartsWith("unknown", Property(json, BomBuilder.HashProperty));
        Assert.Contains(messages, m => m.Rule == BuildRules.PackageHashMissing && m.Text.Contains("Newtonsoft.Json 12.0.1", StringComparison.Ordinal));
    }

    [Fact]
    public void Dependencies_the_sdk_pruned_for_the_framework_are_named_on_the_package_not_listed_as_components()
    {
        // On .NET 10 the SDK prunes System.Memory (the framework provides it): restore drops it from the graph and from
        // the package's dependency list in the assets file; the nuspec still declares it.
        var folders = Folder(id => id == "Newtonsoft.Json"
            ? "<dependencies><group targetFramework=\".NETStandard2.0\"><dependency id=\"System.Memory\" version=\"4.5.5\" /><dependency id=\"Contoso.NotPruned\" version=\"1.0.0\" /></group></dependencies>"
            : "<authors>x</authors>");
        var bom = BomBuilderTests.Build("multi-target", "net10.0", folders: folders);
        Assert.Equal("System.Memory", Property(Component(bom, "Newtonsoft.Json"), BomBuilder.PrunedProperty));
        Assert.DoesNotContain(bom.Components!, c => c.Name == "System.Memory");
        Assert.Null(Property(Component(bom, "Microsoft.Data.Sqlite"), BomBuilder.PrunedProperty));
    }
}
