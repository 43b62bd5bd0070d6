using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>
/// The due messages and their outcomes. Only the oldest waiting message of a subscription x SKU is due (order per SKU),
/// and a message is sent by whoever takes its lease: the conditional update admits one instance, on PostgreSQL as on
/// SQLite, and a lease left by a crash runs out.
/// </summary>
public sealed class DeliveryQueue(Database database)
{
    public async Task<IReadOnlyList<long>> DueAsync(long now, int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT m.id FROM webhook_messages m JOIN webhook_subscriptions s ON s.id = m.subscription_id
            WHERE m.state = 'pending' AND s.enabled = 1 AND m.next_attempt_at <= @now AND (m.lease_until IS NULL OR m.lease_until < @now)
              AND NOT EXISTS (SELECT 1 FROM webhook_messages o
                              WHERE o.subscription_id = m.subscription_id AND o.order_key = m.order_key AND o.state = 'pending' AND o.id < m.id)
            ORDER BY m.next_attempt_at, m.id LIMIT @limit
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition(sql, new { now, limit }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// The messages of <paramref name="ids"/> still free, each with its subscription, leased to <paramref name="owner"/>
    /// in one transaction; those another instance took first, or whose subscription is disabled, are left out.
    /// </summary>
    public async Task<IReadOnlyList<Claimed>> ClaimAsync(IReadOnlyList<long> ids, string owner, long now, long leaseUntil, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var claimSql = $"""
            UPDATE webhook_messages SET lease_owner = @owner, lease_until = @leaseUntil
            WHERE {database.Dialect.IsAnyOf("id", "ids")} AND state = 'pending' AND (lease_until IS NULL OR lease_until < @now)
              AND EXISTS (SELECT 1 FROM webhook_subscriptions s WHERE s.id = webhook_messages.subscription_id AND s.enabled = 1)
            RETURNING id AS Id, subscription_id AS SubscriptionId, webhook_id AS WebhookId, event_type AS EventType,
                      first_sequence AS FirstSequence, last_sequence AS LastSequence, body AS Body, attempts AS Attempts
            """;
        var subscriptionSql = $"SELECT {SubscriptionRow.Columns} FROM webhook_subscriptions WHERE {database.Dialect.IsAnyOf("id", "subscriptions")}";
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var messages = (await connection.QueryAsync<MessageRow>(new CommandDefinition(claimSql, new { ids = database.Dialect.AnyOf(ids), owner, leaseUntil, now }, transaction, cancellationToken: cancellationToken))).AsList();
        if (messages.Count == 0)
        {
            return [];
        }
        var subscriptions = (await connection.QueryAsync<SubscriptionRow>(new CommandDefinition(subscriptionSql,
            new { subscriptions = database.Dialect.AnyOf(messages.Select(m => m.SubscriptionId).Distinct(StringComparer.Ordinal)) }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
        await transaction.CommitAsync(cancellationToken);
        // In the order asked for (due order), so a caller sends the oldest first.
        var order = ids.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index);
        return messages
            .Where(m => subscriptions.TryGetValue(m.SubscriptionId, out var s) && s.Enabled)
            .OrderBy(m => order[m.Id])
            .Select(m => new Claimed(m, subscriptions[m.SubscriptionId]))
            .ToList();
    }

    /// <summary>
    /// Logs the attempts and settles their messages in one transaction: delivered, or due again at the outcome's next
    /// attempt. A success clears the subscription's failing streak; a failure starts one, and the outcome's
    /// <see cref="Outcome.Disable"/> says why the subscription stops (its messages stay).
    /// </summary>
    public async Task RecordAsync(IReadOnlyList<Outcome> outcomes, string owner, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
        {
            return;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        // A subscription's failing streak is cleared once for a run of successes, not once per message: the clear is
        // owed from a success on, and paid before its next failure or at the end.
        var clearOwed = new HashSet<string>(StringComparer.Ordinal);
        // Successes are the common case and are settled a run at a time, two statements for the run; a failure is
        // settled on its own, after the run before it, so the streak sees outcomes in their order.
        var delivered = new List<Outcome>();
        foreach (var outcome in outcomes)
        {
            if (outcome.Delivered)
            {
                delivered.Add(outcome);
                continue;
            }
            await RecordDeliveredAsync(connection, transaction, delivered, owner, clearOwed, cancellationToken);
            delivered.Clear();
            await RecordFailedAsync(connection, transaction, outcome, owner, clearOwed, cancellationToken);
        }
        await RecordDeliveredAsync(connection, transaction, delivered, owner, clearOwed, cancellationToken);
        if (clearOwed.Count > 0)
        {
            await ClearFailingAsync(connection, transaction, clearOwed, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Ends the failing streaks of <paramref name="subscriptions"/>, in one statement however many they are.</summary>
    private Task ClearFailingAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, IEnumerable<string> subscriptions,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE webhook_subscriptions SET failing_since = NULL WHERE {database.Dialect.IsAnyOf("id", "subscriptions")} AND failing_since IS NOT NULL",
            new { subscriptions = database.Dialect.AnyOf(subscriptions) }, transaction, cancellationToken: cancellationToken));

    private const string AttemptColumns = """
        INSERT INTO webhook_attempts (subscription_id, message_id, webhook_id, event_type, first_sequence, last_sequence, attempt, attempted_at,
            status_code, error, next_attempt_at)
        """;

    /// <summary>A run of successes: the messages still leased to this owner are marked delivered, and their attempts logged.</summary>
    private static async Task RecordDeliveredAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, IReadOnlyList<Outcome> run,
        string owner, HashSet<string> clearOwed, CancellationToken cancellationToken)
    {
        if (run.Count == 0)
        {
            return;
        }
        // One attempt time per message, so the update takes them from a VALUES list (column1 is the id on both engines).
        const string head = "UPDATE webhook_messages AS m SET state = 'delivered', attempts = attempts + 1, delivered_at = v.column2, lease_owner = NULL, lease_until = NULL\nFROM (";
        const string tail = """
            ) AS v
            WHERE m.id = v.column1 AND m.lease_owner = v.column3
            RETURNING id
            """;
        var settled = new HashSet<long>();
        foreach (var command in MultiRow.Commands(head, 3, run, o => [o.Claimed.Message.Id, o.AttemptedAt, owner], tail, transaction, cancellationToken))
        {
            settled.UnionWith(await connection.QueryAsync<long>(command));
        }
        // A message missing here lost its lease to another instance (or was deleted with its subscription): not ours to log.
        var logged = run.Where(o => settled.Contains(o.Claimed.Message.Id)).ToList();
        await MultiRow.ExecuteAsync(connection, transaction, AttemptColumns, 11, logged, o => AttemptValues(o, Truncate(o.Error), null), "", cancellationToken);
        foreach (var outcome in logged)
        {
            clearOwed.Add(outcome.Claimed.Message.SubscriptionId);
        }
    }

    private async Task RecordFailedAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, Outcome outcome, string owner,
        HashSet<string> clearOwed, CancellationToken cancellationToken)
    {
        const string retrySql = """
            UPDATE webhook_messages SET attempts = attempts + 1, next_attempt_at = @nextAttempt, lease_owner = NULL, lease_until = NULL
            WHERE id = @Id AND lease_owner = @owner
            """;
        const string failingSql = "UPDATE webhook_subscriptions SET failing_since = COALESCE(failing_since, @attemptedAt) WHERE id = @SubscriptionId RETURNING failing_since";
        const string disableSql = "UPDATE webhook_subscriptions SET enabled = 0, disabled_reason = @reason WHERE id = @SubscriptionId";
        var message = outcome.Claimed.Message;
        var (attemptedAt, error, nextAttempt) = (outcome.AttemptedAt, outcome.Error, outcome.NextAttempt);
        var updated = await connection.ExecuteAsync(new CommandDefinition(retrySql, new { message.Id, owner, nextAttempt }, transaction, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            // The lease ran out and another instance took the message over (or the subscription was deleted).
            return;
        }
        if (clearOwed.Remove(message.SubscriptionId))
        {
            await ClearFailingAsync(connection, transaction, [message.SubscriptionId], cancellationToken);
        }
        var failingSince = await connection.ExecuteScalarAsync<long>(new CommandDefinition(failingSql, new { message.SubscriptionId, attemptedAt }, transaction, cancellationToken: cancellationToken));
        var reason = outcome.Disable(failingSince);
        if (reason is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(disableSql, new { message.SubscriptionId, reason }, transaction, cancellationToken: cancellationToken));
        }
        var logged = reason is null ? error : string.IsNullOrEmpty(error) ? reason : $"{error} {reason}";
        await MultiRow.ExecuteAsync(connection, transaction, AttemptColumns, 11, [outcome],
            o => AttemptValues(o, Truncate(logged), reason is null ? nextAttempt : null), "", cancellationToken);
    }

    private static object?[] AttemptValues(Outcome outcome, string? error, long? next)
    {
        var message = outcome.Claimed.Message;
        return [message.SubscriptionId, message.Id, message.WebhookId, message.EventType, message.FirstSequence, message.LastSequence,
            message.Attempts + 1, outcome.AttemptedAt, outcome.Status, error, next];
    }

    /// <summary>One attempt's result: <see cref="Disable"/> is given when the subscription has been failing and says why it stops, if it does.</summary>
    public sealed record Outcome(Claimed Claimed, long AttemptedAt, int? Status, string? Error, bool Delivered, long? NextAttempt, Func<long, string?> Disable);

    private static string? Truncate(string? text) => text is { Length: > 500 } ? text[..500] : text;

    public sealed record Claimed(MessageRow Message, SubscriptionRow Subscription);

    public sealed record MessageRow
    {
        public long Id { get; init; }
        public string SubscriptionId { get; init; } = "";
        public string WebhookId { get; init; } = "";
        public string EventType { get; init; } = "";
        public long? FirstSequence { get; init; }
        public long? LastSequence { get; init; }
        public string Body { get; init; } = "";
        public int Attempts { get; init; }
    }
}
