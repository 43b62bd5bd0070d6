using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff;

/// <summary>
/// Microsoft.OpenApi resolves a reference again on every property read through it, and each resolution costs
/// tens of microseconds, which dominates the cost of large documents. Every referenced element is therefore read
/// through its target, and a local "#/components/{kind}/{name}" reference is looked up by name in its document's
/// components; anything else falls back to the library's own resolution. An unresolved reference stays as it is
/// and reads as empty.
/// </summary>
internal static class References
{
    private const int MaxHops = 32;

    public static IOpenApiSchema? Resolve(IOpenApiSchema? schema)
    {
        for (var hops = 0; schema is OpenApiSchemaReference reference; hops++)
        {
            var target = hops < MaxHops ? Local(reference.Reference, "schemas", reference.Reference?.HostDocument?.Components?.Schemas) : null;
            schema = target ?? reference.RecursiveTarget;
            if (target is null)
            {
                break;
            }
        }
        return schema;
    }

    public static IOpenApiParameter Resolve(IOpenApiParameter parameter) =>
        parameter is OpenApiParameterReference reference
            ? Local(reference.Reference, "parameters", reference.Reference?.HostDocument?.Components?.Parameters) is { } target and not OpenApiParameterReference
                ? target
                : reference.RecursiveTarget ?? parameter
            : parameter;

    public static IOpenApiResponse Resolve(IOpenApiResponse response) =>
        response is OpenApiResponseReference reference
            ? Local(reference.Reference, "responses", reference.Reference?.HostDocument?.Components?.Responses) is { } target and not OpenApiResponseReference
                ? target
                : reference.RecursiveTarget ?? response
            : response;

    public static IOpenApiHeader Resolve(IOpenApiHeader header) =>
        header is OpenApiHeaderReference reference
            ? Local(reference.Reference, "headers", reference.Reference?.HostDocument?.Components?.Headers) is { } target and not OpenApiHeaderReference
                ? target
                : reference.RecursiveTarget ?? header
            : header;

    public static IOpenApiRequestBody? Resolve(IOpenApiRequestBody? body) =>
        body is OpenApiRequestBodyReference reference
            ? Local(reference.Reference, "requestBodies", reference.Reference?.HostDocument?.Components?.RequestBodies) is { } target and not OpenApiRequestBodyReference
                ? target
                : reference.RecursiveTarget ?? body
            : body;

    private static T? Local<T>(BaseOpenApiReference? reference, string kind, IDictionary<string, T>? components) where T : class
    {
        if (reference is not { IsLocal: true, Id: { } id, ReferenceV3: { } pointer } || components is null)
        {
            return null;
        }
        const string prefix = "#/components/";
        var exact = pointer.Length == prefix.Length + kind.Length + 1 + id.Length
            && pointer.StartsWith(prefix, StringComparison.Ordinal)
            && pointer.AsSpan(prefix.Length, kind.Length).SequenceEqual(kind)
            && pointer.EndsWith(id, StringComparison.Ordinal);
        return exact && components.TryGetValue(id, out var target) ? target : null;
    }
}
