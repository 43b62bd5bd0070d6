namespace IntegrationGateway.ProcessApis.Events.Nats;

public static class NatsRelayExtensions
{
    /// <summary>The relay of outbox rows to JetStream; it runs only when Events:Transport is nats.</summary>
    public static IHostApplicationBuilder AddNatsRelay(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OutboxRelayPass>();
        builder.Services.AddSingleton<OutboxRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        return builder;
    }
}
