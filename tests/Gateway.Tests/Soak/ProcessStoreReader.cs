using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.Gateway.Tests.Soak;

/// <summary>Reads the process API's orders and where it recorded them as reserved.</summary>
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
        const string sql = "SELECT order_id AS OrderId, sku AS Sku, location AS Location, quantity AS Quantity FROM order_allocations";
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<StoredAllocation>(sql)).AsList();
    }
}
