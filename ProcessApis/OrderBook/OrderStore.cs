using System.Data.Common;
using Dapper;
using IntegrationGateway.Contracts.Process;
using IntegrationGateway.ProcessApis.Changes;
using IntegrationGateway.ProcessApis.Idempotency;
using IntegrationGateway.ProcessApis.Sourcing;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.OrderBook;

public sealed class OrderStore(Database database, TimeProvider time)
{
    public async Task InsertPendingAsync(string id, string channel, string orderRef, string? shipToRegion, string idempotencyKey, IReadOnlyList<Demand> lines, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await InsertPendingAsync(connection, transaction, id, channel, orderRef, shipToRegion, idempotencyKey, lines, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The pending order inside the caller's transaction (a cart confirm writes it with the claim of its holds).</summary>
    public static async Task InsertPendingAsync(DbConnection connection, DbTransaction transaction, string id, string channel, string orderRef, string? shipToRegion,
        string idempotencyKey, IReadOnlyList<Demand> lines, long now, CancellationToken cancellationToken)
    {
        const string order = """
            INSERT INTO orders (id, channel, order_ref, ship_to_region, idempotency_key, state, created_at, updated_at)
            VALUES (@id, @channel, @orderRef, @shipToRegion, @idempotencyKey, 'pending', @now, @now)
            """;
        await connection.ExecuteAsync(new CommandDefinition(order, new { id, channel, orderRef, shipToRegion, idempotencyKey, now }, transaction, cancellationToken: cancellationToken));
        const string line = "INSERT INTO order_lines (order_id, line_no, sku, quantity) VALUES (@id, @LineNo, @Sku, @Quantity)";
        await connection.ExecuteAsync(new CommandDefinition(line,
            lines.Select((l, i) => new { id, LineNo = i + 1, l.Sku, l.Quantity }), transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Records where the order was reserved and what waits for stock, and completes the Idempotency-Key that placed it
    /// with the order as its answer, all in one transaction: a crash after this answers a retry with the order, never
    /// with "in progress". <paramref name="alongside"/> joins the transaction (a confirm marks its holds confirmed).
    /// Null when recovery already took the order over.
    /// </summary>
    public async Task<Order?> MarkReservedAsync(string id, IReadOnlyList<PlannedAllocation> allocations, IReadOnlyList<Demand> backordered, CancellationToken cancellationToken,
        Func<DbConnection, DbTransaction, Task>? alongside = null)
    {
        const string orderSql = """
            SELECT id AS Id, channel AS Channel, order_ref AS OrderRef, state AS State, created_at AS CreatedAt, ship_to_region AS ShipToRegion,
                   idempotency_key AS IdempotencyKey
            FROM orders WHERE id = @id
            """;
        const string linesSql = "SELECT sku AS Sku, quantity AS Quantity FROM order_lines WHERE order_id = @id ORDER BY line_no";
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        if (await MoveAsync(connection, transaction, id, OrderStates.Pending, OrderStates.Reserved, cancellationToken) == 0)
        {
            return null;
        }
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await PlacementStore.InsertAsync(connection, transaction, id, allocations, now, cancellationToken);
        await BackorderStore.InsertAsync(connection, transaction, id, backordered, now, cancellationToken);
        if (alongside is not null)
        {
            await alongside(connection, transaction);
        }
        var row = await connection.QuerySingleAsync<OrderRow>(new CommandDefinition(orderSql, new { id }, transaction, cancellationToken: cancellationToken));
        var lines = await connection.QueryAsync<LineRow>(new CommandDefinition(linesSql, new { id }, transaction, cancellationToken: cancellationToken));
        // The order exactly as it was just written: its placements are the allocations, its waiting units the backorders.
        var order = new OrderRecord(row.Id, row.Channel, row.OrderRef, OrderStates.Reserved, DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt), row.ShipToRegion,
            lines.Select(l => new Demand(l.Sku, l.Quantity)).ToList(),
            allocations.OrderBy(a => a.Sku, StringComparer.Ordinal).ThenBy(a => a.Location, StringComparer.Ordinal)
                .Select(a => new Placement { Sku = a.Sku, Location = a.Location, Quantity = a.Quantity, State = PlacementStates.Reserved }).ToList(),
            backordered.Where(b => b.Quantity > 0).ToList()).ToContract();
        await IdempotencyStore.CompleteAsync(connection, transaction, row.Channel, row.IdempotencyKey, 201, "application/json", order, cancellationToken);
        await OrderEvents.AppendAsync(connection, transaction, OrderEvents.Reserved, id, row.Channel, order, now, cancellationToken);
        if (backordered.Any(b => b.Quantity > 0))
        {
            await OrderEvents.AppendAsync(connection, transaction, OrderEvents.Backordered, id, row.Channel,
                new { orderId = id, channel = row.Channel, items = backordered.Where(b => b.Quantity > 0).Select(b => new { sku = b.Sku, quantity = b.Quantity }) }, now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return order;
    }

    /// <summary>The latest order placed under a channel's Idempotency-Key, with its state; null when none was.</summary>
    public async Task<(string Id, string State)?> FindByKeyAsync(string channel, string idempotencyKey, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id AS Id, state AS State FROM orders WHERE channel = @channel AND idempotency_key = @idempotencyKey
            ORDER BY created_at DESC, id DESC LIMIT 1
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<OrderRow>(new CommandDefinition(sql, new { channel, idempotencyKey }, cancellationToken: cancellationToken));
        return row is null ? null : (row.Id, row.State);
    }

    /// <summary>Moves an order from one state to another; false when it was not in <paramref name="from"/> (someone else moved it).</summary>
    public async Task<bool> MoveAsync(string id, string from, string to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        if (await MoveAsync(connection, transaction, id, from, to, cancellationToken) != 1)
        {
            return false;
        }
        // A channel hears of the moves it can act on: its order let go (cancelled) or refused for shortages.
        if (to is OrderStates.Cancelled or OrderStates.Rejected)
        {
            var channel = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT channel FROM orders WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
            await OrderEvents.AppendAsync(connection, transaction, to == OrderStates.Cancelled ? OrderEvents.Released : OrderEvents.Shorted, id, channel!,
                new { orderId = id, channel, state = to }, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
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

    private Task<int> MoveAsync(DbConnection connection, DbTransaction? transaction, string id, string from, string to, CancellationToken cancellationToken) =>
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
        public string IdempotencyKey { get; init; } = "";
    }

    private sealed record LineRow
    {
        public string Sku { get; init; } = "";
        public int Quantity { get; init; }
    }
}
