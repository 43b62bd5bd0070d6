using System.Collections;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IntegrationGateway.ServiceDefaults.Validation;

/// <summary>
/// The bounds of each SKU in a list (a repeated query parameter or a body's <c>skus</c>). Data annotations bound a
/// list, not its items, and the generated contract types carry none, so the check lives here and the served
/// document states it through <see cref="SkuItemsDocumentFilter"/>: a SKU past 64 characters is the caller's
/// mistake at every layer, never an outage one layer down.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class SkuItemsAttribute : ValidationAttribute
{
    public SkuItemsAttribute() : base($"Every SKU has 1 to {ContractLimits.Sku} characters.") { }

    public override bool IsValid(object? value) => value is not IEnumerable items || SkuItems.FirstInvalid(items.OfType<string?>()) < 0;
}

public static class SkuItems
{
    public static int FirstInvalid(IEnumerable<string?> skus) =>
        skus.Select((sku, index) => string.IsNullOrEmpty(sku) || sku.Length > ContractLimits.Sku ? index : -1).FirstOrDefault(i => i >= 0, -1);

    /// <summary>A validation problem naming the first SKU out of bounds (<c>skus[3]</c>), else null.</summary>
    public static IResult? Refusal(IEnumerable<string?> skus, string field) =>
        FirstInvalid(skus) is var bad and >= 0
            ? Problems.Problem.Validation($"{field}[{bad}]", $"A SKU has 1 to {ContractLimits.Sku} characters.")
            : null;
}

/// <summary>States the SKU item bounds in the served document: on [SkuItems] parameters and on the named body properties.</summary>
public sealed class SkuItemsDocumentFilter(params (Type Type, string Property)[] bodies) : IParameterFilter, ISchemaFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        if (context.ParameterInfo?.GetCustomAttributes(typeof(SkuItemsAttribute), false).Length > 0 && parameter.Schema?.Items is OpenApiSchema item)
        {
            Bound(item);
        }
    }

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        foreach (var (type, property) in bodies)
        {
            if (context.Type == type && schema is OpenApiSchema { Properties: { } properties }
                && properties.TryGetValue(property, out var list) && list.Items is OpenApiSchema item)
            {
                Bound(item);
            }
        }
    }

    private static void Bound(OpenApiSchema item)
    {
        item.MinLength = 1;
        item.MaxLength = ContractLimits.Sku;
    }
}

public static class SkuItemsDocumentExtensions
{
    /// <summary>Adds the SKU item bounds to the served document, for [SkuItems] parameters and these body properties.</summary>
    public static void AddSkuItemBounds(this SwaggerGenOptions options, params (Type Type, string Property)[] bodies)
    {
        var filter = new SkuItemsDocumentFilter(bodies);
        options.ParameterFilterDescriptors.Add(new FilterDescriptor { Type = typeof(SkuItemsDocumentFilter), FilterInstance = filter });
        options.SchemaFilterDescriptors.Add(new FilterDescriptor { Type = typeof(SkuItemsDocumentFilter), FilterInstance = filter });
    }
}
