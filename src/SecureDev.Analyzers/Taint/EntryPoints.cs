using Microsoft.CodeAnalysis;

namespace SecureDev.Analyzers.Taint;

/// <summary>
/// Methods whose parameters a remote or local user fills: ASP.NET Core controller actions and Razor Pages handlers,
/// minimal-API handlers (lambdas and method groups given to MapGet, MapPost, ...), and Main's command-line arguments.
/// Parameters that the framework fills from services (FromServices, HttpContext, CancellationToken, loggers, options,
/// repositories) are left out.
/// </summary>
internal sealed class EntryPoints
{
    private static readonly string[] ServiceSuffixes =
    {
        "Service", "Services", "Repository", "Context", "Factory", "Client", "Logger", "Options", "Store", "Provider", "Manager",
        "Settings", "Configuration", "Environment", "Cache", "Bus", "Publisher",
    };

    private readonly INamedTypeSymbol? _controllerBase;
    private readonly INamedTypeSymbol? _pageModel;
    private readonly INamedTypeSymbol? _endpointExtensions;
    private readonly INamedTypeSymbol? _formFile;
    private readonly INamedTypeSymbol? _formFileCollection;
    private readonly INamedTypeSymbol? _formCollection;

    public EntryPoints(Compilation compilation)
    {
        _controllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
        _pageModel = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        _endpointExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
        _formFile = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IFormFile");
        _formFileCollection = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IFormFileCollection");
        _formCollection = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IFormCollection");
    }

    /// <summary>The names whose mention puts a method in reach even with no source call in it (SourceReach seeds).</summary>
    public static readonly string[] Names =
    {
        "HttpGet", "HttpPost", "HttpPut", "HttpDelete", "HttpPatch", "Route", "ApiController", "FromBody", "FromQuery", "FromRoute",
        "FromForm", "FromHeader", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "Map", "MapFallback", "args",
    };

    /// <summary>How a message names the parameters of <paramref name="method"/>, or null when it is no entry point.</summary>
    public string? Describe(IMethodSymbol method)
    {
        if (method.IsStatic && method.Name is "Main" or "<Main>$" && method.Parameters.Length == 1 && method.Parameters[0].Type is IArrayTypeSymbol)
        {
            return "command line";
        }

        if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public
            || method.ContainingType is not { } type || !MayDeclareEntryPoints(type)
            || HasAttribute(method, "NonActionAttribute"))
        {
            return null;
        }

        if (IsPageModel(type) && method.Name.StartsWith("On", StringComparison.Ordinal))
        {
            return "handler";
        }

        return IsController(type) ? "action" : null;
    }

    /// <summary>True for a Razor page model or a controller: the only types whose instance methods can be entry points.</summary>
    public bool MayDeclareEntryPoints(INamedTypeSymbol type) =>
        type is { TypeKind: TypeKind.Class, IsAbstract: false } && (IsPageModel(type) || IsController(type));

    private bool IsPageModel(INamedTypeSymbol type) => _pageModel is not null && SpecIndex.IsOrDerives(type, _pageModel);

    private bool IsController(INamedTypeSymbol type) =>
        (_controllerBase is not null && SpecIndex.IsOrDerives(type, _controllerBase))
        || HasAttributeInherited(type, "ApiControllerAttribute") || HasAttributeInherited(type, "ControllerAttribute");

    /// <summary>True for a Map* call of the endpoint routing extensions: one of its arguments is a request handler.</summary>
    public bool IsHandlerRegistration(IMethodSymbol method) =>
        _endpointExtensions is not null
        && method.Name.StartsWith("Map", StringComparison.Ordinal)
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, _endpointExtensions);

    /// <summary>True for the Map* call whose <paramref name="parameter"/> receives a request handler.</summary>
    public bool IsHandlerParameter(IMethodSymbol method, IParameterSymbol? parameter) =>
        _endpointExtensions is not null
        && parameter is not null
        && method.Name.StartsWith("Map", StringComparison.Ordinal)
        && (parameter.Type.TypeKind == TypeKind.Delegate || parameter.Type.SpecialType == SpecialType.System_Delegate)
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, _endpointExtensions);

    /// <summary>The origin for an entry point's parameter, or null when the framework fills it from a service.</summary>
    public Origin? ParameterOrigin(IParameterSymbol parameter, string entryKind, Location fallback)
    {
        if (entryKind == "command line")
        {
            return new Origin(SourceKind.CommandLine, $"'{parameter.Name}'", parameter.Locations.FirstOrDefault() ?? fallback);
        }

        if (!IsBoundFromRequest(parameter))
        {
            return null;
        }

        return new Origin(SourceKind.Web, $"{entryKind} parameter '{parameter.Name}'", parameter.Locations.FirstOrDefault() ?? fallback);
    }

    private bool IsBoundFromRequest(IParameterSymbol parameter)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            var name = attribute.AttributeClass?.Name;
            if (name is "FromServicesAttribute" or "FromKeyedServicesAttribute")
            {
                return false;
            }

            if (name is "FromBodyAttribute" or "FromQueryAttribute" or "FromRouteAttribute" or "FromFormAttribute" or "FromHeaderAttribute" or "AsParametersAttribute")
            {
                return true;
            }
        }

        var type = parameter.Type;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type.SpecialType != SpecialType.None || type.TypeKind == TypeKind.Enum || type is IArrayTypeSymbol)
        {
            return true;
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            return SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _formFile)
                   || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _formFileCollection)
                   || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _formCollection);
        }

        if (type.Name is "CancellationToken" or "HttpContext" or "HttpRequest" or "HttpResponse" or "ClaimsPrincipal" or "Stream" or "PipeReader")
        {
            // HttpRequest is itself an instance source; the others are not request data.
            return false;
        }

        if (type.Name is "Guid" or "DateTime" or "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" or "StringValues" or "Uri")
        {
            return true;
        }

        // A model bound from the body, query or form: a type of the application that is not a service.
        if (!type.Locations.Any(l => l.IsInSource) || type.IsAbstract)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name is "DbContext" or "ControllerBase")
            {
                return false;
            }
        }

        foreach (var suffix in ServiceSuffixes)
        {
            if (type.Name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasAttribute(ISymbol symbol, string name)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttributeInherited(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (HasAttribute(current, name))
            {
                return true;
            }
        }

        return false;
    }
}
