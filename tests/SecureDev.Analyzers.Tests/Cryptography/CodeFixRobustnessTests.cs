using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureDev.Analyzers.Cryptography;
using SecureDev.Analyzers.Tests.Harness;
using SecureDev.CodeFixes.Cryptography;
using Xunit;

namespace SecureDev.Analyzers.Tests.Cryptography;

/// <summary>
/// The cryptography fixes on code as it is typed in an IDE: findings next to syntax errors and half-written calls.
/// Offering a fix (or not) and computing its result must not throw.
/// </summary>
public class CodeFixRobustnessTests
{
    private const string IncompleteSource = """
        using System;
        using System.Linq;
        using System.Security.Cryptography;
        class C
        {
            Random r = new();
            RSA A() => RSA.Create(1024)
            RSA B() { var rsa = new RSACryptoServiceProvider() return rsa; }
            byte[] D(string p, byte[] s) { return Rfc2898DeriveBytes.Pbkdf2(p, s, 1000, HashAlgorithmName.SHA1, 32) }
            bool E(byte[] mac, byte[] other) => mac.SequenceEqual(other) && ;
            bool F(byte[] signature, byte[] other) => signature == other || Undefined(signature);
            string G() { var token = r.Next().ToString() return token; }
            void H() { var salt = new byte[16]; r.NextBytes(salt) }
        }
        """;

    public static TheoryData<string> Fixes() => new() { nameof(RsaKeySizeTo3072CodeFix), nameof(Pbkdf2ToCurrentParametersCodeFix), nameof(FixedTimeEqualsCodeFix), nameof(RandomToRandomNumberGeneratorCodeFix) };

    [Theory]
    [MemberData(nameof(Fixes))]
    public async Task Fix_does_not_throw_on_incomplete_code(string fixName)
    {
        var (analyzer, fix) = fixName switch
        {
            nameof(RsaKeySizeTo3072CodeFix) => ((DiagnosticAnalyzer)new ShortAsymmetricKeyAnalyzer(), (CodeFixProvider)new RsaKeySizeTo3072CodeFix()),
            nameof(Pbkdf2ToCurrentParametersCodeFix) => (new WeakKeyDerivationAnalyzer(), new Pbkdf2ToCurrentParametersCodeFix()),
            nameof(FixedTimeEqualsCodeFix) => (new TimingUnsafeComparisonAnalyzer(), new FixedTimeEqualsCodeFix()),
            _ => (new InsecureRandomnessAnalyzer(), new RandomToRandomNumberGeneratorCodeFix()),
        };

        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Incomplete", "Incomplete", LanguageNames.CSharp,
            compilationOptions: TestCompilation.Options, parseOptions: TestCompilation.ParseOptions, metadataReferences: TestReferences.All));
        var document = workspace.AddDocument(project.Id, "Test0.cs", SourceText.From(IncompleteSource));
        var compilation = await document.Project.GetCompilationAsync();
        var diagnostics = await AnalyzerVerifier.RunAsync(compilation!, new[] { analyzer });
        Assert.NotEmpty(diagnostics);

        foreach (var diagnostic in diagnostics.Where(d => fix.FixableDiagnosticIds.Contains(d.Id)))
        {
            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            foreach (var action in actions)
            {
                var operations = await action.GetOperationsAsync(CancellationToken.None);
                Assert.NotEmpty(operations);
            }
        }
    }
}
