using Dapper;
using IntegrationGateway.ProcessApis.Backorders;
using IntegrationGateway.ProcessApis.Fulfilment;
using IntegrationGateway.ProcessApis.Sourcing;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.Orders;

public sealed class OrderStore(Database database, TimeProvider time)
{
    public async Task InsertPendingAsync(string id, string channel, string orderRef, string? shipToRegion, string idempotencyKey, IReadOnlyList<Demand> lines, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        const string order = """
            INSERT INTO orders (id, channel, order_ref, ship_to_region, idempotency_key, state, created_at, updated_at)
            VALUES (@id, @channel, @orderRef, @shipToRegion, @idempotencyKey, 'pending', @now, @now)
            """;
        await connection.ExecuteAsync(new CommandDefinition(order, new { id, channel, orderRef, shipToRegion, idempotencyKey, now }, transaction, cancellationToken: cancellationToken));
        const string line = "INSERT INTO order_lines (order_id, line_no, sku, quantity) VALUES (@id, @LineNo, @Sku, @Quantity)";
        await connection.ExecuteAsync(new CommandDefinition(line,
            lines.Select((l, i) => new { id, LineNo = i + 1, l.Sku, l.Quantity }), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Records where the order was reserved and what waits for stock; false when recovery already took the order over.
    /// </summary>
    public async Task<bool> MarkReservedAsync(string id, IReadOnlyList<PlannedAllocation> allocations, IReadOnlyList<Demand> backordered, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        if (await MoveAsync(connection, transaction, id, OrderStates.Pending, OrderStates.Reserved, cancellationToken) == 0)
        {
            return false;
        }
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await PlacementStore.InsertAsync(connection, transaction, id, allocations, now, cancellationToken);
        await BackorderStore.InsertAsync(connection, transaction, id, backordered, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Moves an order from one state to another; false when it was not in <paramref name="from"/> (someone else moved it).</summary>
    public async Task<bool> MoveAsync(string id, string from, string to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await MoveAsync(connection, null, id, from, to, cancellationToken) == 1;
    }

    public async Task<OrderRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        const string orderSql = """
            SELECT id AS Id, channel AS Channel, order_ref AS OrderRef, state AS State, created_at AS CreatedAt, ship_to_region AS ShipToRegion
            FROM orders WHERE id = @id
            """;
        const string linesSql = "SELECT sku AS Sku, quantity AS Quantity FROM order_lines WHERE order_id = @id ORDER BY line_no";
        await using var connection = await database.OpenAsync(cancellationToken);
        var order = await connection.QuerySingleOrDefaultAsync<OrderRow>(new CommandDefinition(orderSql, new { id }, cancellationToken: cancellationToken));
        if (order is null)
        {
            return null;
        }
        var lines = await connection.QueryAsync<LineRow>(new CommandDefinition(linesSql, new { id }, cancellationToken: cancellationToken));
        var placements = await PlacementStore.ListAsync(connection, id, cancellationToken);
        var backordered = await BackorderStore.OpenOfAsync(connection, id, cancellationToken);
        return new OrderRecord(order.Id, order.Channel, order.OrderRef, order.State, DateTimeOffset.FromUnixTimeMilliseconds(order.CreatedAt), order.ShipToRegion,
            lines.Select(l => new Demand(l.Sku, l.Quantity)).ToList(), placements, backordered);
    }

    /// <summary>Orders left mid-way (a crash, an outage) for longer than <paramref name="age"/>.</summary>
    public async Task<IReadOnlyList<StrandedOrder>> ListStrandedAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id AS Id, channel AS Channel, idempotency_key AS IdempotencyKey, state AS State FROM orders
            WHERE state IN ('pending', 'compensating') AND updated_at < @before ORDER BY updated_at LIMIT 100
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var before = time.GetUtcNow().Subtract(age).ToUnixTimeMilliseconds();
        return (await connection.QueryAsync<StrandedOrder>(new CommandDefinition(sql, new { before }, cancellationToken: cancellationToken))).AsList();
    }

    private Task<int> MoveAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string id, string from, string to, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("UPDATE orders SET state = @to, updated_at = @now WHERE id = @id AND state = @from",
            new { id, from, to, now = time.GetUtcNow().ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));

    private sealed record OrderRow
    {
        public string Id { get; init; } = "";
        public string Channel { get; init; } = "";
        public string OrderRef { get; init; } = "";
        public string State { get; init; } = "";
        public long CreatedAt { get; init; }
        public string? ShipToRegion { get; init; }
    }

    private sealed record LineRow
    {
        public string Sku { get; init; } = "";
        public int Quantity { get; init; }
    }
}
