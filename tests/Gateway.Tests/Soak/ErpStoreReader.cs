using Dapper;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.Gateway.Tests.Soak;

/// <summary>Reads the ERP's own tables, as an auditor would, beside the running service.</summary>
public sealed class ErpStoreReader(Database database)
{
    public async Task<IReadOnlyList<StoredBalance>> BalancesAsync()
    {
        const string sql = """
            SELECT sku AS Sku, location AS Location, on_hand AS OnHand, reserved AS Reserved, allocated AS Allocated,
                   damaged AS Damaged, inspection AS Inspection, in_transit AS InTransit, inbound AS Inbound, safety_stock AS SafetyStock
            FROM balances ORDER BY sku, location
            """;
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<StoredBalance>(sql)).AsList();
    }

    public async Task<IReadOnlyList<LedgerTotal>> LedgerTotalsAsync()
    {
        const string sql = """
            SELECT sku AS Sku, location AS Location, SUM(on_hand_delta) AS OnHand, SUM(reserved_delta) AS Reserved,
                   SUM(allocated_delta) AS Allocated, SUM(damaged_delta) AS Damaged, SUM(inspection_delta) AS Inspection,
                   SUM(in_transit_delta) AS InTransit, SUM(inbound_delta) AS Inbound, SUM(safety_stock_delta) AS SafetyStock
            FROM ledger GROUP BY sku, location
            """;
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<LedgerTotal>(sql)).AsList();
    }

    public async Task<IReadOnlyList<ActiveHold>> ActiveHoldsAsync()
    {
        const string sql = """
            SELECT reference AS Reference, sku AS Sku, location AS Location, SUM(quantity) AS Quantity
            FROM reservations WHERE state IN ('active', 'allocated') GROUP BY reference, sku, location
            """;
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<ActiveHold>(sql)).AsList();
    }
}
