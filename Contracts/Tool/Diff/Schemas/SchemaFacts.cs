using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff.Schemas;

/// <summary>
/// The keywords of one schema beyond type, enum, properties and bounds: discriminator, const, default, lifecycle
/// extensions and the JSON Schema 2020-12 applicators (kept as written, parsed into schemas only when compared).
/// </summary>
internal sealed record SchemaFacts
{
    public static readonly SchemaFacts None = new();

    public string? DiscriminatorProperty { get; init; }

    public IReadOnlyDictionary<string, string>? DiscriminatorMapping { get; init; }

    public string? Const { get; init; }

    public string? Default { get; init; }

    public bool Deprecated { get; init; }

    public Sunset Sunset { get; init; }

    public Stability Stability { get; init; }

    public IReadOnlyList<string> ExtensibleEnum { get; init; } = [];

    public IOpenApiSchema? Not { get; init; }

    public IOpenApiSchema? AdditionalProperties { get; init; }

    /// <summary>Schema-valued applicators by keyword: if, then, else, contains, propertyNames, unevaluatedItems...</summary>
    public IReadOnlyDictionary<string, JsonNode> Applicators { get; init; } = new Dictionary<string, JsonNode>();

    /// <summary>unevaluatedProperties: false, which the reader keeps as a flag rather than a schema.</summary>
    public bool NoUnevaluatedProperties { get; init; }

    public JsonArray? PrefixItems { get; init; }

    public IReadOnlyDictionary<string, string> DependentRequired { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, JsonNode> DependentSchemas { get; init; } = new Dictionary<string, JsonNode>();

    public IReadOnlyCollection<string> PatternProperties { get; init; } = [];

    public string? ContentMediaType { get; init; }

    public string? ContentEncoding { get; init; }

    /// <summary>Whether any of these facts restricts values (annotations such as deprecated and default do not).</summary>
    public bool Constrains =>
        DiscriminatorProperty is not null || Const is not null || Not is not null || AdditionalProperties is not null || Applicators.Count > 0
        || NoUnevaluatedProperties || PrefixItems is not null || DependentRequired.Count > 0 || DependentSchemas.Count > 0
        || PatternProperties.Count > 0 || ContentMediaType is not null || ContentEncoding is not null;
}
