using Asp.Versioning;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ExperienceApis.Storefront;
using IntegrationGateway.ServiceDefaults.Downstream;

namespace IntegrationGateway.ExperienceApis;

public static class StorefrontApi
{
    public const string DocumentName = "storefront-v1";

    public static IHostApplicationBuilder AddStorefront(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorefrontOptions>().Bind(builder.Configuration.GetSection(StorefrontOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        // The process API already retried the ERP; this layer repeats only calls that never arrived.
        builder.AddDownstreamClient<IInventoryProcessClient>("Process", DownstreamRetry.TransportFailuresOnly);
        builder.Services.AddApiVersioning(options =>
            {
                options.ReportApiVersions = true;
                options.ApiVersionReader = new UrlSegmentApiVersionReader();
            })
            .AddApiExplorer(options =>
            {
                options.GroupNameFormat = "'storefront-v'V";
                options.SubstituteApiVersionInUrl = true;
            });
        return builder;
    }

    public static WebApplication MapStorefrontApi(this WebApplication app)
    {
        app.UseMiddleware<UnsupportedVersionMiddleware>();
        var versions = app.NewApiVersionSet("storefront").HasApiVersion(StorefrontVersions.V1).ReportApiVersions().Build();
        var storefront = app.MapGroup("/storefront/v{version:apiVersion}").WithApiVersionSet(versions).MapToApiVersion(StorefrontVersions.V1);
        storefront.MapStorefrontAvailability().MapStorefrontOrders();
        return app;
    }
}
