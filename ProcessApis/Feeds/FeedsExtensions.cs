namespace IntegrationGateway.ProcessApis.Feeds;

public static class FeedsExtensions
{
    public static IHostApplicationBuilder AddFeeds(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FeedStore>();
        builder.Services.AddScoped<ChannelCatalogue>();
        return builder;
    }
}
