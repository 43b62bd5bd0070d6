using IntegrationGateway.ExperienceApis.Channels;
using Asp.Versioning;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ExperienceApis.Storefront;
using IntegrationGateway.ServiceDefaults.Downstream;
using IntegrationGateway.ServiceDefaults.Validation;

namespace IntegrationGateway.ExperienceApis;

public static class StorefrontApi
{
    public const string Name = "storefront";

    public static readonly (string Name, string Title, string Version)[] Documents =
        [("storefront-v1", "Storefront API", "1.0"), ("storefront-v2", "Storefront API", "2.0")];

    public static IHostApplicationBuilder AddStorefront(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Channels.ChannelTypes>();
        builder.Services.AddOptions<StorefrontOptions>().Bind(builder.Configuration.GetSection(StorefrontOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        // The process API already retried the ERP; this layer repeats only calls that never arrived.
        builder.AddDownstreamClient<IInventoryProcessClient>("Process", DownstreamRetry.TransportFailuresOnly);
        // Versioning serves every experience API of this deployable; policies name the API they retire.
        builder.Services.AddApiVersioning(options =>
            {
                options.ReportApiVersions = true;
                options.ApiVersionReader = new UrlSegmentApiVersionReader();
                // Reported on every v1 response: Deprecation (RFC 9745), Sunset (RFC 8594) and their Link relations.
                options.Policies.Deprecate(Name, StorefrontVersions.V1).Effective(StorefrontVersions.V1DeprecatedFrom)
                    .Link(StorefrontVersions.MigrationGuide).Title("Storefront v2 reference").Type("text/html");
                options.Policies.Sunset(Name, StorefrontVersions.V1).Effective(StorefrontVersions.V1Sunset)
                    .Link(StorefrontVersions.MigrationGuide).Title("Storefront v2 reference").Type("text/html");
            })
            .AddApiExplorer(options =>
            {
                // Each API's endpoints carry its name as group name: documents are storefront-v1, marketplace-v1, ...
                options.GroupNameFormat = "'v'V";
                options.FormatGroupName = (group, version) => $"{group}-{version}";
                options.SubstituteApiVersionInUrl = true;
            });
        builder.Services.ConfigureSwaggerGen(options => options.OperationFilter<DeprecatedVersionFilter>());
        return builder;
    }

    public static WebApplication MapStorefrontApi(this WebApplication app)
    {
        app.UseMiddleware<UnsupportedVersionMiddleware>();
        var versions = app.NewApiVersionSet(Name)
            .HasDeprecatedApiVersion(StorefrontVersions.V1)
            .HasApiVersion(StorefrontVersions.V2)
            .ReportApiVersions()
            .Build();
        var storefront = app.MapGroup("/storefront/v{version:apiVersion}").WithApiVersionSet(versions).WithGroupName(Name).WithContractValidation().WithChannelAdmission(ChannelType.Storefront);
        storefront.MapStorefrontAvailability(StorefrontVersions.V1, StockLevels.V1Shapes)
            .MapStorefrontAvailability(StorefrontVersions.V2, StockLevels.V2Shapes)
            .MapStorefrontOrders()
            .MapStorefrontCarts();
        return app;
    }
}
