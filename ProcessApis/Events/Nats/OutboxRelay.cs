using IntegrationGateway.ServiceDefaults.Events;
using IntegrationGateway.ServiceDefaults.Feeds;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ProcessApis.Events.Nats;

/// <summary>
/// Publishes the outbox to JetStream promptly after commit: woken by the publisher's <see cref="FeedSignal"/> after
/// each commit of this instance, and by a short poll for rows another instance committed or could not relay. It does
/// nothing on the HTTP transport.
/// </summary>
public sealed class OutboxRelay(OutboxRelayPass pass, FeedSignal signal, IOptions<EventsOptions> options, TimeProvider time, ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Transport != EventTransport.Nats)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before the pass, so a commit during the pass wakes the next one.
            var next = signal.Next;
            try
            {
                while (await pass.RelayOnceAsync(stoppingToken) == OutboxRelayPass.BatchSize)
                {
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The rows stay unpublished; the next pass sends them again under the same Nats-Msg-Id.
                logger.LogWarning(failure, "Relaying the outbox to NATS failed; retrying");
            }
            try
            {
                await next.WaitAsync(Fallback, time, stoppingToken);
            }
            catch (TimeoutException)
            {
            }
        }
    }
}
