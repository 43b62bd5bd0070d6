using System.Text.Json.Nodes;

namespace IntegrationGateway.TestSupport.Contracts;

/// <summary>
/// Compares a checked-in OpenAPI contract with the document a service serves, by meaning rather than
/// by text: refs are resolved, wording and validation limits are ignored, and only what a client
/// depends on (paths, operations, parameters, bodies, status codes, media types, shapes) is compared.
/// </summary>
public static class OpenApiComparison
{
    /// <summary>
    /// One readable line per difference, ordered by path, then method, then place in the operation.
    /// Empty when the served document honours the contract.
    /// </summary>
    public static IReadOnlyList<string> Differences(string expectedJson, string actualJson)
    {
        var expected = ParsedDocument.Parse(expectedJson, "contract");
        var actual = ParsedDocument.Parse(actualJson, "served document");
        return new DocumentComparer(expected, actual).Run();
    }
}

/// <summary>Walks paths, operations, parameters, bodies and responses; schemas go to <see cref="SchemaComparer"/>.</summary>
internal sealed class DocumentComparer(ParsedDocument expected, ParsedDocument actual)
{
    private const string Missing = "missing from served document";
    private const string Extra = "served but not in contract";

    // Alphabetical by upper-case name, which is the order differences are reported in.
    private static readonly string[] Methods = ["delete", "get", "head", "options", "patch", "post", "put", "trace"];

    private readonly SchemaComparer _schemas = new(expected, actual);
    private readonly List<string> _differences = [];

    public IReadOnlyList<string> Run()
    {
        var paths = OpenApiJson.Align(
            OpenApiJson.Entries(expected.Root["paths"], skipExtensions: true),
            OpenApiJson.Entries(actual.Root["paths"], skipExtensions: true),
            StringComparer.Ordinal);
        foreach (var (path, expectedItem, actualItem) in paths)
        {
            // A whole missing path is one difference, not one per operation under it.
            if (Presence(path, "path", expectedItem, actualItem)
                && Resolve(expected, expectedItem, path) is { } e
                && Resolve(actual, actualItem, path) is { } a)
            {
                ComparePathItem(path, e, a);
            }
        }

        return _differences;
    }

    private void ComparePathItem(string path, JsonObject expectedItem, JsonObject actualItem)
    {
        foreach (var method in Methods)
        {
            var label = $"{method.ToUpperInvariant()} {path}";
            if (Presence(label, "operation", expectedItem[method], actualItem[method])
                && expectedItem[method] is JsonObject e && actualItem[method] is JsonObject a)
            {
                CompareOperationId(label, e, a);
                CompareParameters(label, Parameters(expected, expectedItem, e, label), Parameters(actual, actualItem, a, label));
                CompareRequestBody(label, Resolve(expected, e["requestBody"], label), Resolve(actual, a["requestBody"], label));
                CompareResponses(label, e["responses"], a["responses"]);
            }
        }
    }

    private void CompareOperationId(string label, JsonObject e, JsonObject a)
    {
        var expectedId = OpenApiJson.Text(e["operationId"]);
        var actualId = OpenApiJson.Text(a["operationId"]);
        if (!string.Equals(expectedId, actualId, StringComparison.Ordinal))
        {
            _differences.Add($"{label}: operationId {Quote(expectedId)} expected, {Quote(actualId)} served");
        }
    }

    private void CompareParameters(string label, List<KeyValuePair<string, JsonNode?>> e, List<KeyValuePair<string, JsonNode?>> a)
    {
        foreach (var (_, expectedParameter, actualParameter) in OpenApiJson.Align(e, a, StringComparer.Ordinal))
        {
            var subject = Describe((expectedParameter ?? actualParameter)!);
            if (!Presence(label, subject, expectedParameter, actualParameter))
            {
                continue;
            }

            CompareRequired(label, subject, IsRequired(expectedParameter!), IsRequired(actualParameter!));
            CompareSchema(label, $"{subject} schema", expectedParameter!["schema"], actualParameter!["schema"]);
        }
    }

    private void CompareRequestBody(string label, JsonObject? e, JsonObject? a)
    {
        if (Presence(label, "request body", e, a) && e is not null && a is not null)
        {
            CompareRequired(label, "request body", OpenApiJson.Flag(e["required"]), OpenApiJson.Flag(a["required"]));
            CompareContent(label, "request body", e["content"], a["content"], compareSchemas: true);
        }
    }

