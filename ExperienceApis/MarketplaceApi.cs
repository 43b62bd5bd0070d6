using IntegrationGateway.Contracts.Process;
using Asp.Versioning;
using IntegrationGateway.ExperienceApis.Marketplace;

namespace IntegrationGateway.ExperienceApis;

/// <summary>
/// The marketplace experience API: one API for every marketplace channel, each caller seeing its own channel
/// (the token's channel claim), whose type the process API confirms. Shares the process client and versioning
/// of <see cref="ExperienceDefaults"/>.
/// </summary>
public static class MarketplaceApi
{
    public const string Name = "marketplace";

    public static readonly ApiVersion V1 = new(1);

    public static readonly (string Name, string Title, string Version)[] Documents = [("marketplace-v1", "Marketplace API", "1.0")];

    public static WebApplication MapMarketplaceApi(this WebApplication app)
    {
        var versions = app.NewApiVersionSet(Name).HasApiVersion(V1).ReportApiVersions().Build();
        app.MapVersion(Name, versions, V1, ChannelType.Marketplace)
            .MapInventoryFeed()
            .MapMarketplaceOrders()
            .MapChannelWebhooks(Name, V1);
        return app;
    }
}
