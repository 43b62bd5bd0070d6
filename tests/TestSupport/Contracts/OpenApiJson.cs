using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrationGateway.TestSupport.Contracts;

/// <summary>One parsed OpenAPI document, able to follow its own local <c>$ref</c>s.</summary>
internal sealed class ParsedDocument(JsonNode root, string name)
{
    // Far more than any sane chain of refs; past it the chain is treated as a loop.
    private const int MaxReferenceHops = 32;

    public JsonNode Root { get; } = root;

    /// <summary>How differences name this document: "contract" or "served document".</summary>
    public string Name { get; } = name;

    public static ParsedDocument Parse(string json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        var root = JsonNode.Parse(json) ?? throw new ArgumentException($"The {name} is JSON null.", nameof(json));
        return new ParsedDocument(root, name);
    }

    /// <summary>
    /// Follows <c>$ref</c> chains to the object they name. Returns null with an error when a ref
    /// cannot be followed, so the caller reports it as a difference instead of throwing.
    /// </summary>
    public JsonObject? Resolve(JsonNode? node, out string? error)
    {
        error = null;
        for (var hops = 0; OpenApiJson.Text((node as JsonObject)?["$ref"]) is { } reference; hops++)
        {
            if (hops == MaxReferenceHops)
            {
                error = $"$ref '{reference}' loops in {Name}";
                return null;
            }

            node = Follow(reference);
            if (node is null)
            {
                error = $"$ref '{reference}' cannot be resolved in {Name}";
                return null;
            }
        }

        return node as JsonObject;
    }

    private JsonNode? Follow(string reference)
    {
        // Only local refs: both documents are meant to be self-contained.
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        JsonNode? current = Root;
        foreach (var raw in reference[2..].Split('/'))
        {
            var token = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal)
                .Replace("~0", "~", StringComparison.Ordinal);
            current = current switch
            {
                JsonObject obj => obj[token],
                JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                    && i < array.Count => array[i],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }
}

/// <summary>Small readers over <see cref="JsonNode"/> that treat malformed input as absent.</summary>
internal static class OpenApiJson
{
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool Flag(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    public static IEnumerable<JsonNode?> Elements(JsonNode? node) => node as JsonArray ?? [];

    /// <summary>
    /// The members of a JSON object. Extension keys are skipped only where keys are structural
    /// (paths, responses); in schema properties an "x-" name is a real property.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, JsonNode?>> Entries(JsonNode? node, bool skipExtensions = false) =>
        node is JsonObject obj
            ? obj.Where(p => p.Value is not null && !(skipExtensions && p.Key.StartsWith("x-", StringComparison.Ordinal)))
            : [];

    /// <summary>
    /// Pairs two keyed collections by key, in ordinal key order so differences come out deterministic.
    /// A null side means the key is absent from that document.
    /// </summary>
    public static IReadOnlyList<(string Key, JsonNode? Expected, JsonNode? Actual)> Align(
        IEnumerable<KeyValuePair<string, JsonNode?>> expected,
        IEnumerable<KeyValuePair<string, JsonNode?>> actual,
        StringComparer comparer)
    {
        var expectedByKey = ToMap(expected, comparer);
        var actualByKey = ToMap(actual, comparer);
        return expectedByKey.Keys.Union(actualByKey.Keys, comparer)
            .Order(StringComparer.Ordinal)
            .Select(key => (key, expectedByKey.GetValueOrDefault(key), actualByKey.GetValueOrDefault(key)))
            .ToList();
    }

    private static Dictionary<string, JsonNode?> ToMap(IEnumerable<KeyValuePair<string, JsonNode?>> entries, StringComparer comparer)
    {
        var map = new Dictionary<string, JsonNode?>(comparer);
        foreach (var (key, value) in entries)
        {
            if (value is not null)
            {
                map.TryAdd(key, value);
            }
        }

        return map;
    }
}

/// <summary>One schema with refs resolved and composition flattened, reduced to what is compared.</summary>
internal sealed class SchemaView
{
    // Guards against allOf chains that refer back to themselves.
    private const int MaxCompositionDepth = 32;

