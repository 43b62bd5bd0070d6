using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace IntegrationGateway.ContractTool.Loading;

/// <summary>Reads an OpenAPI 3.0 or 3.1 document, JSON or YAML, with Microsoft.OpenApi.</summary>
public static class DocumentLoader
{
    public static async Task<OpenApiDocument> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        var format = Path.GetExtension(path).ToLowerInvariant() is ".yaml" or ".yml" ? OpenApiConstants.Yaml : OpenApiConstants.Json;
        return await LoadAsync(stream, format, path, cancellationToken);
    }

    public static async Task<OpenApiDocument> LoadTextAsync(string text, string name = "document", CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var format = text.TrimStart().StartsWith('{') ? OpenApiConstants.Json : OpenApiConstants.Yaml;
        return await LoadAsync(stream, format, name, cancellationToken);
    }

    private static async Task<OpenApiDocument> LoadAsync(Stream stream, string format, string name, CancellationToken cancellationToken)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var result = await OpenApiDocument.LoadAsync(stream, format, settings, cancellationToken);
        if (result.Document is null)
        {
            var errors = result.Diagnostic?.Errors.Select(e => e.ToString()) ?? [];
            throw new InvalidDataException($"{name} is not an OpenAPI document: {string.Join("; ", errors)}");
        }
        return result.Document;
    }
}
