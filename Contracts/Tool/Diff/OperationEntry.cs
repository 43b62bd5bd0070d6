using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff;

/// <summary>One operation of a document, with the path item whose parameters it inherits.</summary>
internal sealed record OperationEntry(string Method, string Path, IOpenApiPathItem PathItem, OpenApiOperation Operation)
{
    public string Name => $"{Method} {Path}";

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
        entries.Sort((x, y) => string.CompareOrdinal(x.Name, y.Name));
        return entries;
    }
}

/// <summary>The context every check of one comparison shares.</summary>
internal sealed record DiffContext(OpenApiDocument Base, OpenApiDocument Revision, Schemas.SchemaComparer Schemas, DateOnly Today);
