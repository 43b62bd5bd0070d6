using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.Gateway.Tests.Soak;

/// <summary>Reads the process API's orders and where it recorded their units as held (reserved or allocated).</summary>
public sealed class ProcessStoreReader(Database database)
{
    public async Task<IReadOnlyList<StoredOrder>> OrdersAsync()
    {
        const string sql = "SELECT id AS Id, channel AS Channel, idempotency_key AS IdempotencyKey, state AS State FROM orders";
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<StoredOrder>(sql)).AsList();
    }

    public async Task<IReadOnlyList<StoredAllocation>> AllocationsAsync()
    {
        // Shipped units hold nothing any more; reserved and allocated ones are held at the ERP under the order's id.
        const string sql = """
            SELECT order_id AS OrderId, sku AS Sku, location AS Location, SUM(quantity) AS Quantity FROM order_placements
            WHERE state IN ('reserved', 'allocated') GROUP BY order_id, sku, location
            """;
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<StoredAllocation>(sql)).AsList();
    }

    /// <summary>Units owed to waiting backorders of live orders, per SKU: promised already, so no channel is told them.</summary>
    public async Task<IReadOnlyDictionary<string, long>> OwedAsync()
    {
        const string sql = """
            SELECT b.sku AS Sku, SUM(b.quantity) AS Units FROM backorders b JOIN orders o ON o.id = b.order_id
            WHERE b.state = 'open' AND o.state = 'reserved' GROUP BY b.sku
            """;
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<(string Sku, long Units)>(sql)).ToDictionary(r => r.Sku, r => r.Units);
    }
}
