using IntegrationGateway.Contracts.B2b;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IntegrationGateway.ExperienceApis.B2b;

/// <summary>Puts the per-SKU bounds that <see cref="SkuList"/> enforces into the served document, where the contract has them.</summary>
public sealed class SkuItemBoundsFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type == typeof(B2bAvailabilityQuery)
            && schema is OpenApiSchema { Properties: { } properties }
            && properties.TryGetValue("skus", out var skus) && skus.Items is OpenApiSchema item)
        {
            item.MinLength = 1;
            item.MaxLength = SkuList.MaxSkuLength;
        }
    }
}
