using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace IntegrationGateway.ServiceDefaults.OpenApi;

public static class ContractDocumentExtensions
{
    /// <summary>
    /// Describes the service's endpoints as an OpenAPI document generated from the code, served at
    /// /openapi/{documentName}.json. Tests compare it with the checked-in contract, so drift fails the build.
    /// </summary>
    public static IHostApplicationBuilder AddContractDocument(this IHostApplicationBuilder builder, string documentName, string title) =>
        builder.AddContractDocuments(title, (documentName, "1.0"));

    /// <summary>One document per API version the service serves, each at /openapi/{name}.json.</summary>
    public static IHostApplicationBuilder AddContractDocuments(this IHostApplicationBuilder builder, string title, params (string Name, string Version)[] documents) =>
        builder.AddContractDocuments(documents.Select(d => (d.Name, title, d.Version)).ToArray());

    /// <summary>One document per API and version the service serves, each with its own title.</summary>
    public static IHostApplicationBuilder AddContractDocuments(this IHostApplicationBuilder builder, params (string Name, string Title, string Version)[] documents)
    {
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(options =>
        {
            foreach (var (name, title, version) in documents)
            {
                options.SwaggerDoc(name, new OpenApiInfo { Title = title, Version = version });
            }
            options.SupportNonNullableReferenceTypes();
            // An optional enum is a $ref, which cannot say nullable beside it in OpenAPI 3.0; wrapped in allOf it can.
            options.UseAllOfToExtendReferenceSchemas();
            options.CustomOperationIds(api => ContractOperation.Of(api.ActionDescriptor.EndpointMetadata));
            options.SchemaFilter<PresentValuesAreRequiredFilter>();
            options.OperationFilter<IdempotencyKeyIsRequiredFilter>();
            options.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT issued for the calling client.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("Bearer", document)] = [],
            });
        });
        return builder;
    }

    public static WebApplication MapContractDocument(this WebApplication app)
    {
        app.UseSwagger(options => options.RouteTemplate = "openapi/{documentName}.json");
        return app;
    }
}
