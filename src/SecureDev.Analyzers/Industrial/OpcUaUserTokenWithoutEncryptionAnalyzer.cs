using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;
using static SecureDev.Analyzers.Industrial.IndustrialTypes;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// A UserTokenPolicy for a token that carries a secret (UserName, IssuedToken) whose SecurityPolicyUri is
/// SecurityPolicies.None, in code (the token type from the constructor or the initializer, the policy in the
/// initializer or a later assignment to the same local) and in configuration files. An empty SecurityPolicyUri (the
/// channel's policy), an anonymous or certificate token, and a token type that is not known stay quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OpcUaUserTokenWithoutEncryptionAnalyzer : SettingRuleAnalyzer
{
    private protected override DiagnosticDescriptor Rule => RuleCatalog.OpcUaUserTokenWithoutEncryption;

    private protected override IEnumerable<InsecureSetting> Settings => Array.Empty<InsecureSetting>();

    private protected override IEnumerable<XmlSetting> ConfigurationFileSettings { get; } = new[]
    {
        new XmlSetting("UserTokenPolicy", "SecurityPolicyUri", e => e.Value == SecurityPolicyNone && e.Parent?.Child("TokenType")?.EnumName is "UserName" or "IssuedToken"),
    };

    private protected override void OnLibraryStart(CompilationStartAnalysisContext context)
    {
        if (context.Compilation.GetTypeByMetadataName(UserTokenPolicy) is not { } policyType)
        {
            return;
        }

        context.RegisterOperationAction(
            c =>
            {
                var assignment = (ISimpleAssignmentOperation)c.Operation;
                if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "SecurityPolicyUri" } target
                    || !SymbolEqualityComparer.Default.Equals(target.Property.ContainingType, policyType)
                    || !ValueFlow.TryGetConstant(assignment.Value, out var uri) || uri is not SecurityPolicyNone)
                {
                    return;
                }

                if (Creation(target.Instance, assignment) is { } creation && CarriesSecret(creation))
                {
                    c.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), "SecurityPolicyUri = SecurityPolicies.None on a user-name token", string.Empty));
                }
            },
            OperationKind.SimpleAssignment);
    }

    /// <summary>The new UserTokenPolicy the assignment configures: the one being initialized, or the one a local holds.</summary>
    private static IObjectCreationOperation? Creation(IOperation? instance, IOperation assignment)
    {
        if (instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
        {
            for (var parent = assignment.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IObjectCreationOperation creation)
                {
                    return creation;
                }
            }

            return null;
        }

        return Origins.Definition(instance) as IObjectCreationOperation;
    }

    private static bool CarriesSecret(IObjectCreationOperation creation)
    {
        IOperation? tokenType = null;
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Name == "tokenType")
            {
                tokenType = argument.Value;
            }
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "TokenType" } } set)
                {
                    tokenType = set.Value;
                }
            }
        }

        return ValueFlow.TryGetConstant(tokenType, out var value) && value is UserTokenTypeUserName or UserTokenTypeIssuedToken;
    }
}
