using System.Globalization;
using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SecureDev.Core.Advisories;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Policy;
using SecureDev.Core.Sbom;

namespace SecureDev.Benchmarks;

/// <summary>
/// The audit the build runs on every build: load an advisory set the size of the GitHub Advisory Database's NuGet part
/// (generated: 6,000 OSV records in its directory layout, and the same records as an osv.dev-style zip) and match a BOM
/// of 1,000 components. "Cold" parses every record (no cache, as the first build on a machine); "DiskCache" is a new
/// build process with the snapshot cache on disk; "MemoryCache" is the next project of the same build (MSBuild keeps
/// the task loaded). The FirstCall job runs each case once per fresh process, JIT included, as the first project of a
/// build pays it; the Steady job is the usual BenchmarkDotNet measurement.
/// dotnet run -c Release --project benchmarks/SecureDev.Benchmarks -- bdn --filter '*Advisor*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, id: "FirstCall")]
[SimpleJob(RunStrategy.Throughput, warmupCount: 3, iterationCount: 10, id: "Steady")]
public class AdvisoryAudit
{
    public const int Records = 6_000;
    public const int Components = 1_000;

    private string _root = "";
    private string _directory = "";
    private string _zip = "";
    private AdvisoryCache _cache = null!;
    private Bom _bom = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "securedev-bench-advisories");
        _directory = Path.Combine(_root, "advisory-database");
        _zip = Path.Combine(_root, "NuGet-all.zip");
        if (!Directory.Exists(_directory) || Directory.GetFiles(_directory, "*.json", SearchOption.AllDirectories).Length != Records)
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }

            AdvisorySet.Write(_directory, _zip, Records);
        }

        _bom = AdvisorySet.Bom(Components);
        _cache = new AdvisoryCache(Path.Combine(_root, "cache"));
        Audit(new OsvDirectorySource(_directory, cache: _cache), new OsvZipSource(_zip, cache: _cache));
    }

    [IterationSetup(Targets = new[] { nameof(DiskCache), nameof(DiskCacheZip) })]
    public void ForgetMemory() => AdvisoryCache.ClearMemory();

    /// <summary>The first build on a machine: every record of the directory is read and parsed.</summary>
    [Benchmark(Baseline = true)]
    public int Cold() => Audit(new OsvDirectorySource(_directory));

    [Benchmark]
    public int ColdZip() => Audit(new OsvZipSource(_zip));

    /// <summary>The next build (a new process): the directory is listed, its snapshot found in the cache on disk.</summary>
    [Benchmark]
    public int DiskCache() => Audit(new OsvDirectorySource(_directory, cache: _cache));

    /// <summary>The next build with the zip: its SHA-256 is the snapshot, found in the cache on disk.</summary>
    [Benchmark]
    public int DiskCacheZip() => Audit(new OsvZipSource(_zip, cache: _cache));

    /// <summary>The next project of the same build: the snapshot is in memory and the directory's listing is shared.</summary>
    [Benchmark]
    public int MemoryCache() => Audit(new OsvDirectorySource(_directory, cache: _cache));

    private int Audit(params IAdvisorySource[] sources)
    {
        var messages = new List<BuildMessage>();
        var result = Auditor.Audit(_bom, sources, new AuditOptions { Level = AdvisorySeverity.High, Mode = AuditMode.All, MaxAgeDays = 0 }, messages);
        if (!result.Checked || result.ComponentsChecked != Components || result.Findings.Count == 0)
        {
            throw new InvalidOperationException($"the audit did not run as measured: {result.ComponentsChecked} components, {result.Findings.Count} findings");
        }

        return result.Findings.Count;
    }
}

/// <summary>A synthetic advisory set with the shapes of the GitHub Advisory Database's NuGet records (fixed seed: the same every run).</summary>
public static class AdvisorySet
{
    private const string GhsaAlphabet = "23456789cfghjmpqrvwx";
    public const int Packages = 2_000;

    public static string PackageName(int i) => $"Contoso{i % 97}.Industrial{i / 97}.Driver{i}";

