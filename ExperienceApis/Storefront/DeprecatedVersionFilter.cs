using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IntegrationGateway.ExperienceApis.Storefront;

/// <summary>
/// Marks the operations of a deprecated version as deprecated in its document, with the sunset date as
/// x-sunset, so the served document says what the response headers say.
/// </summary>
public sealed class DeprecatedVersionFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.IsDeprecated)
        {
            return;
        }
        operation.Deprecated = true;
        if (context.ApiDescription.SunsetPolicy?.Date is { } date)
        {
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-sunset"] = new JsonNodeExtension(JsonValue.Create(date.ToString("yyyy-MM-dd")));
        }
    }
}
