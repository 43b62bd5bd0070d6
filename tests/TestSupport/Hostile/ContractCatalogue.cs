using System.Text.Json.Nodes;
using IntegrationGateway.TestSupport.Contracts;

namespace IntegrationGateway.TestSupport.Hostile;

/// <summary>Every operation of the checked-in contracts in openapi/, read with System.Text.Json.</summary>
public static class ContractCatalogue
{
    public static readonly string[] Contracts =
    [
        "experience-storefront-v1", "experience-storefront-v2", "experience-marketplace-v1", "experience-b2b-v1",
        "process-inventory-v1", "system-erp-v1", "system-wms-v1",
    ];

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private static readonly Lazy<IReadOnlyList<ContractOperation>> All = new(() => Contracts.SelectMany(Read).ToList());

    public static IReadOnlyList<ContractOperation> Operations => All.Value;

    public static ContractOperation Find(string endpoint) => Operations.Single(o => o.Endpoint == endpoint);

    /// <summary>
    /// The tightest maxLength any contract states for a property or parameter of that name. The issue asks that a
    /// limit be the same in every layer, so a value past it anywhere is refused at the public edge too.
    /// </summary>
    public static int? KnownMaxLength(string name) => Limits.Value.TryGetValue(name, out var limit) ? limit : null;

    private static readonly Lazy<Dictionary<string, int>> Limits = new(() =>
    {
        var limits = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var contract in Contracts)
        {
            var document = JsonNode.Parse(RepositoryFiles.Read($"openapi/{contract}.json"))!.AsObject();
            foreach (var node in document.DescendantsWithNames())
            {
                if (node.Value["maxLength"] is JsonValue max && node.Value["type"]?.ToString() == "string")
                {
                    var value = (int)max;
                    limits[node.Name] = limits.TryGetValue(node.Name, out var known) ? Math.Min(known, value) : value;
                }
            }
        }
        return limits;
    });

    private static IEnumerable<(string Name, JsonObject Value)> DescendantsWithNames(this JsonObject root)
    {
        var stack = new Stack<JsonNode?>([root]);
        while (stack.TryPop(out var node))
        {
            if (node is JsonObject obj)
            {
                if (obj["properties"] is JsonObject properties)
                {
                    foreach (var (name, value) in properties)
                    {
                        if (value is JsonObject schema)
                        {
                            yield return (name, schema);
                        }
                    }
                }
                if (obj["name"] is JsonValue parameterName && obj["schema"] is JsonObject parameterSchema)
                {
                    yield return ((string)parameterName!, parameterSchema);
                }
                foreach (var (_, child) in obj)
                {
                    stack.Push(child);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var child in array)
                {
                    stack.Push(child);
                }
            }
        }
    }

    private static IEnumerable<ContractOperation> Read(string contract)
    {
        var document = JsonNode.Parse(RepositoryFiles.Read($"openapi/{contract}.json"))!.AsObject();
        JsonObject Resolve(string reference) =>
            reference.TrimStart('#', '/').Split('/').Aggregate((JsonNode)document, (node, part) => node[part]!).AsObject();

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var method in Methods)
            {
                if (item![method] is not JsonObject operation)
                {
                    continue;
                }
                var parameters = (operation["parameters"] as JsonArray ?? [])
                    .Select(p => p!["$ref"] is JsonValue r ? Resolve((string)r!) : p!.AsObject())
                    .Select(p => new ContractParameter((string)p["name"]!, (string)p["in"]!, (bool?)p["required"] ?? false,
                        new Schema(p["schema"]!.AsObject(), Resolve)))
                    .ToList();
                var json = operation["requestBody"]?["content"]?["application/json"];
                var body = json?["schema"] is JsonObject schema ? new Schema(schema, Resolve) : null;
                yield return new ContractOperation(contract, method.ToUpperInvariant(), path, (string)operation["operationId"]!,
                    parameters, body, json?["example"]?.DeepClone() ?? body?.Example?.DeepClone(), (bool?)operation["x-safe"] ?? false);
            }
        }
    }
}
