using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace IntegrationGateway.ContractTool.Diff.Schemas;

/// <summary>
/// The applicator subschemas the loader sheltered (if, then, contains, prefixItems entries...) are JSON; they are
/// read into schemas of their own document, once each, so $refs inside them resolve like any other.
/// </summary>
internal sealed class Fragments(OpenApiDocument @base, OpenApiDocument revision)
{
    private readonly Dictionary<JsonNode, IOpenApiSchema> read = new(ReferenceEqualityComparer.Instance);

    public IOpenApiSchema Base(JsonNode node) => Read(node, @base);

    public IOpenApiSchema Revision(JsonNode node) => Read(node, revision);

    private IOpenApiSchema Read(JsonNode node, OpenApiDocument host)
    {
        if (read.TryGetValue(node, out var schema))
        {
            return schema;
        }
        // A boolean schema: true accepts anything, false nothing; both read as a schema with no keywords here.
        schema = node is JsonObject
            ? new OpenApiJsonReader().ReadFragment<OpenApiSchema>(node, OpenApiSpecVersion.OpenApi3_1, host, out _, new OpenApiReaderSettings()) ?? new OpenApiSchema()
            : new OpenApiSchema();
        read[node] = schema;
        return schema;
    }
}
