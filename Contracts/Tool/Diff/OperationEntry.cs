using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff;

/// <summary>
/// One operation of a document, with the path item whose parameters it inherits. Webhook operations (3.1) are
/// entries too, under the path "webhook:{name}", so every operation check applies inside them and they pair only
/// with webhooks.
/// </summary>
internal sealed record OperationEntry(string Method, string Path, IOpenApiPathItem PathItem, OpenApiOperation Operation)
{
    public const string WebhookPrefix = "webhook:";

    public string Name => $"{Method} {Path}";

    public bool Webhook => Path.StartsWith(WebhookPrefix, StringComparison.Ordinal);

    public static List<OperationEntry> All(OpenApiDocument document)
    {
        var entries = new List<OperationEntry>();
        foreach (var (path, item) in document.Paths ?? [])
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                entries.Add(new OperationEntry(method.Method.ToUpperInvariant(), path, item, operation));
            }
        }
        foreach (var (name, item) in document.Webhooks ?? new Dictionary<string, IOpenApiPathItem>())
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                entries.Add(new OperationEntry(method.Method.ToUpperInvariant(), WebhookPrefix + name, item, operation));
            }
        }
        entries.Sort((x, y) => string.CompareOrdinal(x.Name, y.Name));
        return entries;
    }
}

/// <summary>The context every check of one comparison shares.</summary>
internal sealed record DiffContext(OpenApiDocument Base, OpenApiDocument Revision, Schemas.SchemaComparer Schemas, DateOnly Today);
