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

    /// <summary>
    /// Sends what is due: claims it in one transaction, sends a few at once, and records every outcome in one
    /// transaction, so a pass costs two writes however many messages it carries.
    /// </summary>
    public async Task SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var due = await queue.DueAsync(clock.NowMs, settings.BatchSize, cancellationToken);
        if (due.Count == 0)
        {
            return;
        }
        var now = clock.Now;
        // Longer than an attempt can take, so only a lease left by a crash is taken over.
        var leaseUntil = now + settings.AttemptTimeout * 3 + TimeSpan.FromSeconds(30);
        var claimed = await queue.ClaimAsync(due, _owner, now.ToUnixTimeMilliseconds(), leaseUntil.ToUnixTimeMilliseconds(), cancellationToken);
        var outcomes = new DeliveryQueue.Outcome[claimed.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, claimed.Count), new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
            async (i, token) => outcomes[i] = await SendAsync(claimed[i], settings, token));
        await queue.RecordAsync(outcomes, _owner, CancellationToken.None);
    }

    private async Task<DeliveryQueue.Outcome> SendAsync(DeliveryQueue.Claimed claimed, WebhookOptions settings, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        WebhookSender.Result result;
        try
        {
            result = await sender.SendAsync(claimed.Subscription, claimed.Message.WebhookId, claimed.Message.Body, now, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // Recorded as a failed attempt like any other, so one odd failure does not hold back its batch's outcomes.
            logger.LogWarning(failure, "Sending webhook {WebhookId} failed", claimed.Message.WebhookId);
            result = new WebhookSender.Result(null, "The request could not be sent.", null);
        }
        var attemptedAt = now.ToUnixTimeMilliseconds();
        var next = result.Delivered ? (long?)null : (now + RetryDelays.After(claimed.Message.Attempts + 1, result.RetryAfter, settings)).ToUnixTimeMilliseconds();
        return new DeliveryQueue.Outcome(claimed, attemptedAt, result.Status, result.Error, result.Delivered, next,
            failingSince => DisableReason(result, failingSince, attemptedAt, settings));
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
