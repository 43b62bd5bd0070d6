using IntegrationGateway.ServiceDefaults.Events;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ExperienceApis.ReadModels.Nats;

/// <summary>Runs the feeder of the configured transport: the HTTP events feed (default) or the JetStream stream.</summary>
public sealed class ReadModelTransport(IServiceProvider services, IOptions<EventsOptions> options) : IHostedService
{
    // Chosen when the host starts, once configuration is final (a test host's settings included).
    private IHostedService Feeder => options.Value.Transport == EventTransport.Nats
        ? services.GetRequiredService<NatsReadModelFeeder>()
        : services.GetRequiredService<ReadModelFeeder>();

    public Task StartAsync(CancellationToken cancellationToken) => Feeder.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Feeder.StopAsync(cancellationToken);
}
