using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Rules;
using static SecureDev.Analyzers.Industrial.IndustrialTypes;
using static SecureDev.Analyzers.Industrial.InsecureSetting;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// checkDomain: false on any session factory or Session.Create overload (1.4 static Session.Create, 1.5
/// ISessionFactory/DefaultSessionFactory.CreateAsync), and the overloads without a checkDomain parameter, which pass
/// false. A value from configuration stays quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OpcUaHostNameCheckDisabledAnalyzer : SettingRuleAnalyzer
{
    private protected override DiagnosticDescriptor Rule => RuleCatalog.OpcUaHostNameCheckDisabled;

    private protected override IEnumerable<InsecureSetting> Settings { get; } = new[]
    {
        Argument(AnyMethod, "checkDomain", Is(false), Session, ISessionFactory, DefaultSessionFactory),
    };

    private protected override void OnLibraryStart(CompilationStartAnalysisContext context)
    {
        var factories = Origins.Resolve(context.Compilation, Session, ISessionFactory, DefaultSessionFactory);
        if (factories.IsEmpty)
        {
            return;
        }

        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                var method = invocation.TargetMethod;
                if (method.Name is not ("Create" or "CreateAsync") || !factories.Contains(method.ContainingType.OriginalDefinition, SymbolEqualityComparer.Default))
                {
                    return;
                }

                bool updateBeforeConnect = false, checkDomain = false;
                foreach (var parameter in method.Parameters)
                {
                    updateBeforeConnect |= parameter.Name == "updateBeforeConnect";
                    checkDomain |= parameter.Name == "checkDomain";
                }

                if (updateBeforeConnect && !checkDomain)
                {
                    c.ReportDiagnostic(Diagnostic.Create(Rule, CallSite.Location(invocation), "This " + method.Name + " overload passes checkDomain: false and", string.Empty));
                }
            },
            OperationKind.Invocation);
    }
}
