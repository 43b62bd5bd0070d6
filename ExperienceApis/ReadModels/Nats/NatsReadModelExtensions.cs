using IntegrationGateway.ServiceDefaults.Events;

namespace IntegrationGateway.ExperienceApis.ReadModels.Nats;

public static class NatsReadModelExtensions
{
    /// <summary>What keeps the read models current: the HTTP feeder, or with Events:Transport nats the JetStream consumer.</summary>
    public static IHostApplicationBuilder AddReadModelTransport(this IHostApplicationBuilder builder)
    {
        builder.AddEventsTransportOptions();
        builder.Services.AddSingleton<NatsReadModelFeeder>();
        builder.Services.AddHostedService<ReadModelTransport>();
        return builder;
    }
}
