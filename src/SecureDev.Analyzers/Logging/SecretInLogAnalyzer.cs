using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureDev.Analyzers.Common;
using SecureDev.Analyzers.Rules;

namespace SecureDev.Analyzers.Logging;

/// <summary>
/// Passwords, keys and tokens handed to a logging API: Microsoft.Extensions.Logging (<c>Log*</c> extension methods,
/// <c>BeginScope</c>, <c>[LoggerMessage]</c> methods, <c>LoggerMessage.Define</c> delegates), Console, Trace, Debug,
/// TraceSource, and Serilog/NLog/log4net-style loggers and product facades (a type named <c>*Logger</c>, <c>*Log</c>
/// or <c>ILog</c> with <c>Information</c>/<c>Info</c>/<c>Debug</c>/<c>Warn</c>/... methods). A value is a secret by its
/// name or origin (<see cref="SecretValues"/>), by the message-template hole it fills (<c>{Password}</c>), by the
/// <c>[LoggerMessage]</c> parameter it is passed to, or when it is a record or a destructured object (<c>{@Request}</c>)
/// that carries a secret property. User names, event text, lengths and redacted values stay quiet.
/// <para>Cost: one look at the method name of each call; only logging calls go further.</para>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretInLogAnalyzer : SecureDevAnalyzer
{
    // Plain HashSets, only read: the name lookup runs for every call in the compilation, and a HashSet's is several
    // times cheaper than an ImmutableHashSet's.
    private static readonly HashSet<string> LogMethodNames = new(StringComparer.Ordinal)
    {
        "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical", "Log", "BeginScope",
        "Write", "WriteLine", "WriteIf", "WriteLineIf", "Print", "TraceInformation", "TraceWarning", "TraceError", "TraceEvent", "TraceData", "WriteEntry",
        "Verbose", "Trace", "Debug", "Information", "Info", "Warning", "Warn", "Error", "Fatal", "Critical",
        "DebugFormat", "InfoFormat", "WarnFormat", "ErrorFormat", "FatalFormat", "Invoke",
    };

    private static readonly HashSet<string> TemplateParameters = new(StringComparer.Ordinal) { "message", "messageTemplate", "format" };

    private static readonly char[] HoleFormatSeparators = { ':', ',' };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported(RuleCatalog.SecretInLog);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context) =>
        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                var method = invocation.TargetMethod;
                var loggerMessage = false;
                if (!LogMethodNames.Contains(method.Name))
                {
                    if (!IsLoggerMessageMethod(method))
                    {
                        return;
                    }

                    loggerMessage = true;
                }
                else if (!IsLoggingApi(invocation, method))
                {
                    return;
                }

                Judge(c, invocation, loggerMessage);
            },
            OperationKind.Invocation);

    private static void Judge(OperationAnalysisContext context, IInvocationOperation invocation, bool loggerMessage)
    {
        var found = new List<(IOperation Where, string What)>();
        var holes = TemplateHoles(invocation);
        var holeIndex = 0;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    JudgeValue(element, holes is not null && holeIndex < holes.Count ? holes[holeIndex] : null, null, found);
                    holeIndex++;
                }

                continue;
            }

            var parameterName = loggerMessage ? argument.Parameter?.Name : null;
            JudgeValue(argument.Value, null, parameterName, found);
        }

        var api = invocation.TargetMethod.Name;
        foreach (var (where, what) in found)
        {
            context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.SecretInLog, where.Syntax.GetLocation(), what, api));
        }
    }

    /// <summary>
    /// A secret in the value itself; else, when the value is read from a variable or member of readable type (not a
    /// constant, not the result of a call such as Redact), the secret name of the template hole or parameter it fills;
    /// else a record or destructured object that carries a secret property.
    /// </summary>
    private static void JudgeValue(IOperation value, string? hole, string? parameterName, List<(IOperation Where, string What)> found)
    {
        var before = found.Count;
        SecretValues.Find(value, found);
        if (found.Count > before)
        {
            return;
        }

        var plain = value.WithoutConversions();
        var destructured = hole is not null && hole.StartsWith("@", StringComparison.Ordinal);
        var name = hole?.TrimStart('@', '$') ?? parameterName;
        // The hole's or parameter's name first: it rules out most values before the value's own name is split into words.
        if (name is not null && SecretValues.SecretKind(name) is { } kind
            && plain is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
            && SecretValues.IsReadableType(plain.Type) && !plain.ConstantValue.HasValue && !SecretValues.IsRedactedName(ReadName(plain)))
        {
            found.Add((plain, hole is not null ? $"The value logged as '{{{hole}}}' (a {kind})" : $"The value passed as '{parameterName}' (a {kind})"));
            return;
        }

        if ((destructured || plain.Type is INamedTypeSymbol { IsRecord: true }) && SecretProperty(plain.Type) is { } property)
        {
            found.Add((plain, $"The {property.Kind} in '{property.Name}' of the {(destructured ? "destructured" : "record")} {plain.Type!.Name}"));
        }
    }

    private static string ReadName(IOperation reference) => reference switch
    {
        ILocalReferenceOperation local => local.Local.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        IMemberReferenceOperation member => member.Member.Name,
        _ => string.Empty,
    };

    /// <summary>A public readable property named as a secret, which a record's ToString or a destructuring logger prints.</summary>
    private static (string Name, string Kind)? SecretProperty(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is not null && current.SpecialType == SpecialType.None; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false } property
                    && SecretValues.IsReadableType(property.Type)
                    && SecretValues.SecretKind(property.Name) is { } kind)
                {
                    return (property.Name, kind);
                }
            }
        }

        return null;
    }

    /// <summary>The holes of a constant message template ("{User}", "{@Request}") in order, or null when the call has none.</summary>
    private static List<string>? TemplateHoles(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && TemplateParameters.Contains(parameter.Name) && argument.Value.TryGetConstantString(out var template))
            {
                return Holes(template);
            }
        }

        return null;
    }

    private static List<string> Holes(string template)
    {
        var holes = new List<string>();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                i++;
                continue;
            }

            var end = template.IndexOf('}', i + 1);
            if (end < 0)
            {
                break;
            }

            var hole = template.Substring(i + 1, end - i - 1);
            var cut = hole.IndexOfAny(HoleFormatSeparators);
            holes.Add((cut >= 0 ? hole.Substring(0, cut) : hole).Trim());
            i = end;
        }

        return holes;
    }

    private static bool IsLoggingApi(IInvocationOperation invocation, IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        switch (type.Name)
        {
            case "Console" or "Trace" or "Debug" or "TraceSource":
                return type.ContainingNamespace.IsNamespace("System") || type.ContainingNamespace.IsNamespace("System.Diagnostics");
            case "TextWriter":
                return invocation.Instance is IPropertyReferenceOperation { Property: { Name: "Out" or "Error", ContainingType.Name: "Console" } };
            case "LoggerExtensions":
                return true;
            case "Action" when method.Name == "Invoke":
                // LoggerMessage.Define returns Action<ILogger, T1, ..., Exception?>.
                return type.TypeArguments.Length > 1 && type.TypeArguments[0].Name == "ILogger";
        }

        if (method.Name == "Invoke")
        {
            return false;
        }

        var name = type.Name;
        return name.EndsWith("Logger", StringComparison.Ordinal) || name.EndsWith("Log", StringComparison.Ordinal) || name == "ILog";
    }

    /// <summary>A method declared with [LoggerMessage] (the source generator writes its body).</summary>
    private static bool IsLoggerMessageMethod(IMethodSymbol method)
    {
        if (method.PartialDefinitionPart is null && method.PartialImplementationPart is null)
        {
            return false;
        }

        foreach (var attribute in (method.PartialDefinitionPart ?? method).GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "LoggerMessageAttribute")
            {
                return true;
            }
        }

        return false;
    }
}
