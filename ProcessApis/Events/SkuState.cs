using System.Data.Common;
using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.Events;

/// <summary>What the publisher reads of some SKUs in its transaction: positions, what was published, what backorders are owed, and how far the stock events are applied.</summary>
internal sealed class SkuState
{
    public required ILookup<string, StockPosition> Positions { get; init; }
    public required IReadOnlyDictionary<(string Channel, string Sku), PublishedRow> Published { get; init; }
    public required ILookup<string, OwedRow> Owed { get; init; }

    /// <summary>Units the ERP still reserves for cart holds that have expired but are not swept yet: free again (DESIGN.md).</summary>
    public required IReadOnlyDictionary<(string Sku, string Location), int> Expired { get; init; }

    /// <summary>The stock-event consumer's position when the state was read: the source version of the figures.</summary>
    public required long SourceVersion { get; init; }

    /// <summary>The five reads as one command: one round trip on PostgreSQL, where each had been one of the pass's.</summary>
    public static async Task<SkuState> ReadAsync(SqlDialect dialect, DbConnection connection, DbTransaction transaction, string[] skus, long now, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT {StockPosition.Columns} FROM stock_positions WHERE {dialect.IsAnyOf("sku", "skus")} ORDER BY sku, location;
            SELECT channel_id AS Channel, sku AS Sku, sequence AS Sequence, available AS Available, locations AS Locations, backorder_eta AS BackorderEta
            FROM channel_availability WHERE {dialect.IsAnyOf("sku", "skus")};
            SELECT b.sku AS Sku, o.channel AS Channel, SUM(b.quantity) AS Units
            FROM backorders b JOIN orders o ON o.id = b.order_id
            WHERE b.state = 'open' AND o.state = 'reserved' AND {dialect.IsAnyOf("b.sku", "skus")}
            GROUP BY b.sku, o.channel;
            SELECT sku, location, SUM(quantity) FROM holds
            WHERE {dialect.IsAnyOf("sku", "skus")} AND state IN ('active', 'releasing') AND expires_at <= @now
            GROUP BY sku, location;
            SELECT position FROM consumer_cursors WHERE consumer = @consumer
            """;
        // One JSON text (SQLite) or array (PostgreSQL) for the four reads by SKU.
        await using var reads = await connection.QueryMultipleAsync(new CommandDefinition(sql,
            new { skus = dialect.AnyOf(skus), now, consumer = StockEventConsumer.Consumer }, transaction, cancellationToken: cancellationToken));
        var positions = await reads.ReadAsync<StockPosition>();
        var published = await reads.ReadAsync<PublishedRow>();
        // Units a waiting backorder of a live order is owed are promised already: no channel that could fill it is told them.
        var owed = await reads.ReadAsync<OwedRow>();
        var expired = await reads.ReadAsync<(string Sku, string Location, long Units)>();
        var sourceVersion = await reads.ReadSingleOrDefaultAsync<long?>() ?? 0;
        return new SkuState
        {
            Expired = expired.ToDictionary(e => (e.Sku, e.Location), e => (int)e.Units),
            Positions = positions.ToLookup(p => p.Sku, StringComparer.Ordinal),
            Published = published.ToDictionary(p => (p.Channel, p.Sku)),
            Owed = owed.ToLookup(o => o.Sku, StringComparer.Ordinal),
            SourceVersion = sourceVersion,
        };
    }

    public sealed record PublishedRow
    {
        public string Channel { get; init; } = "";
        public string Sku { get; init; } = "";
        public long Sequence { get; init; }
        public int Available { get; init; }
        public string Locations { get; init; } = "[]";
        public long? BackorderEta { get; init; }
    }

    public sealed record OwedRow
    {
        public string Sku { get; init; } = "";
        public string Channel { get; init; } = "";
        public long Units { get; init; }
    }
}
