using IntegrationGateway.ServiceDefaults.Feeds;

namespace IntegrationGateway.ProcessApis.Events;

public static class EventsExtensions
{
    /// <summary>Channel availability computed on change: the ERP stock-event consumer, the publisher and the events feed.</summary>
    public static IHostApplicationBuilder AddEvents(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FeedSignal>();
        builder.Services.AddSingleton<Changes.AvailabilityWork>();
        builder.Services.AddSingleton<EventFeedStore>();
        builder.Services.AddSingleton<ChannelFigures>();
        builder.Services.AddSingleton<AvailabilityPublisher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AvailabilityPublisher>());
        builder.Services.AddSingleton<StockEventConsumer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StockEventConsumer>());
        builder.AddOutboxDelivery();
        return builder;
    }
}
