using System.Text.Json.Nodes;
using IntegrationGateway.ContractTool.Loading;
using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff.Schemas;

/// <summary>Reads a schema's <see cref="SchemaFacts"/>, including the keywords the loader sheltered as extensions.</summary>
internal static class SchemaFactsReader
{
    private static readonly string[] ApplicatorKeywords = ["if", "then", "else", "contains", "propertyNames", "unevaluatedProperties", "contentSchema"];

    public static SchemaFacts Read(IOpenApiSchema schema)
    {
        // Most schemas carry none of these keywords; sharing one empty value spares tens of thousands of allocations
        // in a large document and lets a comparison of two such schemas skip the keyword checks outright.
        if (schema.Discriminator is null && schema.Const is null && schema.Default is null && !schema.Deprecated
            && (schema.Extensions is null || schema.Extensions.Count == 0) && (schema.UnrecognizedKeywords is null || schema.UnrecognizedKeywords.Count == 0)
            && schema.Not is null && schema.AdditionalProperties is null && schema.UnevaluatedProperties
            && (schema.DependentRequired is null || schema.DependentRequired.Count == 0) && (schema.PatternProperties is null || schema.PatternProperties.Count == 0))
        {
            return SchemaFacts.None;
        }
        var extensions = schema.Extensions ?? new Dictionary<string, IOpenApiExtension>();
        var unrecognized = schema.UnrecognizedKeywords ?? new Dictionary<string, JsonNode>();
        var applicators = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var keyword in ApplicatorKeywords)
        {
            if (Sheltered(extensions, keyword) is { } node)
            {
                applicators[keyword] = node;
            }
        }
        if (unrecognized.TryGetValue("unevaluatedItems", out var unevaluatedItems))
        {
            applicators["unevaluatedItems"] = unevaluatedItems;
        }
        return new SchemaFacts
        {
            DiscriminatorProperty = schema.Discriminator?.PropertyName,
            DiscriminatorMapping = schema.Discriminator?.Mapping?.ToDictionary(m => m.Key, m => m.Value.Reference?.ReferenceV3 ?? m.Value.Reference?.Id ?? "", StringComparer.Ordinal),
            Const = schema.Const,
            Default = Canonical(schema.Default),
            Deprecated = schema.Deprecated,
            Sunset = Sunset.Of(extensions),
            Stability = Stability.Of(extensions),
            ExtensibleEnum = Strings(extensions.TryGetValue("x-extensible-enum", out var e) ? (e as JsonNodeExtension)?.Node : null),
            Not = schema.Not,
            AdditionalProperties = schema.AdditionalProperties,
            Applicators = applicators,
            NoUnevaluatedProperties = !schema.UnevaluatedProperties && !applicators.ContainsKey("unevaluatedProperties"),
            PrefixItems = unrecognized.TryGetValue("prefixItems", out var prefix) ? prefix as JsonArray : null,
            DependentRequired = (schema.DependentRequired ?? new Dictionary<string, HashSet<string>>())
                .ToDictionary(d => d.Key, d => string.Join(",", d.Value.Order(StringComparer.Ordinal)), StringComparer.Ordinal),
            DependentSchemas = (Sheltered(extensions, "dependentSchemas") as JsonObject)?.Where(p => p.Value is not null)
                .ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal) ?? new Dictionary<string, JsonNode>(),
            PatternProperties = schema.PatternProperties?.Keys.ToList() ?? [],
            ContentMediaType = Text(Sheltered(extensions, "contentMediaType")),
            ContentEncoding = Text(Sheltered(extensions, "contentEncoding")),
        };
    }

    private static JsonNode? Sheltered(IDictionary<string, IOpenApiExtension> extensions, string keyword) =>
        extensions.TryGetValue(KeywordShelter.Prefix + keyword, out var extension) ? (extension as JsonNodeExtension)?.Node : null;

    public static string? Canonical(JsonNode? value) => value?.ToJsonString();

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : n?.ToJsonString() ?? "null").ToList() : [];
}
