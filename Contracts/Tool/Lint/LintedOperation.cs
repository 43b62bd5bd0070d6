using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Lint;

/// <summary>One operation with the path it sits on, as every rule sees it.</summary>
public sealed record LintedOperation(string Path, HttpMethod Method, OpenApiOperation Operation, IOpenApiPathItem PathItem)
{
    /// <summary>"GET /storefront/v1/orders/{id}", the form findings name operations in.</summary>
    public string Label => $"{Method.Method.ToUpperInvariant()} {Path}";

    /// <summary>
    /// Path-level parameters the operation inherits, then its own, which override them by location and name as the
    /// specification says.
    /// </summary>
    public IReadOnlyList<IOpenApiParameter> Parameters
    {
        get
        {
            var byKey = new Dictionary<string, IOpenApiParameter>(StringComparer.Ordinal);
            foreach (var parameter in (PathItem.Parameters ?? []).Concat(Operation.Parameters ?? []))
            {
                // Header names are case-insensitive (RFC 9110); nothing else is.
                var name = parameter.In == ParameterLocation.Header ? parameter.Name?.ToLowerInvariant() : parameter.Name;
                byKey[$"{parameter.In}\n{name}"] = parameter;
            }

            return [.. byKey.Values];
        }
    }

    public bool HasParameter(ParameterLocation location, string name) =>
        Parameters.Any(p => p.In == location && string.Equals(p.Name, name, Comparison(location)));

    /// <summary>
    /// Whether an x- extension is set to true. YAML readers may hand a bare true over as text, so both forms count.
    /// </summary>
    public bool HasFlag(string extension) =>
        Operation.Extensions?.TryGetValue(extension, out var value) == true
        && value is JsonNodeExtension { Node: JsonValue flag }
        && ((flag.TryGetValue(out bool on) && on)
            || (flag.TryGetValue(out string? text) && string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)));

    public static IEnumerable<LintedOperation> All(OpenApiDocument document)
    {
        foreach (var (path, item) in document.Paths ?? [])
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                yield return new LintedOperation(path, method, operation, item);
            }
        }
    }

    /// <summary>application/json and the structured +json types (RFC 6839), parameters ignored.</summary>
    public static bool IsJson(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static StringComparison Comparison(ParameterLocation location) =>
        location == ParameterLocation.Header ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
