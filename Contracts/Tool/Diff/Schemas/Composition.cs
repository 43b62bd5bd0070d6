using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff.Schemas;

/// <summary>
/// oneOf, anyOf and allOf subschemas, paired across the two sides by the component they reference, else by title,
/// else by position; what pairs is compared (oneOf/anyOf), what does not is added or removed. allOf members are
/// also merged into the schema's view, so their properties are compared as the schema's own.
/// </summary>
internal static class Composition
{
    private static readonly List<(IOpenApiSchema Base, IOpenApiSchema Revision)> None = [];

    public static bool WrappedInOneOf(SchemaView @base, SchemaView revision) =>
        @base.OneOf.Count == 0 && @base.AnyOf.Count == 0 && revision.OneOf.Count >= 2 && revision.Types == 0 && revision.Properties.Count == 0
        && (@base.EffectiveTypes != 0 || @base.Properties.Count > 0);

    public static List<(IOpenApiSchema Base, IOpenApiSchema Revision)> Compare(
        string keyword, IReadOnlyList<IOpenApiSchema> @base, IReadOnlyList<IOpenApiSchema> revision, SchemaViews views, List<SchemaChange> changes)
    {
        if (@base.Count == 0 && revision.Count == 0)
        {
            return None;
        }
        var pairs = new List<(IOpenApiSchema, IOpenApiSchema)>();
        var before = Keyed(@base);
        var after = Keyed(revision);
        foreach (var (key, schema) in after)
        {
            if (!before.ContainsKey(key))
            {
                var annotation = keyword == "all-of" && views.Get(schema).AnnotationOnly;
                changes.Add(SchemaChange.Named($"{keyword}-added{(annotation ? "-annotation-only" : "")}", $"added the {Words(keyword)} subschema {Name(key)} to"));
            }
        }
        foreach (var (key, schema) in before)
        {
            if (after.TryGetValue(key, out var revised))
            {
                pairs.Add((schema, revised));
            }
            else
            {
                var annotation = keyword == "all-of" && views.Get(schema).AnnotationOnly;
                changes.Add(SchemaChange.Named($"{keyword}-removed{(annotation ? "-annotation-only" : "")}", $"removed the {Words(keyword)} subschema {Name(key)} from"));
            }
        }
        return pairs;
    }

    private static Dictionary<string, IOpenApiSchema> Keyed(IReadOnlyList<IOpenApiSchema> schemas)
    {
        var keyed = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        for (var i = 0; i < schemas.Count; i++)
        {
            keyed.TryAdd(Key(schemas[i], i), schemas[i]);
        }
        return keyed;
    }

    private static string Key(IOpenApiSchema schema, int index) =>
        schema is OpenApiSchemaReference { Reference.Id: { } id } ? "ref:" + id
        : References.Resolve(schema)?.Title is { Length: > 0 } title ? "title:" + title
        : "#" + index;

    private static string Name(string key) => key.StartsWith('#') ? "at position " + key[1..] : key[(key.IndexOf(':') + 1)..];

    private static string Words(string keyword) => keyword switch
    {
        "one-of" => "oneOf",
        "any-of" => "anyOf",
        _ => "allOf",
    };
}
