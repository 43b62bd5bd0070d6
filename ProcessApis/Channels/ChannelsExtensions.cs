namespace IntegrationGateway.ProcessApis.Channels;

public static class ChannelsExtensions
{
    public static IHostApplicationBuilder AddChannels(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ChannelStore>();
        builder.Services.AddHostedService<ChannelSeeder>();
        return builder;
    }
}
