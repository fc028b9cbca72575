using SecureDev.Core.Projects;
using Xunit;

namespace SecureDev.Core.Tests.Projects;

public class ProjectSetTests
{
    private static TemporaryDirectory Solution()
    {
        var directory = Fixture.TemporaryDirectory();
        Write(directory, "src/Gateway/Gateway.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        Write(directory, "tests/Gateway.Tests/Gateway.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"Microsoft.NET.Test.Sdk\" /></ItemGroup></Project>");
        Write(directory, "src/Gateway/obj/stale/Copy.csproj", "<Project />");
        Write(directory, "Plant.sln", """
            Microsoft Visual Studio Solution File, Format Version 12.00
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Gateway", "src\Gateway\Gateway.csproj", "{11111111-1111-1111-1111-111111111111}"
            EndProject
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Gateway.Tests", "tests\Gateway.Tests\Gateway.Tests.csproj", "{22222222-2222-2222-2222-222222222222}"
            EndProject
            Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "docs", "docs", "{33333333-3333-3333-3333-333333333333}"
            EndProject
            """);
        Write(directory, "Plant.slnx", """<Solution><Folder Name="/src/"><Project Path="src/Gateway/Gateway.csproj" /></Folder><Project Path="tests\Gateway.Tests\Gateway.Tests.csproj" /></Solution>""");
        return directory;
    }

    private static void Write(TemporaryDirectory directory, string relative, string text)
    {
        var path = directory.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Theory]
    [InlineData("Plant.sln")]
    [InlineData("Plant.slnx")]
    [InlineData("")]
    public void Finds_the_projects_and_tells_test_projects_apart(string entry)
    {
        using var solution = Solution();
        var projects = ProjectSet.Discover(entry.Length == 0 ? solution.Path : solution.File(entry));
        Assert.Equal(new[] { "Gateway", "Gateway.Tests" }, projects.Select(p => p.Name));
        Assert.False(projects[0].IsTest);
        Assert.True(projects[1].IsTest);
    }

    [Fact]
    public void Finds_the_evidence_folders_of_a_project()
    {
        using var solution = Solution();
        Write(solution, "src/Gateway/bin/securedev/Release/net10.0/manifest.json", "{}");
        Write(solution, "src/Gateway/bin/securedev/Debug/net10.0/manifest.json", "{}");
        var gateway = ProjectSet.Discover(solution.File("src/Gateway/Gateway.csproj")).Single();
        Assert.Equal(2, gateway.EvidenceFolders().Count);
        Assert.EndsWith(Path.Combine("Release", "net10.0"), Assert.Single(gateway.EvidenceFolders("Release")));
    }

    [Fact]
    public void Anything_else_is_a_clear_error() =>
        Assert.Contains("is not a solution", Assert.Throws<FileNotFoundException>(() => ProjectSet.Discover("/nonexistent/Plant.sln")).Message);
}
