using System.Data.Common;
using Dapper;
using IntegrationGateway.ProcessApis.Changes;
using IntegrationGateway.ProcessApis.Sourcing;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.OrderBook;

/// <summary>Units of orders that wait for stock, served oldest first.</summary>
public sealed class BackorderStore(Database database, TimeProvider time)
{
    /// <summary>One pass looks at this many open backorders; the next pass goes on.</summary>
    public const int PassSize = 200;

    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string orderId, IReadOnlyList<Demand> waiting, long now, CancellationToken cancellationToken)
    {
        var open = waiting.Where(w => w.Quantity > 0).ToList();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO backorders (order_id, sku, quantity, state, created_at) VALUES (@orderId, @Sku, @Quantity, 'open', @now)
            """, open.Select(w => new { orderId, w.Sku, w.Quantity, now }), transaction, cancellationToken: cancellationToken));
        // Units owed to a backorder are no longer published as available.
        await AvailabilityMarks.MarkSkusAsync(connection, transaction, open.Select(w => w.Sku), now, cancellationToken);
    }

    public static async Task<IReadOnlyList<Demand>> OpenOfAsync(DbConnection connection, string orderId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(string Sku, long Quantity)>(new CommandDefinition(
            "SELECT sku, SUM(quantity) FROM backorders WHERE order_id = @orderId AND state = 'open' GROUP BY sku ORDER BY sku",
            new { orderId }, cancellationToken: cancellationToken)))
        .Select(r => new Demand(r.Sku, (int)r.Quantity)).ToList();

    /// <summary>The oldest open backorders of orders still live (of some SKUs only, when named), with what re-sourcing needs of their order.</summary>
    public async Task<IReadOnlyList<OpenBackorder>> ListOpenAsync(IReadOnlyCollection<string>? skus, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT b.id AS Id, b.order_id AS OrderId, b.sku AS Sku, b.quantity AS Quantity, o.channel AS Channel, o.ship_to_region AS ShipToRegion
            FROM backorders b JOIN orders o ON o.id = b.order_id
            WHERE b.state = 'open' AND o.state = 'reserved'{(skus is null ? "" : " AND " + database.Dialect.IsAnyOf("b.sku", "skus"))}
            ORDER BY b.id LIMIT {PassSize}
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<OpenBackorder>(new CommandDefinition(sql, new { skus = skus is null ? null : database.Dialect.AnyOf(skus) }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// Records units reserved for a backorder: its quantity falls and the placements appear together, only if the
    /// backorder is still open with the quantity the filler saw (a cancel or another filler got there first: false).
    /// </summary>
    public async Task<bool> FillAsync(OpenBackorder backorder, IReadOnlyList<PlannedAllocation> reserved, CancellationToken cancellationToken)
    {
        var filled = reserved.Sum(r => r.Quantity);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var moved = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE backorders SET quantity = quantity - @filled, state = CASE WHEN quantity = @filled THEN 'filled' ELSE 'open' END
            WHERE id = @Id AND state = 'open' AND quantity = @Quantity
            """, new { filled, backorder.Id, backorder.Quantity }, transaction, cancellationToken: cancellationToken));
        if (moved == 0)
        {
            return false;
        }
        await PlacementStore.InsertAsync(connection, transaction, backorder.OrderId, reserved, now, cancellationToken);
        await AvailabilityMarks.MarkSkusAsync(connection, transaction, [backorder.Sku], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>True when the backorder still waits for exactly what it did when it was listed.</summary>
    public async Task<bool> IsStillOpenAsync(OpenBackorder backorder, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM backorders WHERE id = @Id AND state = 'open' AND quantity = @Quantity",
            new { backorder.Id, backorder.Quantity }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<int> CancelOfAsync(string orderId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var skus = (await connection.QueryAsync<string>(new CommandDefinition("SELECT DISTINCT sku FROM backorders WHERE order_id = @orderId AND state = 'open'",
            new { orderId }, transaction, cancellationToken: cancellationToken))).AsList();
        var cancelled = await connection.ExecuteAsync(new CommandDefinition("UPDATE backorders SET state = 'cancelled' WHERE order_id = @orderId AND state = 'open'",
            new { orderId }, transaction, cancellationToken: cancellationToken));
        await AvailabilityMarks.MarkSkusAsync(connection, transaction, skus, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return cancelled;
    }

    public async Task<int> OpenUnitsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COALESCE(SUM(b.quantity), 0) FROM backorders b JOIN orders o ON o.id = b.order_id WHERE b.state = 'open' AND o.state = 'reserved'",
            cancellationToken: cancellationToken));
    }
}

public sealed record OpenBackorder
{
    public long Id { get; init; }
    public string OrderId { get; init; } = "";
    public string Sku { get; init; } = "";
    public int Quantity { get; init; }
    public string Channel { get; init; } = "";
    public string? ShipToRegion { get; init; }
}
