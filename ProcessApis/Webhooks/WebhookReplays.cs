using Dapper;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.ProcessApis.Events;
using IntegrationGateway.ProcessApis.Changes;

namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>
/// Replays kept outbox events to a subscription under their original event ids (webhook-id), by event, time or
/// sequence, behind what is already queued for their SKU. A replay enables a disabled subscription again, and what
/// waited for it is then due at once.
/// </summary>
public sealed class WebhookReplays(Database database, WebhookClock clock)
{
    public const int MaxEvents = 10_000;

    public abstract record Outcome
    {
        public sealed record Done(WebhookReplay Answer) : Outcome;
        public sealed record KeyReused : Outcome;
        public sealed record NotFound(string Detail) : Outcome;
    }

    public async Task<Outcome> ReplayAsync(string channel, string id, string key, WebhookReplayRequest request, CancellationToken cancellationToken)
    {
        const string eventsSql = $"""
            SELECT {OutboxEvent.Columns} FROM outbox_events
            WHERE channel_id = @channel
              AND (@eventId IS NULL OR event_id = @eventId)
              AND (@since IS NULL OR occurred_at >= @since)
              AND (@sinceSequence IS NULL OR sequence >= @sinceSequence)
              AND (@sku IS NULL OR sku = @sku)
            ORDER BY position LIMIT @limit
            """;
        const string waitingSql = "SELECT webhook_id FROM webhook_messages WHERE subscription_id = @id AND state = 'pending'";
        const string enableSql = "UPDATE webhook_subscriptions SET enabled = 1, disabled_reason = NULL, failing_since = NULL WHERE id = @id";
        const string dueSql = "UPDATE webhook_messages SET next_attempt_at = @now WHERE subscription_id = @id AND state = 'pending' AND next_attempt_at > @now";
        var now = clock.NowMs;
        var scope = "webhooks:replay:" + id;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        switch (await WebhookKeys.ClaimAsync(connection, transaction, scope, key, IdempotencyKey.Fingerprint("replay-webhook", request), now, cancellationToken))
        {
            case WebhookKeys.Claim.Replay replay:
                return new Outcome.Done(WebhookKeys.Read<WebhookReplay>(replay.Body));
            case WebhookKeys.Claim.Mismatch:
                return new Outcome.KeyReused();
        }
        if (await SubscriptionStore.FindAsync(connection, transaction, channel, id, cancellationToken) is not { } subscription)
        {
            return new Outcome.NotFound($"No webhook subscription {id} for channel {channel}.");
        }
        var arguments = new
        {
            channel,
            eventId = request.EventId,
            since = request.Since?.ToUnixTimeMilliseconds(),
            sinceSequence = request.SinceSequence,
            sku = request.Sku,
            limit = MaxEvents,
        };
        var events = (await connection.QueryAsync<OutboxEvent>(new CommandDefinition(eventsSql, arguments, transaction, cancellationToken: cancellationToken)))
            .Where(e => subscription.Wants(e.Type)).ToList();
        if (request.EventId is { } eventId && events.Count == 0)
        {
            return new Outcome.NotFound($"Channel {channel} has no kept event {eventId} of the subscribed types.");
        }
        var waiting = (await connection.QueryAsync<string>(new CommandDefinition(waitingSql, new { id }, transaction, cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        var queued = 0;
        foreach (var e in events.Where(e => waiting.Add(e.EventId)))
        {
            // Each replayed event is its own message: it carries its own id, so it never absorbs another.
            await WebhookMessages.InsertAsync(connection, transaction, id, e.OrderKey, e.EventId, e.Type, mergeable: false, e.Sequence, e.Sequence,
                null, WebhookEvents.Body(e), now, cancellationToken);
            queued++;
        }
        if (!subscription.Enabled)
        {
            await connection.ExecuteAsync(new CommandDefinition(enableSql, new { id }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(dueSql, new { id, now }, transaction, cancellationToken: cancellationToken));
        }
        var answer = new WebhookReplay { Queued = queued, State = WebhookState.Enabled };
        await WebhookKeys.CompleteAsync(connection, transaction, scope, key, 202, answer, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome.Done(answer);
    }
}
