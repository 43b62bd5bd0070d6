using System.Reflection;
using System.Text.Json.Nodes;

namespace IntegrationGateway.Gateway.Docs;

/// <summary>
/// Swagger UI for partner developers at /swagger, listing every public experience API version and only those:
/// the documents are the checked-in contracts (openapi/experience-*.json) embedded at build time, with their
/// examples, and the services' drift tests keep the served APIs true to them. Try-it calls go to this gateway.
/// </summary>
public static class PartnerDocs
{
    private const string Prefix = "partner-docs/experience-";

    public static WebApplication UsePartnerDocs(this WebApplication app)
    {
        var documents = Load();
        app.MapGet("/swagger/{document}/swagger.json", (string document) =>
                documents.TryGetValue(document, out var doc) ? Results.Text(doc.Json, "application/json") : Results.NotFound())
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "swagger";
            options.DocumentTitle = "IntegrationGateway partner APIs";
            // Newest first, so the UI opens on the version partners should build against.
            foreach (var (name, doc) in documents.OrderByDescending(d => d.Key, StringComparer.Ordinal))
            {
                options.SwaggerEndpoint($"/swagger/{name}/swagger.json", doc.Label);
            }
            options.EnablePersistAuthorization();
            options.DisplayOperationId();
        });
        return app;
    }

    /// <summary>The embedded public contracts by document name (storefront-v1), with the label the UI shows.</summary>
    public static IReadOnlyDictionary<string, (string Json, string Label)> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var documents = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var json = reader.ReadToEnd();
            var name = resource[Prefix.Length..^".json".Length];
            documents[name] = (json, Label(JsonNode.Parse(json)!));
        }
        return documents;
    }

    private static string Label(JsonNode document)
    {
        var title = (string?)document["info"]?["title"] ?? "API";
        var major = ((string?)document["info"]?["version"] ?? "1").Split('.')[0];
        var deprecated = document["paths"]!.AsObject().All(p => p.Value!.AsObject().All(o => (bool?)o.Value?["deprecated"] == true));
        return $"{title.Replace(" API", "", StringComparison.Ordinal)} v{major}{(deprecated ? " (deprecated)" : "")}";
    }
}
