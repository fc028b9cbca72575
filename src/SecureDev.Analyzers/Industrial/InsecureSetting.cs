using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;

namespace SecureDev.Analyzers.Industrial;

/// <summary>
/// One insecure value of one library setting, in every shape the library offers it: a property (assignment or object
/// initializer), a builder method or constructor argument (explicit or the parameter's default), or a call that is
/// insecure by itself. Only constant values are judged (followed through locals and constants by <see cref="ValueOrigin"/>):
/// a value read from configuration or a parameter is a decision made elsewhere and stays quiet.
/// </summary>
internal sealed class InsecureSetting
{
    private InsecureSetting(SettingShape shape, string member, string? parameter, Func<object?, bool> isInsecure, string[] types)
    {
        Shape = shape;
        Member = member;
        Parameter = parameter;
        IsInsecure = isInsecure;
        Types = types;
    }

    public SettingShape Shape { get; }

    /// <summary>The property or method name; <see cref="AnyMethod"/> for every method of the types; ".ctor" for constructors.</summary>
    public string Member { get; }

    public string? Parameter { get; }

    public Func<object?, bool> IsInsecure { get; }

    /// <summary>What the setting weakens, when the rule's message names it ("SHA-1 signed certificates").</summary>
    public string Detail { get; private set; } = string.Empty;

    /// <summary>Metadata names of the types that declare the member (several for the library's major versions).</summary>
    public string[] Types { get; }

    public const string AnyMethod = "*";

    public static InsecureSetting Property(string name, Func<object?, bool> isInsecure, params string[] types) =>
        new(SettingShape.Property, name, null, isInsecure, types);

    public static InsecureSetting Argument(string method, string parameter, Func<object?, bool> isInsecure, params string[] types) =>
        new(SettingShape.Argument, method, parameter, isInsecure, types);

    public static InsecureSetting ConstructorArgument(string parameter, Func<object?, bool> isInsecure, params string[] types) =>
        new(SettingShape.Argument, WellKnownMemberNames.InstanceConstructorName, parameter, isInsecure, types);

    /// <summary>A method whose call is the insecure setting (WithDefaultEndpoint()).</summary>
    public static InsecureSetting Call(string method, params string[] types) =>
        new(SettingShape.Call, method, null, _ => true, types);

    public InsecureSetting Meaning(string detail)
    {
        Detail = detail;
        return this;
    }

    public static Func<object?, bool> Is(bool value) => constant => constant is bool b && b == value;

    public static Func<object?, bool> IsInteger(Func<long, bool> test) => constant => constant switch
    {
        int i => test(i),
        uint u => test(u),
        short s => test(s),
        ushort us => test(us),
        long l => test(l),
        byte b => test(b),
        _ => false,
    };

    public static Func<object?, bool> IsString(params string[] values) =>
        constant => constant is string text && Array.IndexOf(values, text) >= 0;
}

internal enum SettingShape
{
    Property,
    Argument,
    Call,
}

/// <summary>Where an insecure setting was found, for the message: the member, the value as written, and the setting itself.</summary>
internal readonly struct SettingFinding
{
    public SettingFinding(InsecureSetting setting, Location location, string written)
    {
        Setting = setting;
        Location = location;
        Written = written;
    }

    public InsecureSetting Setting { get; }

    public Location Location { get; }

    /// <summary>How the code sets it: "AutoAcceptUntrustedCertificates = true", "SetRejectSHA1SignedCertificates(false)".</summary>
    public string Written { get; }
}

/// <summary>
/// Registers the operation actions that find a table of <see cref="InsecureSetting"/>s. The declaring types are
/// resolved once per compilation; settings whose types are absent are dropped, and nothing is registered when none is
/// left. Each action looks the member name up first, so unrelated code costs one dictionary lookup.
/// </summary>
internal static class InsecureSettings
{
    public static void Register(CompilationStartAnalysisContext context, IEnumerable<InsecureSetting> settings, Action<OperationAnalysisContext, SettingFinding> report)
    {
        var properties = new Dictionary<string, List<(InsecureSetting, INamedTypeSymbol)>>(StringComparer.Ordinal);
        var methods = new Dictionary<string, List<(InsecureSetting, INamedTypeSymbol)>>(StringComparer.Ordinal);
        var constructors = new List<(InsecureSetting, INamedTypeSymbol)>();
        foreach (var setting in settings)
        {
            foreach (var name in setting.Types)
            {
                if (context.Compilation.GetTypeByMetadataName(name) is not { } type)
                {
                    continue;
                }

                var list = setting.Member == WellKnownMemberNames.InstanceConstructorName
                    ? constructors
                    : Entry(setting.Shape == SettingShape.Property ? properties : methods, setting.Member);
                list.Add((setting, type));
            }
        }

        if (properties.Count > 0)
        {
            context.RegisterOperationAction(c => OnAssignment(c, properties, report), OperationKind.SimpleAssignment);
        }

        if (methods.Count > 0)
        {
            context.RegisterOperationAction(c => OnInvocation(c, methods, report), OperationKind.Invocation);
        }

        if (constructors.Count > 0)
        {
            context.RegisterOperationAction(c => OnCreation(c, constructors, report), OperationKind.ObjectCreation);
        }
    }

