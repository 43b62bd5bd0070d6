using System.Data.Common;
using Dapper;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.SystemApis.Events;

/// <summary>Stale events: recorded instead of applied, and paged in the order they arrived for people to review.</summary>
public sealed class StaleEventStore(Database database)
{
    private const string All = $"""
        SELECT {StaleEventRow.Columns} FROM stale_events
        WHERE id > @afterId ORDER BY id LIMIT @take
        """;
    private const string BySource = $"""
        SELECT {StaleEventRow.Columns} FROM stale_events
        WHERE source = @source AND id > @afterId ORDER BY id LIMIT @take
        """;

    /// <summary>Records the event once (a redelivery adds nothing); ids commit in order, as the ledger's do.</summary>
    public static async Task RecordAsync(DbConnection connection, DbTransaction transaction, InventoryEventRequest request, long supersededBy,
        long receivedAt, CancellationToken cancellationToken)
    {
        await Database.SerializeAppendsAsync(connection, transaction, "stale_events", cancellationToken);
        const string sql = """
            INSERT INTO stale_events (source, event_id, event_sequence, sku, location, kind, quantity, received_at, superseded_by_sequence)
            VALUES (@Source, @EventId, @Sequence, @Sku, @Location, @kind, @Quantity, @receivedAt, @supersededBy)
            ON CONFLICT (source, event_id) DO NOTHING
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            request.Source, request.EventId, request.Sequence, request.Sku, request.Location, kind = EventKinds.Name(request.Kind),
            request.Quantity, receivedAt, supersededBy,
        }, transaction, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<StaleEventRow>> PageAsync(string? source, long afterId, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StaleEventRow>(new CommandDefinition(source is null ? All : BySource,
            new { source, afterId, take }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
