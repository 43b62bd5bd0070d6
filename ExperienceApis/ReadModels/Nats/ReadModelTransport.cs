using IntegrationGateway.ServiceDefaults.Events;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ExperienceApis.ReadModels.Nats;

/// <summary>Runs the feeder of the configured transport: the HTTP events feed (default) or the JetStream stream.</summary>
public sealed class ReadModelTransport(IServiceProvider services, IOptions<EventsOptions> options) : IHostedService
{
    private IHostedService? _started;

    // Chosen when the host starts, once configuration is final (a test host's settings included), and kept: stopping
    // must not ask the container again, which a host being torn down may have disposed already.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _started = options.Value.Transport == EventTransport.Nats
            ? services.GetRequiredService<NatsReadModelFeeder>()
            : services.GetRequiredService<ReadModelFeeder>();
        return _started.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _started?.StopAsync(cancellationToken) ?? Task.CompletedTask;
}
