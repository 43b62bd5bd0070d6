using IntegrationGateway.ServiceDefaults.Idempotency;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IntegrationGateway.ServiceDefaults.OpenApi;

/// <summary>
/// Endpoints bind Idempotency-Key as optional so that a missing key gets our own 400 problem rather than a
/// binding failure; on the wire it is required, and the document says so.
/// </summary>
public sealed class IdempotencyKeyIsRequiredFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Header && string.Equals(parameter.Name, IdempotencyKey.Header, StringComparison.OrdinalIgnoreCase))
            {
                parameter.Required = true;
                // The bounds IdempotencyKey.Refusal enforces.
                if (parameter.Schema is OpenApiSchema schema)
                {
                    schema.MinLength = 1;
                    schema.MaxLength = IdempotencyKey.MaxLength;
                }
            }
        }
    }
}