    private static List<(InsecureSetting, INamedTypeSymbol)> Entry(Dictionary<string, List<(InsecureSetting, INamedTypeSymbol)>> map, string name)
    {
        if (!map.TryGetValue(name, out var list))
        {
            list = new List<(InsecureSetting, INamedTypeSymbol)>();
            map.Add(name, list);
        }

        return list;
    }

    private static void OnAssignment(OperationAnalysisContext context, Dictionary<string, List<(InsecureSetting, INamedTypeSymbol)>> properties, Action<OperationAnalysisContext, SettingFinding> report)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { } property } target
            || !properties.TryGetValue(property.Name, out var candidates))
        {
            return;
        }

        // The declaring type, or the type of the object set (IsEnabled is declared on a base both endpoint kinds share).
        var receiver = target.Instance?.Type as INamedTypeSymbol;
        foreach (var (setting, type) in candidates)
        {
            if ((Declares(type, property.ContainingType) || Declares(type, receiver))
                && ValueFlow.TryGetConstant(assignment.Value, out var constant)
                && setting.IsInsecure(constant))
            {
                report(context, new SettingFinding(setting, assignment.Syntax.GetLocation(), property.Name + " = " + Written(assignment.Value, constant)));
                return;
            }
        }
    }

    private static void OnInvocation(OperationAnalysisContext context, Dictionary<string, List<(InsecureSetting, INamedTypeSymbol)>> methods, Action<OperationAnalysisContext, SettingFinding> report)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!methods.TryGetValue(method.Name, out var candidates) && !methods.TryGetValue(InsecureSetting.AnyMethod, out candidates))
        {
            return;
        }

        foreach (var (setting, type) in candidates)
        {
            if (!Declares(type, method.ContainingType) || (setting.Member != method.Name && setting.Member != InsecureSetting.AnyMethod))
            {
                continue;
            }

            if (setting.Shape == SettingShape.Call)
            {
                report(context, new SettingFinding(setting, CallSite.Location(invocation), method.Name + "()"));
                return;
            }

            if (Check(invocation.Arguments, setting) is { } finding)
            {
                var location = finding.Argument.ArgumentKind == ArgumentKind.DefaultValue ? CallSite.Location(invocation) : finding.Argument.Syntax.GetLocation();
                report(context, new SettingFinding(setting, location, Describe(method.Name, finding)));
                return;
            }
        }
    }

    private static void OnCreation(OperationAnalysisContext context, List<(InsecureSetting, INamedTypeSymbol)> constructors, Action<OperationAnalysisContext, SettingFinding> report)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Constructor is not { } constructor)
        {
            return;
        }

        foreach (var (setting, type) in constructors)
        {
            if (Declares(type, constructor.ContainingType) && Check(creation.Arguments, setting) is { } finding)
            {
                var location = finding.Argument.ArgumentKind == ArgumentKind.DefaultValue ? creation.Syntax.GetLocation() : finding.Argument.Syntax.GetLocation();
                report(context, new SettingFinding(setting, location, Describe("new " + constructor.ContainingType.Name, finding)));
                return;
            }
        }
    }

    private static (IArgumentOperation Argument, object? Constant)? Check(ImmutableArray<IArgumentOperation> arguments, InsecureSetting setting)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == setting.Parameter
                && ValueFlow.TryGetConstant(argument.Value, out var constant)
                && setting.IsInsecure(constant))
            {
                return (argument, constant);
            }
        }

        return null;
    }

    private static string Describe(string method, (IArgumentOperation Argument, object? Constant) finding) =>
        finding.Argument.ArgumentKind == ArgumentKind.DefaultValue
            ? method + "()"
            : method + "(" + (finding.Argument.Parameter is { } p && finding.Argument.Syntax.ToString().StartsWith(p.Name + ":", StringComparison.Ordinal) ? p.Name + ": " : string.Empty)
              + Written(finding.Argument.Value, finding.Constant) + ")";

    private static bool Declares(INamedTypeSymbol expected, INamedTypeSymbol? actual) =>
        actual is not null && SymbolEqualityComparer.Default.Equals(expected, actual.OriginalDefinition);

    /// <summary>The value as the code names it: "true", "1024", "MessageSecurityMode.None", "SecurityPolicies.Basic256".</summary>
    internal static string Written(IOperation value, object? constant)
    {
        var unwrapped = value.WithoutConversions();
        if (unwrapped is IFieldReferenceOperation field)
        {
            return field.Field.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "." + field.Field.Name;
        }

        return constant switch
        {
            bool b => b ? "true" : "false",
            string s => "\"" + s + "\"",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => unwrapped.Syntax.ToString(),
        };
    }
}
