using IntegrationGateway.ServiceDefaults.Feeds;
using Microsoft.Extensions.Options;

namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>
/// Fans new outbox rows out to the subscriptions, then sends what is due, a few messages at once, each under a lease;
/// then waits for the next published event or a poll interval (on the real clock: the webhook clock only judges what
/// is due). A failed pass is
/// logged and the next one tries again.
/// </summary>
public sealed class DeliveryWorker(OutboxFanOut fanOut, DeliveryQueue queue, WebhookSender sender, WebhookClock clock, FeedSignal published, TimeProvider time,
    IOptions<WebhookOptions> options, ILogger<DeliveryWorker> logger) : BackgroundService
{
    private readonly string _owner = "worker-" + Guid.NewGuid().ToString("N");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before the pass, so an event committed during it wakes the next one at once.
            var next = published.Next;
            try
            {
                while (await fanOut.RunAsync(options.Value.BatchSize, stoppingToken) == options.Value.BatchSize)
                {
                }
                await SendDueAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogWarning(failure, "Webhook delivery pass failed; the next pass retries");
            }
            // A new event (the publisher pulses after each commit) starts the next pass now; the interval is the
            // fallback for retries that fall due and for events committed by another instance.
            try
            {
                await next.WaitAsync(options.Value.PollInterval, time, stoppingToken);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    public async Task SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var due = await queue.DueAsync(clock.NowMs, settings.BatchSize, cancellationToken);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
            async (id, token) => await SendAsync(id, settings, token));
    }

    private async Task SendAsync(long id, WebhookOptions settings, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        // Longer than an attempt can take, so only a lease left by a crash is taken over.
        var leaseUntil = now + settings.AttemptTimeout * 3 + TimeSpan.FromSeconds(30);
        if (await queue.ClaimAsync(id, _owner, now.ToUnixTimeMilliseconds(), leaseUntil.ToUnixTimeMilliseconds(), cancellationToken) is not { } claimed)
        {
            return;
        }
        var result = await sender.SendAsync(claimed.Subscription, claimed.Message.WebhookId, claimed.Message.Body, now, cancellationToken);
        var attemptedAt = now.ToUnixTimeMilliseconds();
        var next = result.Delivered ? (long?)null : (now + RetryDelays.After(claimed.Message.Attempts + 1, result.RetryAfter, settings)).ToUnixTimeMilliseconds();
        await queue.RecordAsync(claimed, _owner, attemptedAt, result.Status, result.Error, result.Delivered, next,
            failingSince => DisableReason(result, failingSince, attemptedAt, settings), CancellationToken.None);
    }

    private static string? DisableReason(WebhookSender.Result result, long failingSince, long attemptedAt, WebhookOptions settings)
    {
        if (result.Status == 410)
        {
            return "Subscription disabled: the receiver answered 410 Gone. Its events are kept; a replay enables it again.";
        }
        return attemptedAt - failingSince >= (long)settings.DisableAfter.TotalMilliseconds
            ? $"Subscription disabled: deliveries failed since {DateTimeOffset.FromUnixTimeMilliseconds(failingSince):u} without a success for more than {settings.DisableAfter.TotalDays:0.#} days. Its events are kept; a replay enables it again."
            : null;
    }
}