    /// <summary>The outermost resolved schema object, used to detect recursion.</summary>
    public JsonObject? Identity { get; private set; }
    public string? Type { get; private set; }
    public string? Format { get; private set; }
    public SortedSet<string>? Enum { get; private set; }
    public JsonNode? Items { get; private set; }
    public Dictionary<string, JsonNode?> Properties { get; } = new(StringComparer.Ordinal);
    public SortedSet<string> Required { get; } = new(StringComparer.Ordinal);
    public List<JsonNode?> OneOf { get; } = [];
    public List<JsonNode?> AnyOf { get; } = [];

    private bool IsAny =>
        Type is null && Enum is null && Items is null && Properties.Count == 0 && OneOf.Count == 0 && AnyOf.Count == 0;

    public static SchemaView Build(ParsedDocument document, JsonNode? schema, List<string> problems)
    {
        var view = new SchemaView();
        view.Merge(document, schema, problems, depth: 0);

        // A hand-written contract may leave the type implied by properties or items.
        view.Type ??= view.Properties.Count > 0 ? "object" : view.Items is not null ? "array" : null;
        return view;
    }

    public string Describe() => IsAny ? "any" : Type is null ? "untyped" : Format is null ? Type : $"{Type}/{Format}";

    private void Merge(ParsedDocument document, JsonNode? node, List<string> problems, int depth)
    {
        var schema = document.Resolve(node, out var error);
        if (error is not null || depth > MaxCompositionDepth)
        {
            problems.Add(error ?? $"allOf nests too deep in {document.Name}");
            return;
        }

        if (schema is null)
        {
            return;
        }

        Identity ??= schema;
        Type ??= TypeOf(schema["type"]);
        Format ??= OpenApiJson.Text(schema["format"]);
        Enum ??= EnumOf(schema["enum"]);
        Items ??= schema["items"];
        foreach (var (name, property) in OpenApiJson.Entries(schema["properties"]))
        {
            Properties.TryAdd(name, property);
        }

        Required.UnionWith(OpenApiJson.Elements(schema["required"]).Select(OpenApiJson.Text).OfType<string>());

        // Swashbuckle wraps refs in a one-element allOf and models inheritance as several; a contract
        // usually states the flattened shape, so both are merged into one view.
        foreach (var part in OpenApiJson.Elements(schema["allOf"]))
        {
            Merge(document, part, problems, depth + 1);
        }

        MergeVariants(document, schema["oneOf"], OneOf, problems, depth);
        MergeVariants(document, schema["anyOf"], AnyOf, problems, depth);
    }

    // Nullability is ignored, so a "null" variant is dropped; a single remaining variant then means that schema.
    private void MergeVariants(ParsedDocument document, JsonNode? node, List<JsonNode?> target, List<string> problems, int depth)
    {
        var variants = OpenApiJson.Elements(node).Where(v => TypeOf((v as JsonObject)?["type"]) != "null").ToList();
        if (variants.Count == 1)
        {
            Merge(document, variants[0], problems, depth + 1);
        }
        else
        {
            target.AddRange(variants);
        }
    }

    // OpenAPI 3.1 allows a type array; "null" in it is nullability, which is not compared.
    private static string? TypeOf(JsonNode? node) => node switch
    {
        JsonArray types => types.Select(OpenApiJson.Text).OfType<string>().Where(t => t != "null")
            .Order(StringComparer.Ordinal).Aggregate((string?)null, (all, t) => all is null ? t : $"{all}|{t}"),
        _ => OpenApiJson.Text(node),
    };

    private static SortedSet<string>? EnumOf(JsonNode? node)
    {
        if (node is not JsonArray values)
        {
            return null;
        }

        // JSON null members parse to C# null and drop out here: they only say the value is nullable.
        var texts = values.OfType<JsonValue>()
            .Select(v => v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString());
        return new SortedSet<string>(texts, StringComparer.Ordinal);
    }
}
