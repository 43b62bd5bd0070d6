using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IntegrationGateway.ServiceDefaults.OpenApi;

/// <summary>
/// A non-nullable value-type property of a contract type is always written, so it is required on the wire.
/// The generated DTOs mark required strings with [Required] but not ints and bools; this says the same of those.
/// </summary>
public sealed class PresentValuesAreRequiredFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null || context.Type.Namespace?.StartsWith("IntegrationGateway.Contracts", StringComparison.Ordinal) != true)
        {
            return;
        }
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            if (name is not null && property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null && concrete.Properties.ContainsKey(name))
            {
                concrete.Required ??= new HashSet<string>(StringComparer.Ordinal);
                concrete.Required.Add(name);
            }
        }
    }
}
