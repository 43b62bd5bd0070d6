using System.Security.Cryptography;
using System.Text.Json;

namespace IntegrationGateway.ExperienceApis.Storefront;

/// <summary>Availability reads carry an ETag of their body and answer 304 when the caller already has it.</summary>
public static class EntityTags
{
    public static IResult OkOrNotModified<T>(HttpContext context, T body, string? knownTag = null)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(body, context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
        // A read model's figures carry sequences, which tag them without hashing the body.
        var tag = knownTag ?? $"\"{Convert.ToHexString(SHA256.HashData(json), 0, 12)}\"";
        context.Response.Headers.ETag = tag;
        context.Response.Headers.CacheControl = "no-cache";
        var sent = context.Request.Headers.IfNoneMatch.ToString();
        if (sent.Length > 0 && (sent == "*" || sent.Split(',').Any(t => t.Trim().TrimStart('W', '/') == tag)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(json, "application/json");
    }
}
