using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.ProcessApis.Changes;

namespace IntegrationGateway.ProcessApis.Events;

/// <summary>Reads the outbox as a feed in commit order, and the figures each channel was last told.</summary>
public sealed class EventFeedStore(Database database)
{
    public async Task<IReadOnlyList<OutboxEvent>> PageAsync(long afterPosition, int take, string? channel, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Outbox.PageAsync(connection, null, afterPosition, take, channel, cancellationToken);
    }

    /// <summary>The position of the newest event in the outbox (0 when it is empty): how far a follower could be.</summary>
    public async Task<long> HeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT MAX(position) FROM outbox_events", cancellationToken: cancellationToken)) ?? 0;
    }

    /// <summary>
    /// A page of a channel's figures in SKU order, and the outbox position they are at least as new as: read in one
    /// transaction, so following the feed from that position misses nothing.
    /// </summary>
    public async Task<(IReadOnlyList<FigureRow> Figures, long Position)> FiguresAsync(string channel, string? afterSku, string? sku, int take, CancellationToken cancellationToken)
    {
        var filter = sku is not null ? " AND sku = @sku" : afterSku is not null ? " AND sku > @afterSku" : "";
        var sql = $"""
            SELECT sku AS Sku, available AS Available, sequence AS Sequence, locations AS Locations, backorder_eta AS BackorderEta, updated_at AS UpdatedAt
            FROM channel_availability WHERE channel_id = @channel{filter} ORDER BY sku LIMIT @take
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The position first: figures read after it are at least as new, and the feed from it repeats what they show.
        var position = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT MAX(position) FROM outbox_events", transaction: transaction, cancellationToken: cancellationToken)) ?? 0;
        var figures = (await connection.QueryAsync<FigureRow>(new CommandDefinition(sql, new { channel, afterSku, sku, take }, transaction, cancellationToken: cancellationToken))).AsList();
        await transaction.CommitAsync(cancellationToken);
        return (figures, position);
    }

    public sealed record FigureRow
    {
        public string Sku { get; init; } = "";
        public int Available { get; init; }
        public long Sequence { get; init; }
        public string Locations { get; init; } = "[]";
        public long? BackorderEta { get; init; }
        public long UpdatedAt { get; init; }
    }
}
