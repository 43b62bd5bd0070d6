using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff.Schemas;

/// <summary>
/// What a schema means once $refs are followed and allOf is merged: the facts the comparison looks at, and
/// nothing that is documentation. Identity is the schema object the view was built from, so two uses of one
/// component share one view and one comparison.
/// </summary>
internal sealed class SchemaView
{
    public static readonly SchemaView Empty = new(new OpenApiSchema());

    public SchemaView(IOpenApiSchema identity) => Identity = identity;

    public IOpenApiSchema Identity { get; }

    /// <summary>The declared types without null; none means any type.</summary>
    public JsonSchemaType Types { get; set; }

    /// <summary>3.0's nullable: true and 3.1's "null" in the type array mean the same and both land here.</summary>
    public bool Nullable { get; set; }

    public string? Format { get; set; }

    /// <summary>Enum values as canonical JSON, without null (nullability says that).</summary>
    public List<string> Enum { get; } = [];

    public Dictionary<string, IOpenApiSchema> Properties { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

    public IOpenApiSchema? Items { get; set; }

    /// <summary>oneOf and anyOf branches that did not collapse into a plain (nullable) schema.</summary>
    public List<IOpenApiSchema> OneOf { get; } = [];

    public List<IOpenApiSchema> AnyOf { get; } = [];

    /// <summary>The allOf members as written: merged into this view, and kept to tell members added or removed.</summary>
    public List<IOpenApiSchema> AllOf { get; } = [];

    public string? Pattern { get; set; }

    public Dictionary<Bound, decimal> Limits { get; } = [];

    public bool ReadOnly { get; set; }

    public bool WriteOnly { get; set; }

    /// <summary>The other keywords compared, as written on this schema (not merged from allOf members).</summary>
    public SchemaFacts Facts { get; set; } = SchemaFacts.None;

    public decimal? Limit(Bound bound) => Limits.TryGetValue(bound, out var value) ? value : null;

    /// <summary>The types a schema constrains its value to, reading an untyped schema with properties as an object.</summary>
    public JsonSchemaType EffectiveTypes =>
        Types != 0 ? Types
        : Properties.Count > 0 ? JsonSchemaType.Object
        : Items is not null ? JsonSchemaType.Array
        : 0;

    /// <summary>True for a schema that constrains nothing: only title, description, examples, deprecated and the like.</summary>
    public bool AnnotationOnly =>
        Types == 0 && !Nullable && Format is null && Enum.Count == 0 && Properties.Count == 0 && Required.Count == 0 && Items is null
        && OneOf.Count == 0 && AnyOf.Count == 0 && AllOf.Count == 0 && Pattern is null && Limits.Count == 0 && Facts.Constrains == false;

    /// <summary>Merges an allOf member (or a collapsed oneOf branch) into this view: the view's own facts win.</summary>
    public void Absorb(SchemaView part)
    {
        Types = Types != 0 ? Types : part.Types;
        Format ??= part.Format;
        Pattern ??= part.Pattern;
        Items ??= part.Items;
        if (Enum.Count == 0)
        {
            Enum.AddRange(part.Enum);
        }
        foreach (var (name, schema) in part.Properties)
        {
            Properties.TryAdd(name, schema);
        }
        Required.UnionWith(part.Required);
        foreach (var (bound, value) in part.Limits)
        {
            Limits.TryAdd(bound, value);
        }
        if (OneOf.Count == 0)
        {
            OneOf.AddRange(part.OneOf);
        }
        if (AnyOf.Count == 0)
        {
            AnyOf.AddRange(part.AnyOf);
        }
        ReadOnly |= part.ReadOnly;
        WriteOnly |= part.WriteOnly;
    }
}
