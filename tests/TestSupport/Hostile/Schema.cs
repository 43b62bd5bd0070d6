using System.Text.Json.Nodes;

namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>A JSON schema from a contract with its $refs resolved on demand: only the keywords the contracts use.</summary>
public sealed class Schema(JsonObject node, Func<string, JsonObject> resolve)
{
    private readonly JsonObject _node = node["$ref"] is JsonValue reference ? resolve((string)reference!) : node;

    public string? Type => (string?)_node["type"];
    public string? Format => (string?)_node["format"];
    public string? Pattern => (string?)_node["pattern"];
    public bool Nullable => (bool?)_node["nullable"] ?? false;
    public int? MinLength => (int?)_node["minLength"];
    public int? MaxLength => (int?)_node["maxLength"];
    public long? Minimum => _node["minimum"] is JsonValue v ? (long)v.GetValue<double>() : null;
    public long? Maximum => _node["maximum"] is JsonValue v ? (long)v.GetValue<double>() : null;
    public int? MinItems => (int?)_node["minItems"];
    public int? MaxItems => (int?)_node["maxItems"];
    public bool ClosedObject => _node["additionalProperties"] is JsonValue v && !v.GetValue<bool>();
    public IReadOnlyList<string> Enum => _node["enum"] is JsonArray values ? values.Select(e => (string)e!).ToList() : [];
    public IReadOnlySet<string> Required => _node["required"] is JsonArray names ? names.Select(n => (string)n!).ToHashSet() : new HashSet<string>();

    public Schema? Items => _node["items"] is JsonObject items ? new Schema(items, resolve) : null;

    public IReadOnlyList<(string Name, Schema Schema)> Properties =>
        _node["properties"] is JsonObject properties
            ? properties.Select(p => (p.Key, new Schema((JsonObject)p.Value!, resolve))).ToList()
            : [];

    public JsonNode? Example => _node["example"];
}
