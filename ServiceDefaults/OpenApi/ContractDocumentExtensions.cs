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
    public static IHostApplicationBuilder AddContractDocument(this IHostApplicationBuilder builder, string documentName, string title)
    {
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(documentName, new OpenApiInfo { Title = title, Version = "1.0" });
            options.SupportNonNullableReferenceTypes();
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
