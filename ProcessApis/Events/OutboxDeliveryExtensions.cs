using IntegrationGateway.ProcessApis.Events.Nats;
using IntegrationGateway.ServiceDefaults.Events;

namespace IntegrationGateway.ProcessApis.Events;

public static class OutboxDeliveryExtensions
{
    /// <summary>
    /// How outbox rows leave and when they go: the "Events" options (Transport http or nats), the NATS relay (idle on
    /// http, where the events feed reads the outbox itself) and the pruning of rows past the retention.
    /// </summary>
    public static IHostApplicationBuilder AddOutboxDelivery(this IHostApplicationBuilder builder)
    {
        builder.AddEventsTransportOptions();
        builder.AddNatsRelay();
        builder.Services.AddSingleton<OutboxPruner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxPruner>());
        return builder;
    }
}
