using System.Data.Common;
using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.Events;

/// <summary>What the publisher reads of some SKUs in its transaction: positions, what was published, what backorders are owed.</summary>
internal sealed class SkuState
{
    public required ILookup<string, StockPosition> Positions { get; init; }
    public required IReadOnlyDictionary<(string Channel, string Sku), PublishedRow> Published { get; init; }
    public required ILookup<string, OwedRow> Owed { get; init; }

    /// <summary>Units the ERP still reserves for cart holds that have expired but are not swept yet: free again (DESIGN.md).</summary>
    public required IReadOnlyDictionary<(string Sku, string Location), int> Expired { get; init; }

    public static async Task<SkuState> ReadAsync(SqlDialect dialect, DbConnection connection, DbTransaction transaction, string[] skus, long now, CancellationToken cancellationToken)
    {
        // One JSON text (SQLite) or array (PostgreSQL) for the four reads.
        var named = dialect.AnyOf(skus);
        var positions = await connection.QueryAsync<StockPosition>(new CommandDefinition(
            $"SELECT {StockPosition.Columns} FROM stock_positions WHERE {dialect.IsAnyOf("sku", "skus")} ORDER BY sku, location",
            new { skus = named }, transaction, cancellationToken: cancellationToken));
        var published = await connection.QueryAsync<PublishedRow>(new CommandDefinition(
            $"""
            SELECT channel_id AS Channel, sku AS Sku, sequence AS Sequence, available AS Available, locations AS Locations, backorder_eta AS BackorderEta
            FROM channel_availability WHERE {dialect.IsAnyOf("sku", "skus")}
            """,
            new { skus = named }, transaction, cancellationToken: cancellationToken));
        // Units a waiting backorder of a live order is owed are promised already: no channel that could fill it is told them.
        var owed = await connection.QueryAsync<OwedRow>(new CommandDefinition($"""
            SELECT b.sku AS Sku, o.channel AS Channel, SUM(b.quantity) AS Units
            FROM backorders b JOIN orders o ON o.id = b.order_id
            WHERE b.state = 'open' AND o.state = 'reserved' AND {dialect.IsAnyOf("b.sku", "skus")}
            GROUP BY b.sku, o.channel
            """, new { skus = named }, transaction, cancellationToken: cancellationToken));
        var expired = await connection.QueryAsync<(string Sku, string Location, long Units)>(new CommandDefinition($"""
            SELECT sku, location, SUM(quantity) FROM holds
            WHERE {dialect.IsAnyOf("sku", "skus")} AND state IN ('active', 'releasing') AND expires_at <= @now
            GROUP BY sku, location
            """, new { skus = named, now }, transaction, cancellationToken: cancellationToken));
        return new SkuState
        {
            Expired = expired.ToDictionary(e => (e.Sku, e.Location), e => (int)e.Units),
            Positions = positions.ToLookup(p => p.Sku, StringComparer.Ordinal),
            Published = published.ToDictionary(p => (p.Channel, p.Sku)),
            Owed = owed.ToLookup(o => o.Sku, StringComparer.Ordinal),
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
