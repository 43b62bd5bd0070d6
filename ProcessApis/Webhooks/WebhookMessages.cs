using System.Data.Common;
using Dapper;
using IntegrationGateway.ProcessApis.Events;
using IntegrationGateway.ProcessApis.Changes;

namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>
/// Puts events into a subscription's queue, inside the caller's transaction. An availability figure supersedes the
/// figure of its SKU still waiting unsent (so a backed-up receiver gets the newest, with the range it covers); a
/// message already attempted is never changed, since its webhook-id must keep meaning the same body.
/// </summary>
public static class WebhookMessages
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";

    public static async Task<bool> EnqueueAsync(DbConnection connection, DbTransaction transaction, string subscription, OutboxEvent e, long now, CancellationToken cancellationToken)
    {
        if (e.Supersedable)
        {
            // Already covered by the stream or a backfill snapshot (replays aside): nothing to add.
            const string coveredSql = """
                SELECT COUNT(*) FROM webhook_messages
                WHERE subscription_id = @subscription AND order_key = @OrderKey AND last_sequence >= @Sequence
                  AND (mergeable = 1 OR event_type = 'inventory.availability.snapshot')
                """;
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(coveredSql, new { subscription, e.OrderKey, e.Sequence }, transaction, cancellationToken: cancellationToken)) > 0)
            {
                return false;
            }
            const string tailSql = """
                SELECT id AS Id, first_sequence AS FirstSequence, previous AS Previous, mergeable AS Mergeable, attempts AS Attempts,
                       lease_until AS LeaseUntil
                FROM webhook_messages
                WHERE subscription_id = @subscription AND order_key = @OrderKey AND state = 'pending'
                ORDER BY id DESC LIMIT 1
                """;
            var tail = await connection.QuerySingleOrDefaultAsync<Tail>(new CommandDefinition(tailSql, new { subscription, e.OrderKey }, transaction, cancellationToken: cancellationToken));
            if (tail is { Mergeable: true, Attempts: 0 } && (tail.LeaseUntil is null || tail.LeaseUntil < now))
            {
                // The lease and attempt count are checked again in the update: a sender may have just taken the message.
                const string supersedeSql = """
                    UPDATE webhook_messages SET webhook_id = @EventId, event_type = @Type, last_sequence = @Sequence, body = @body
                    WHERE id = @Id AND state = 'pending' AND attempts = 0 AND (lease_until IS NULL OR lease_until < @now)
                    """;
                var body = WebhookEvents.Body(e, tail.FirstSequence, tail.Previous);
                if (await connection.ExecuteAsync(new CommandDefinition(supersedeSql, new { e.EventId, e.Type, e.Sequence, body, tail.Id, now }, transaction, cancellationToken: cancellationToken)) == 1)
                {
                    return true;
                }
            }
        }
        await InsertAsync(connection, transaction, subscription, e.OrderKey, e.EventId, e.Type, e.Supersedable, e.Sequence, e.Sequence,
            e.Supersedable ? WebhookEvents.Previous(e) : null, WebhookEvents.Body(e), now, cancellationToken);
        return true;
    }

    public static Task InsertAsync(DbConnection connection, DbTransaction transaction, string subscription, string orderKey, string webhookId, string type,
        bool mergeable, long? firstSequence, long? lastSequence, int? previous, string body, long now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO webhook_messages (subscription_id, order_key, webhook_id, event_type, mergeable, first_sequence, last_sequence, previous,
                body, attempts, state, next_attempt_at, created_at)
            VALUES (@subscription, @orderKey, @webhookId, @type, @mergeableFlag, @firstSequence, @lastSequence, @previous, @body, 0, 'pending', @now, @now)
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql,
            new { subscription, orderKey, webhookId, type, mergeableFlag = mergeable ? 1 : 0, firstSequence, lastSequence, previous, body, now },
            transaction, cancellationToken: cancellationToken));
    }

    private sealed record Tail
    {
        public long Id { get; init; }
        public long? FirstSequence { get; init; }
        public int? Previous { get; init; }
        public bool Mergeable { get; init; }
        public int Attempts { get; init; }
        public long? LeaseUntil { get; init; }
    }
}
