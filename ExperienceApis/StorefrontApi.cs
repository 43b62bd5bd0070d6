using Asp.Versioning;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ExperienceApis.Storefront;

namespace IntegrationGateway.ExperienceApis;

public static class StorefrontApi
{
    public const string Name = "storefront";

    public static readonly (string Name, string Title, string Version)[] Documents =
        [("storefront-v1", "Storefront API", "1.0"), ("storefront-v2", "Storefront API", "2.0")];

    public static IHostApplicationBuilder AddStorefront(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorefrontOptions>().Bind(builder.Configuration.GetSection(StorefrontOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.ConfigureSwaggerGen(options => options.OperationFilter<DeprecatedVersionFilter>());
        return builder;
    }

    /// <summary>Reported on every v1 response: Deprecation (RFC 9745), Sunset (RFC 8594) and their Link relations.</summary>
    public static void RetireV1(ApiVersioningOptions options)
    {
        options.Policies.Deprecate(Name, StorefrontVersions.V1).Effective(StorefrontVersions.V1DeprecatedFrom)
            .Link(StorefrontVersions.MigrationGuide).Title("Storefront v2 reference").Type("text/html");
        options.Policies.Sunset(Name, StorefrontVersions.V1).Effective(StorefrontVersions.V1Sunset)
            .Link(StorefrontVersions.MigrationGuide).Title("Storefront v2 reference").Type("text/html");
    }

    public static WebApplication MapStorefrontApi(this WebApplication app)
    {
        var versions = app.NewApiVersionSet(Name)
            .HasDeprecatedApiVersion(StorefrontVersions.V1)
            .HasApiVersion(StorefrontVersions.V2)
            .ReportApiVersions()
            .Build();
        app.MapVersion(Name, versions, StorefrontVersions.V1, ChannelType.Storefront)
            .MapStorefrontAvailability(StorefrontVersions.V1, StockLevels.V1Shapes)
            .MapStorefrontOrders(StorefrontVersions.V1)
            .MapStorefrontCarts(StorefrontVersions.V1);
        app.MapVersion(Name, versions, StorefrontVersions.V2, ChannelType.Storefront)
            .MapStorefrontAvailability(StorefrontVersions.V2, StockLevels.V2Shapes)
            .MapStorefrontOrders(StorefrontVersions.V2)
            .MapStorefrontCarts(StorefrontVersions.V2)
            .MapChannelWebhooks(Name, StorefrontVersions.V2);
        return app;
    }
}
