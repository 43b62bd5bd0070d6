using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrationGateway.ContractTool.Loading;

/// <summary>A contract's text as JSON nodes, whichever of JSON or YAML it was written in.</summary>
internal static class RawDocument
{
    public static JsonNode? Parse(string text, bool yaml)
    {
        try
        {
            return yaml ? YamlToJson.Convert(text) : JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (Exception exception) when (exception is JsonException or SharpYaml.YamlException)
        {
            throw new InvalidDataException($"not valid {(yaml ? "YAML" : "JSON")}: {exception.Message}", exception);
        }
    }

    public static JsonDocument ParseElement(string text)
    {
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"not valid JSON: {exception.Message}", exception);
        }
    }

    public static bool IsYaml(string path, string text) =>
        Path.GetExtension(path).ToLowerInvariant() is ".yaml" or ".yml" || (Path.GetExtension(path).Length == 0 && !text.TrimStart().StartsWith('{'));
}
