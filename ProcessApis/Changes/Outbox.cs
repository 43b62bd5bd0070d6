using System.Data.Common;
using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.Changes;

/// <summary>Appends to and pages through outbox_events, always inside the caller's connection (and transaction, where given).</summary>
public static class Outbox
{
    /// <summary>Appends inside the caller's transaction: the events commit with the change they report, or not at all.</summary>
    public static async Task AppendAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }
        // Positions commit in order, so a reader paging by position never passes a row that commits later. The lock
        // leads each chunk's command (taking it again in the same transaction is free), a round trip saved per chunk.
        await MultiRow.ExecuteAsync(connection, transaction,
            Database.SerializeAppendsSql(connection, "outbox") + "INSERT INTO outbox_events (event_id, type, subject, channel_id, sku, sequence, data, correlation_id, occurred_at)",
            9, events, e => [e.EventId, e.Type, e.Subject, e.ChannelId, e.Sku, e.Sequence, e.Data, e.CorrelationId, e.OccurredAt], "", cancellationToken);
    }

    /// <summary>The statement reading up to @take rows of every channel after the position <paramref name="after"/> gives (a parameter or a subquery).</summary>
    public static string PageOfAllSql(string after) =>
        $"SELECT {OutboxEvent.Columns} FROM outbox_events WHERE position > {after} ORDER BY position LIMIT @take";

    /// <summary>The rows after a position in commit order, of one channel or of all.</summary>
    public static async Task<IReadOnlyList<OutboxEvent>> PageAsync(DbConnection connection, DbTransaction? transaction, long afterPosition, int take, string? channel, CancellationToken cancellationToken)
    {
        // Two statements, not one with "@channel IS NULL OR": PostgreSQL planned that one afresh on every call (its
        // generic plan costed worse than a custom one), a tenth of a millisecond each time a feed was read.
        var all = PageOfAllSql("@afterPosition");
        const string ofChannel = $"SELECT {OutboxEvent.Columns} FROM outbox_events WHERE position > @afterPosition AND channel_id = @channel ORDER BY position LIMIT @take";
        return (await connection.QueryAsync<OutboxEvent>(new CommandDefinition(channel is null ? all : ofChannel, new { afterPosition, take, channel }, transaction,
            cancellationToken: cancellationToken))).AsList();
    }
}
