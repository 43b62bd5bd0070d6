using Microsoft.OpenApi;

namespace IntegrationGateway.ContractTool.Diff;

internal static class Content
{
    /// <summary>Media types compare without regard to case, as HTTP does.</summary>
    public static Dictionary<string, IOpenApiMediaType> Of(IDictionary<string, IOpenApiMediaType>? content)
    {
        var media = new Dictionary<string, IOpenApiMediaType>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, type) in content ?? new Dictionary<string, IOpenApiMediaType>())
        {
            media.TryAdd(name, type);
        }
        return media;
    }
}
