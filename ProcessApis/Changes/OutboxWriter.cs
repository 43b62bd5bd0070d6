using System.Data.Common;
using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.Changes;

/// <summary>An event as this service writes it to its outbox, with its data already serialised as at commit.</summary>
public sealed record OutboxEvent(string EventId, string Type, string Subject, string? Channel, string? Sku, long? Sequence, string Data, string? CorrelationId, long OccurredAt);

/// <summary>Appends outbox rows inside the caller's transaction: the event commits with the change it reports, or not at all.</summary>
public static class OutboxWriter
{
    public static async Task AppendAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }
        // Positions commit in order, so a reader paging by position never passes a row that commits later.
        await Database.SerializeAppendsAsync(connection, transaction, "outbox", cancellationToken);
        const string sql = """
            INSERT INTO outbox_events (event_id, type, subject, channel_id, sku, sequence, data, correlation_id, occurred_at)
            VALUES (@EventId, @Type, @Subject, @Channel, @Sku, @Sequence, @Data, @CorrelationId, @OccurredAt)
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, events, transaction, cancellationToken: cancellationToken));
    }
}
