using System.Text.Json.Nodes;

namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>A property of a request body, by its path from the root (property names and array indexes).</summary>
public sealed record BodyField(IReadOnlyList<object> Path, Schema Schema, bool Required, bool Nullable)
{
    public string Name => (string)Path[^1];

    /// <summary>As a validation answer would name it: lines[0].quantity.</summary>
    public string Display => string.Concat(Path.Select((p, i) => p is int n ? $"[{n}]" : (i == 0 ? "" : ".") + p));

    /// <summary>Every property the schema declares, walking into objects and the first element of arrays present in the example.</summary>
    public static IEnumerable<BodyField> All(Schema schema, JsonNode? example) => Walk(schema, example, []);

    private static IEnumerable<BodyField> Walk(Schema schema, JsonNode? node, List<object> path)
    {
        foreach (var (name, property) in schema.Properties)
        {
            var here = new List<object>(path) { name };
            yield return new BodyField(here, property, schema.Required.Contains(name), property.Nullable);
            var value = (node as JsonObject)?[name];
            foreach (var inner in Children(property, value, here))
            {
                yield return inner;
            }
        }
    }

    private static IEnumerable<BodyField> Children(Schema schema, JsonNode? value, List<object> path)
    {
        if (schema.Type == "object" || schema.Properties.Count > 0)
        {
            return value is JsonObject ? Walk(schema, value, path) : [];
        }
        if (schema.Items is { } items && value is JsonArray { Count: > 0 } array)
        {
            return Children(items, array[0], new List<object>(path) { 0 });
        }
        return [];
    }

    public JsonNode? ValueIn(JsonNode root) => Path.Aggregate<object, JsonNode?>(root, (node, p) => p is int i ? (node as JsonArray)?[i] : (node as JsonObject)?[(string)p]);

    public JsonObject ParentIn(JsonNode root) =>
        Path.Take(Path.Count - 1).Aggregate(root, (node, p) => p is int i ? node[i]! : node[(string)p]!).AsObject();
}
