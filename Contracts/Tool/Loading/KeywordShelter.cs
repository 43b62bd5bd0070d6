using System.Text.Json.Nodes;

namespace IntegrationGateway.ContractTool.Loading;

/// <summary>
/// Microsoft.OpenApi 3.11 reads JSON Schema 2020-12 keywords it has no property for (if, then, else, contains,
/// minContains, maxContains, dependentSchemas, propertyNames, content*, a schema-valued unevaluatedProperties)
/// and then drops them without a word. Before the document is read, each of them in a schema position is moved
/// to an x- extension of the same schema, which the reader keeps, so the diff can still compare them.
/// </summary>
internal static class KeywordShelter
{
    public const string Prefix = "x-ig-keyword-";

    public static readonly string[] Sheltered =
    [
        "if", "then", "else", "contains", "minContains", "maxContains", "dependentSchemas", "propertyNames",
        "contentMediaType", "contentEncoding", "contentSchema", "unevaluatedProperties",
    ];

    private static readonly string[] SchemaValued = ["items", "not", "additionalProperties", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema", "schema"];
    private static readonly string[] SchemaLists = ["allOf", "anyOf", "oneOf", "prefixItems"];
    private static readonly string[] SchemaMaps = ["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"];

    // Values that are data, not OpenAPI structure: a key named "if" inside an example is not a keyword.
    private static readonly string[] DataKeys = ["example", "examples", "default", "enum", "const"];

    /// <summary>Whether the JSON text names any sheltered keyword as a key at all (a cheap scan before any rewrite).</summary>
    public static bool Needed(string json) => Sheltered.Any(keyword => json.Contains($"\"{keyword}\"", StringComparison.Ordinal));

    public static void Apply(JsonNode? document)
    {
        if (document is not JsonObject root)
        {
            return;
        }
        if (root["components"]?["schemas"] is JsonObject schemas)
        {
            foreach (var (_, schema) in schemas)
            {
                Schema(schema);
            }
        }
        foreach (var (key, value) in root)
        {
            if (key != "components")
            {
                Structure(value);
            }
        }
        foreach (var (key, value) in root["components"] as JsonObject ?? [])
        {
            if (key != "schemas")
            {
                Structure(value);
            }
        }
    }

    /// <summary>Non-schema OpenAPI objects: every "schema" below them is a schema.</summary>
    private static void Structure(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "schema")
                    {
                        Schema(value);
                    }
                    else if (!DataKeys.Contains(key) && !key.StartsWith("x-", StringComparison.Ordinal))
                    {
                        Structure(value);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Structure(item);
                }
                break;
        }
    }

    private static void Schema(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return;
        }
        foreach (var key in Sheltered)
        {
            // A boolean unevaluatedProperties is read by the library itself; only a schema value is lost.
            if (schema[key] is { } value && !(key == "unevaluatedProperties" && value is JsonValue))
            {
                schema.Remove(key);
                schema[Prefix + key] = value;
                if (key == "dependentSchemas")
                {
                    Map(value as JsonObject);
                }
                else
                {
                    Schema(value);
                }
            }
        }
        foreach (var key in SchemaValued)
        {
            Schema(schema[key]);
        }
        foreach (var key in SchemaLists)
        {
            foreach (var item in schema[key] as JsonArray ?? [])
            {
                Schema(item);
            }
        }
        foreach (var key in SchemaMaps)
        {
            Map(schema[key] as JsonObject);
        }
    }

    private static void Map(JsonObject? map)
    {
        foreach (var (_, value) in map ?? [])
        {
            Schema(value);
        }
    }
}