    public static void Write(string directory, string zip, int records)
    {
        var random = new Random(62443);
        Directory.CreateDirectory(directory);
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < records; r++)
        {
            string id;
            do
            {
                id = "GHSA-" + string.Join("-", Enumerable.Range(0, 3).Select(_ => new string(Enumerable.Range(0, 4).Select(_ => GhsaAlphabet[random.Next(GhsaAlphabet.Length)]).ToArray())));
            }
            while (!ids.Add(id));

            var published = new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(0, 2600)).AddSeconds(random.Next(86400));
            var json = Record(random, id, published);
            var path = Path.Combine(directory, "github-reviewed", published.Year.ToString("0000", CultureInfo.InvariantCulture), published.Month.ToString("00", CultureInfo.InvariantCulture), id, id + ".json");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, json);
            using var writer = new StreamWriter(archive.CreateEntry(id + ".json").Open());
            writer.Write(json);
        }
    }

    private static string Record(Random random, string id, DateTimeOffset published)
    {
        static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var modified = published.AddDays(random.Next(0, 400));
        var severity = new[] { "LOW", "MODERATE", "HIGH", "CRITICAL" }[random.Next(4)];
        var affected = new List<string>();
        var package = random.Next(Packages);
        for (var a = random.Next(1, 4); a > 0; a--)
        {
            // One package in several version branches (most common), sometimes a second package.
            if (random.Next(5) == 0)
            {
                package = random.Next(Packages);
            }

            var major = random.Next(1, 9);
            var introduced = random.Next(3) == 0 ? "0" : $"{major}.0.0";
            var end = random.Next(7) == 0 ? $"\"last_affected\": \"{major}.{random.Next(1, 9)}.{random.Next(10)}\"" : $"\"fixed\": \"{major}.{random.Next(1, 9)}.{random.Next(10)}\"";
            var versions = random.Next(10) == 0
                ? ", \"versions\": [" + string.Join(", ", Enumerable.Range(0, random.Next(3, 6)).Select(v => $"\"{major}.0.{v}\"")) + "]"
                : "";
            affected.Add($$"""
                    {
                      "package": { "ecosystem": "NuGet", "name": "{{PackageName(package)}}" },
                      "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "{{introduced}}" }, { {{end}} } ] } ]{{versions}},
                      "database_specific": { "source": "https://github.com/advisories/{{id}}" }
                    }
                """);
        }

        var cve = $"CVE-{published.Year}-{random.Next(1000, 60000)}";
        var details = new StringBuilder();
        for (var d = random.Next(4, 12); d > 0; d--)
        {
            details.Append("An attacker on the plant network can send a crafted frame that the driver parses without checking its length field, which leads to an out-of-bounds read. ");
        }

        var vector = random.Next(3) == 0 ? "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N" : "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
        return $$"""
            {
              "schema_version": "1.4.0",
              "id": "{{id}}",
              "modified": "{{Time(modified)}}",
              "published": "{{Time(published)}}",
              "aliases": [ "{{cve}}" ],
              "summary": "Out-of-bounds read in the frame parser of {{PackageName(package)}}",
              "details": "{{details}}",
              "severity": [ { "type": "{{(vector.StartsWith("CVSS:4", StringComparison.Ordinal) ? "CVSS_V4" : "CVSS_V3")}}", "score": "{{vector}}" } ],
              "affected": [
            {{string.Join(",\n", affected)}}
              ],
              "references": [
                { "type": "ADVISORY", "url": "https://nvd.nist.gov/vuln/detail/{{cve}}" },
                { "type": "WEB", "url": "https://github.com/contoso/drivers/security/advisories/{{id}}" },
                { "type": "PACKAGE", "url": "https://github.com/contoso/drivers" }
              ],
              "database_specific": { "cwe_ids": [ "CWE-125" ], "severity": "{{severity}}", "github_reviewed": true, "github_reviewed_at": "{{Time(published)}}", "nvd_published_at": null }
            }
            """;
    }

    /// <summary>A BOM of <paramref name="count"/> packages, some at affected versions, under a project with 50 direct references.</summary>
    public static Bom Bom(int count)
    {
        var random = new Random(4711);
        var components = Enumerable.Range(0, count)
            .Select(i =>
            {
                var name = PackageName(random.Next(Packages));
                var version = $"{random.Next(1, 9)}.{random.Next(0, 9)}.{random.Next(0, 10)}";
                return new Component { Name = name, Version = version, BomRef = Purl.NuGet(name, version) + "#" + i, Purl = Purl.NuGet(name, version) };
            })
            .ToList();
        var dependencies = new List<Dependency> { new() { Ref = "project:Plant", DependsOn = components.Take(50).Select(c => c.BomRef!).ToList() } };
        for (var i = 50; i < count; i++)
        {
            dependencies.Add(new Dependency { Ref = components[random.Next(i)].BomRef!, DependsOn = new() { components[i].BomRef! } });
        }

        return new Bom
        {
            Metadata = new BomMetadata { Component = new Component { Type = "application", Name = "Plant", BomRef = "project:Plant" } },
            Components = components,
            Dependencies = dependencies.GroupBy(d => d.Ref).Select(g => new Dependency { Ref = g.Key, DependsOn = g.SelectMany(d => d.DependsOn!).ToList() }).ToList(),
        };
    }
}
