using Asp.Versioning;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ExperienceApis.Storefront;
using IntegrationGateway.ServiceDefaults.Downstream;

namespace IntegrationGateway.ExperienceApis;

public static class StorefrontApi
{
    public static readonly (string Name, string Version)[] Documents = [("storefront-v1", "1.0"), ("storefront-v2", "2.0")];

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
                // Reported on every v1 response: Deprecation (RFC 9745), Sunset (RFC 8594) and their Link relations.
                options.Policies.Deprecate(StorefrontVersions.V1).Effective(StorefrontVersions.V1DeprecatedFrom)
                    .Link(StorefrontVersions.MigrationGuide).Title("Storefront v2 reference").Type("text/html");
                options.Policies.Sunset(StorefrontVersions.V1).Effective(StorefrontVersions.V1Sunset)
                    .Link(StorefrontVersions.MigrationGuide).Title("Storefront v2 reference").Type("text/html");
            })
            .AddApiExplorer(options =>
            {
                options.GroupNameFormat = "'storefront-v'V";
                options.SubstituteApiVersionInUrl = true;
            });
        builder.Services.ConfigureSwaggerGen(options => options.OperationFilter<DeprecatedVersionFilter>());
        return builder;
    }

    public static WebApplication MapStorefrontApi(this WebApplication app)
    {
        app.UseMiddleware<UnsupportedVersionMiddleware>();
        var versions = app.NewApiVersionSet("storefront")
            .HasDeprecatedApiVersion(StorefrontVersions.V1)
            .HasApiVersion(StorefrontVersions.V2)
            .ReportApiVersions()
            .Build();
        var storefront = app.MapGroup("/storefront/v{version:apiVersion}").WithApiVersionSet(versions);
        storefront.MapStorefrontAvailability(StorefrontVersions.V1, StockLevels.V1Shapes)
            .MapStorefrontAvailability(StorefrontVersions.V2, StockLevels.V2Shapes)
            .MapStorefrontOrders();
        return app;
    }
}
