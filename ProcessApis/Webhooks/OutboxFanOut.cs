using Dapper;
using IntegrationGateway.ProcessApis.Events;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.ProcessApis.Changes;

namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>
/// Reads new outbox rows after this consumer's cursor and queues each for every subscription of its channel that wants
/// its type, disabled ones included (their events are kept for when they come back). The cursor moves in the same
/// transaction, and its row is locked first, so two instances never fan the same rows out twice.
/// </summary>
public sealed class OutboxFanOut(Database database, WebhookClock clock)
{
    public const string Consumer = "webhooks";

    /// <summary>Fans out one batch; the number of outbox rows read (0 when caught up).</summary>
    public async Task<int> RunAsync(int batchSize, CancellationToken cancellationToken)
    {
        // Created on first use, locked and read in one statement (the upsert's update takes the row's lock), and the page
        // after it read in the same command: one round trip.
        var cursorSql = """
            INSERT INTO consumer_cursors (consumer, position, updated_at) VALUES (@Consumer, 0, @now)
            ON CONFLICT (consumer) DO UPDATE SET updated_at = excluded.updated_at
            RETURNING position;
            """ + "\n" + Outbox.PageOfAllSql("(SELECT position FROM consumer_cursors WHERE consumer = @Consumer)");
        const string moveSql = "UPDATE consumer_cursors SET position = @position, updated_at = @now WHERE consumer = @Consumer";
        var now = clock.NowMs;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        List<OutboxEvent> events;
        await using (var reads = await connection.QueryMultipleAsync(new CommandDefinition(cursorSql, new { Consumer, now, take = batchSize }, transaction, cancellationToken: cancellationToken)))
        {
            await reads.ReadSingleAsync<long>();
            events = (await reads.ReadAsync<OutboxEvent>()).AsList();
        }
        if (events.Count == 0)
        {
            return 0;
        }
        var channels = events.Where(e => e.ChannelId is not null).Select(e => e.ChannelId!).Distinct(StringComparer.Ordinal).ToArray();
        var subscriptions = channels.Length == 0
            ? []
            : (await connection.QueryAsync<SubscriptionRow>(new CommandDefinition(
                $"SELECT {SubscriptionRow.Columns} FROM webhook_subscriptions WHERE {database.Dialect.IsAnyOf("channel_id", "channels")}", new { channels = database.Dialect.AnyOf(channels) }, transaction, cancellationToken: cancellationToken))).ToList();
        var queued = new List<(string Subscription, OutboxEvent Event)>();
        foreach (var e in events)
        {
            foreach (var subscription in subscriptions.Where(s => s.ChannelId == e.ChannelId && s.StartPosition < e.Position && s.Wants(e.Type)))
            {
                queued.Add((subscription.Id, e));
            }
        }
        if (queued.Count > 0)
        {
            var plan = await FanOutPlan.PrepareAsync(connection, transaction, queued, now, cancellationToken);
            await plan.ApplyAsync(connection, transaction, now, cancellationToken);
        }
        await connection.ExecuteAsync(new CommandDefinition(moveSql, new { position = events[^1].Position, now, Consumer }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return events.Count;
    }
}
