using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff.Schemas;

/// <summary>Builds each schema's view once, on first use, for both documents of a comparison.</summary>
internal sealed class SchemaViews
{
    // Microsoft.OpenApi keeps a JSON null enum member as this string, so it is read back as null here.
    private const string NullSentinelPrefix = "openapi-json-null-sentinel-value";

    private readonly Dictionary<IOpenApiSchema, SchemaView> views = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<IOpenApiSchema> building = new(ReferenceEqualityComparer.Instance);

    /// <summary>The schema a $ref points to (through chains of refs); null when it points nowhere.</summary>
    public static IOpenApiSchema? Resolve(IOpenApiSchema? schema) => References.Resolve(schema) is { } target and not OpenApiSchemaReference ? target : null;

    public SchemaView Get(IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return SchemaView.Empty;
        }
        if (views.TryGetValue(schema, out var view))
        {
            return view;
        }
        var resolved = Resolve(schema);
        if (resolved is null)
        {
            return SchemaView.Empty;
        }
        if (views.TryGetValue(resolved, out view))
        {
            // Each $ref use is its own object; remembering it spares resolving it again.
            views[schema] = view;
            return view;
        }
        // An allOf that reaches itself again adds nothing the outer merge does not already have.
        if (!building.Add(resolved))
        {
            return SchemaView.Empty;
        }
        view = Build(resolved);
        building.Remove(resolved);
        views[resolved] = view;
        views[schema] = view;
        return view;
    }

    private SchemaView Build(IOpenApiSchema schema)
    {
        var view = new SchemaView(schema)
        {
            Types = (schema.Type ?? 0) & ~JsonSchemaType.Null,
            Nullable = schema.Type is { } type && type.HasFlag(JsonSchemaType.Null),
            Format = string.IsNullOrEmpty(schema.Format) ? null : schema.Format,
            Pattern = string.IsNullOrEmpty(schema.Pattern) ? null : schema.Pattern,
            Items = schema.Items,
            ReadOnly = schema.ReadOnly,
            WriteOnly = schema.WriteOnly,
        };
        foreach (var value in schema.Enum ?? [])
        {
            if (Canonical(value) is { } text)
            {
                view.Enum.Add(text);
            }
        }
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            view.Properties[name] = property;
        }
        view.Required.UnionWith(schema.Required ?? new HashSet<string>());
        AddLimits(schema, view);

        var parts = schema.AllOf ?? [];
        view.AllOf.AddRange(parts);
        foreach (var part in parts)
        {
            view.Absorb(Get(part));
        }
        view.Facts = SchemaFactsReader.Read(schema);
        if (schema.Type is null && parts.Count > 0 && parts.All(p => Get(p).Nullable))
        {
            view.Nullable = true;
        }
        AddAlternatives(schema.OneOf, view, view.OneOf);
        AddAlternatives(schema.AnyOf, view, view.AnyOf);
        return view;
    }

    /// <summary>
    /// A oneOf/anyOf of one schema, or of one schema and {type: 'null'}, is 3.1's way to write a (nullable) $ref;
    /// it collapses into that schema so it compares equal to the 3.0 spelling.
    /// </summary>
    private void AddAlternatives(IList<IOpenApiSchema>? branches, SchemaView view, List<IOpenApiSchema> alternatives)
    {
        if (branches is null || branches.Count == 0)
        {
            return;
        }
        var meaningful = branches.Where(b => !IsNullOnly(b)).ToList();
        if (meaningful.Count == 1)
        {
            var branch = Get(meaningful[0]);
            view.Absorb(branch);
            view.Nullable |= branch.Nullable || meaningful.Count < branches.Count;
            return;
        }
        view.Nullable |= meaningful.Count < branches.Count;
        alternatives.AddRange(meaningful);
    }

    private static bool IsNullOnly(IOpenApiSchema schema) => Resolve(schema)?.Type == JsonSchemaType.Null;

    private static void AddLimits(IOpenApiSchema schema, SchemaView view)
    {
        void Add(Bound bound, decimal? value)
        {
            if (value is { } number && !IsImplied(bound, number, schema.Format))
            {
                view.Limits[bound] = number;
            }
        }
        Add(Bound.Maximum, Bounds.Parse(schema.Maximum));
        Add(Bound.ExclusiveMaximum, Bounds.Parse(schema.ExclusiveMaximum));
        Add(Bound.MaxLength, schema.MaxLength);
        Add(Bound.MaxItems, schema.MaxItems);
        Add(Bound.Minimum, Bounds.Parse(schema.Minimum));
        Add(Bound.ExclusiveMinimum, Bounds.Parse(schema.ExclusiveMinimum));
        Add(Bound.MinLength, schema.MinLength);
        Add(Bound.MinItems, schema.MinItems);
        Add(Bound.MinContains, Sheltered(schema, "minContains"));
        Add(Bound.MaxContains, Sheltered(schema, "maxContains"));
    }

    private static decimal? Sheltered(IOpenApiSchema schema, string keyword) =>
        schema.Extensions?.TryGetValue(Loading.KeywordShelter.Prefix + keyword, out var extension) == true && extension is JsonNodeExtension { Node: { } node }
            ? Bounds.Parse(node.ToJsonString())
            : null;

    /// <summary>
    /// A bound that restates what the type already says is no bound: minLength 0, minItems 0, or the range of the
    /// integer format itself (what [Range(1, int.MaxValue)] writes). Comparing by meaning ignores them.
    /// </summary>
    private static bool IsImplied(Bound bound, decimal value, string? format) => (bound, format) switch
    {
        (Bound.MinLength or Bound.MinItems, _) => value == 0,
        (Bound.Maximum, "int32") => value >= int.MaxValue,
        (Bound.Minimum, "int32") => value <= int.MinValue,
        (Bound.Maximum, "int64") => value >= long.MaxValue,
        (Bound.Minimum, "int64") => value <= long.MinValue,
        _ => false,
    };

    private static string? Canonical(JsonNode? value)
    {
        if (value is null || value is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith(NullSentinelPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        return value.ToJsonString();
    }
}
