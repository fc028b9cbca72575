using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Policy;
using SecureDev.Tests;
using Xunit;

namespace SecureDev.Build.Tests.Documentation;

/// <summary>The README's reference parts are checked against the package, so they cannot drift from it.</summary>
public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Repository.Path("README.md"));

    [Fact]
    public void The_property_table_names_every_setting_of_the_package_and_its_default()
    {
        var props = XDocument.Load(Repository.Path("src", "SecureDev.Package", "build", "SecureDev.props"));
        var settings = props.Descendants()
            .Where(e => e.Name.LocalName.StartsWith("SecureDev", StringComparison.Ordinal) && e.Parent?.Name.LocalName == "PropertyGroup")
            .ToDictionary(e => e.Name.LocalName, e => e.Value.Trim());
        var table = Section("properties");
        var rows = Regex.Matches(table, @"^\| `(?<name>SecureDev\w+)` \| (?<default>[^|]+) \|", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["default"].Value.Trim());

        Assert.Equal(settings.Keys.Order(), rows.Keys.Order());
        foreach (var (name, value) in settings)
        {
            // A default written in the props is quoted as code; an empty one is described in words.
            Assert.True(value.Length == 0 ? !rows[name].StartsWith('`') : rows[name] == $"`{value}`", $"{name}: the README says {rows[name]}, SecureDev.props '{value}'");
        }
    }

    [Fact]
    public void The_suppressions_example_is_a_valid_suppressions_file()
    {
        var example = Regex.Match(Readme, @"<!-- suppressions-example[^>]*-->\s*```json\n(?<json>.*?)```", RegexOptions.Singleline);
        Assert.True(example.Success, "the README has no suppressions example");
        var messages = new List<BuildMessage>();
        var file = SuppressionFile.Parse("README.md", Encoding.UTF8.GetBytes(example.Groups["json"].Value), messages);

        Assert.Empty(messages);
        var entry = Assert.Single(file!.Entries);
        Assert.Equal("not_affected", entry.State);
        Assert.Equal("code_not_reachable", entry.Justification);
    }

    private static string Section(string name)
    {
        var match = Regex.Match(Readme, $@"<!-- {name}:begin[^>]*-->(?<body>.*?)<!-- {name}:end -->", RegexOptions.Singleline);
        Assert.True(match.Success, $"the README has no {name} section");
        return match.Groups["body"].Value;
    }
}
