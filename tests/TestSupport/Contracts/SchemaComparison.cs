using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace IntegrationGateway.TestSupport.Contracts;

/// <summary>
/// Compares two schemas by the shape a client sees: type, format, enum, items, properties, required.
/// Wording, validation limits, nullability and schema names are deliberately left out.
/// </summary>
internal sealed class SchemaComparer(ParsedDocument expected, ParsedDocument actual)
{
    // Pairs under comparison on the current branch; meeting one again means a recursive schema.
    private readonly HashSet<(JsonObject, JsonObject)> _inProgress = new(ReferencePairComparer.Instance);

    public IReadOnlyList<string> Compare(JsonNode? expectedSchema, JsonNode? actualSchema)
    {
        var sink = new List<string>();
        Compare(expectedSchema, actualSchema, string.Empty, sink);
        return sink;
    }

    private void Compare(JsonNode? expectedSchema, JsonNode? actualSchema, string path, List<string> sink)
    {
        var problems = new List<string>();
        var e = SchemaView.Build(expected, expectedSchema, problems);
        var a = SchemaView.Build(actual, actualSchema, problems);
        if (problems.Count > 0)
        {
            // An unreadable side would only add a misleading type difference.
            sink.AddRange(problems.Select(problem => At(path, problem)));
            return;
        }

        (JsonObject, JsonObject)? pair = e.Identity is not null && a.Identity is not null ? (e.Identity, a.Identity) : null;
        if (pair is { } entered && !_inProgress.Add(entered))
        {
            return;
        }

        try
        {
            CompareViews(e, a, path, sink);
        }
        finally
        {
            if (pair is { } left)
            {
                _inProgress.Remove(left);
            }
        }
    }

    private void CompareViews(SchemaView e, SchemaView a, string path, List<string> sink)
    {
        if (e.Describe() != a.Describe())
        {
            // Below a changed type every other difference is noise.
            sink.Add(At(path, $"type {e.Describe()} expected, {a.Describe()} served"));
            return;
        }

        CompareEnums(e.Enum, a.Enum, path, sink);
        CompareItems(e.Items, a.Items, path, sink);
        CompareProperties(e, a, path, sink);
        CompareRequired(e, a, path, sink);
        CompareVariants("oneOf", e.OneOf, a.OneOf, path, sink);
        CompareVariants("anyOf", e.AnyOf, a.AnyOf, path, sink);
    }

    private static void CompareEnums(SortedSet<string>? e, SortedSet<string>? a, string path, List<string> sink)
    {
        if (e is null || a is null)
        {
            if (e is not null || a is not null)
            {
                sink.Add(At(path, $"enum {(e is null ? "served but not in contract" : "missing from served document")}"));
            }

            return;
        }

        sink.AddRange(e.Except(a).Select(value => At(path, $"enum value '{value}' missing from served document")));
        sink.AddRange(a.Except(e).Select(value => At(path, $"enum value '{value}' served but not in contract")));
    }

    private void CompareItems(JsonNode? e, JsonNode? a, string path, List<string> sink)
    {
        if (e is not null && a is not null)
        {
            Compare(e, a, path + "[]", sink);
        }
        else if (e is not null || a is not null)
        {
            sink.Add(At(path, $"items {(e is null ? "served but not in contract" : "missing from served document")}"));
        }
    }

    private void CompareProperties(SchemaView e, SchemaView a, string path, List<string> sink)
    {
        foreach (var (name, expectedProperty, actualProperty) in OpenApiJson.Align(e.Properties, a.Properties, StringComparer.Ordinal))
        {
            var child = Child(path, name);
            if (expectedProperty is null)
            {
                sink.Add($"property '{child}' served but not in contract");
            }
            else if (actualProperty is null)
            {
                sink.Add($"property '{child}' missing from served document");
            }
            else
            {
                Compare(expectedProperty, actualProperty, child, sink);
            }
        }
    }

    private static void CompareRequired(SchemaView e, SchemaView a, string path, List<string> sink)
    {
        foreach (var name in e.Required.Union(a.Required).Order(StringComparer.Ordinal))
        {
            var inExpected = e.Required.Contains(name);

            // A property present on one side only is already reported; its requiredness adds nothing.
            if (inExpected != a.Required.Contains(name)
                && e.Properties.ContainsKey(name) == a.Properties.ContainsKey(name))
            {
                var (was, now) = inExpected ? ("required", "optional") : ("optional", "required");
                sink.Add($"property '{Child(path, name)}' {was} expected, {now} served");
            }
        }
    }

    private void CompareVariants(string keyword, List<JsonNode?> e, List<JsonNode?> a, string path, List<string> sink)
    {
        if (e.Count != a.Count)
        {
            sink.Add(At(path, $"{keyword} of {e.Count} schemas expected, {a.Count} served"));
            return;
        }

        for (var i = 0; i < e.Count; i++)
        {
            Compare(e[i], a[i], Child(path, $"{keyword}[{i}]"), sink);
        }
    }

    private static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string At(string path, string what) => path.Length == 0 ? what : $"property '{path}' {what}";

    private sealed class ReferencePairComparer : IEqualityComparer<(JsonObject, JsonObject)>
    {
        public static readonly ReferencePairComparer Instance = new();

        public bool Equals((JsonObject, JsonObject) x, (JsonObject, JsonObject) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((JsonObject, JsonObject) pair) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(pair.Item1), RuntimeHelpers.GetHashCode(pair.Item2));
    }
}