    private void CompareResponses(string label, JsonNode? e, JsonNode? a)
    {
        var responses = OpenApiJson.Align(
            OpenApiJson.Entries(e, skipExtensions: true),
            OpenApiJson.Entries(a, skipExtensions: true),
            StringComparer.OrdinalIgnoreCase);
        foreach (var (status, expectedResponse, actualResponse) in responses)
        {
            var subject = $"response {status}";
            if (Presence(label, subject, expectedResponse, actualResponse)
                && Resolve(expected, expectedResponse, label) is { } er
                && Resolve(actual, actualResponse, label) is { } ar)
            {
                // Error bodies are RFC 9457 problem details whichever way each side spells them.
                CompareContent(label, subject, er["content"], ar["content"], compareSchemas: status.StartsWith('2'));
            }
        }
    }

    private void CompareContent(string label, string subject, JsonNode? e, JsonNode? a, bool compareSchemas)
    {
        // Media types are case-insensitive (RFC 9110).
        var mediaTypes = OpenApiJson.Align(OpenApiJson.Entries(e), OpenApiJson.Entries(a), StringComparer.OrdinalIgnoreCase);
        foreach (var (mediaType, expectedMedia, actualMedia) in mediaTypes)
        {
            if (Presence(label, $"{subject} media type '{mediaType}'", expectedMedia, actualMedia) && compareSchemas)
            {
                var where = mediaTypes.Count > 1 ? $"{subject} schema ({mediaType})" : $"{subject} schema";
                CompareSchema(label, where, expectedMedia!["schema"], actualMedia!["schema"]);
            }
        }
    }

    private void CompareSchema(string label, string where, JsonNode? e, JsonNode? a)
    {
        foreach (var difference in _schemas.Compare(e, a))
        {
            _differences.Add($"{label}: {where}: {difference}");
        }
    }

    private void CompareRequired(string label, string subject, bool e, bool a)
    {
        if (e != a)
        {
            _differences.Add($"{label}: {subject} {Requiredness(e)} expected, {Requiredness(a)} served");
        }
    }

    /// <summary>Reports a one-sided item and returns whether both sides have it, so callers can look inside.</summary>
    private bool Presence(string label, string subject, JsonNode? e, JsonNode? a)
    {
        if (e is not null && a is not null)
        {
            return true;
        }

        if (e is not null || a is not null)
        {
            _differences.Add($"{label}: {subject} {(e is null ? Extra : Missing)}");
        }

        return false;
    }

    /// <summary>
    /// Parameters keyed by location and name. Path-level ones are included because OpenAPI lets an
    /// operation inherit them; operation-level ones override them, as the specification says.
    /// </summary>
    private List<KeyValuePair<string, JsonNode?>> Parameters(ParsedDocument document, JsonObject item, JsonObject operation, string label)
    {
        var byKey = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var node in OpenApiJson.Elements(item["parameters"]).Concat(OpenApiJson.Elements(operation["parameters"])))
        {
            if (Resolve(document, node, label) is { } parameter)
            {
                var location = OpenApiJson.Text(parameter["in"]);
                var name = OpenApiJson.Text(parameter["name"]) ?? string.Empty;

                // Header names are case-insensitive (RFC 9110); nothing else is.
                byKey[$"{location}\n{(location == "header" ? name.ToLowerInvariant() : name)}"] = parameter;
            }
        }

        return [.. byKey];
    }

    private JsonObject? Resolve(ParsedDocument document, JsonNode? node, string label)
    {
        var resolved = document.Resolve(node, out var error);
        if (error is not null)
        {
            _differences.Add($"{label}: {error}");
        }

        return resolved;
    }

    // Path parameters are required whatever the document says: a path cannot match without them.
    private static bool IsRequired(JsonNode parameter) =>
        OpenApiJson.Text(parameter["in"]) == "path" || OpenApiJson.Flag(parameter["required"]);

    private static string Describe(JsonNode parameter) =>
        $"parameter {OpenApiJson.Text(parameter["in"])} '{OpenApiJson.Text(parameter["name"])}'";

    private static string Requiredness(bool required) => required ? "required" : "optional";

    private static string Quote(string? text) => text is null ? "none" : $"'{text}'";
}
