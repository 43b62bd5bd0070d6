using System.Data.Common;
using Dapper;

namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>
/// Puts a message into a subscription's queue as it is, inside the caller's transaction: backfill snapshots and
/// replays, which never merge. The stream's events go through <see cref="FanOutPlan"/>, which supersedes.
/// </summary>
public static class WebhookMessages
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";

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
}
