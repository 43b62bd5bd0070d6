using System.Data.Common;
using Dapper;
using IntegrationGateway.ProcessApis.Changes;
using IntegrationGateway.ProcessApis.Sourcing;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.OrderBook;

/// <summary>Where each unit of an order stands. Every change is one statement or one transaction, conditional on the state it expects.</summary>
public sealed class PlacementStore(Database database, TimeProvider time)
{
    private const string Columns = "id AS Id, sku AS Sku, location AS Location, quantity AS Quantity, state AS State, pick_id AS PickId";

    public static Task InsertAsync(DbConnection connection, DbTransaction transaction, string orderId, IReadOnlyList<PlannedAllocation> allocations, long now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO order_placements (order_id, sku, location, quantity, state, updated_at)
            VALUES (@orderId, @Sku, @Location, @Quantity, 'reserved', @now)
            """, allocations.Select(a => new { orderId, a.Sku, a.Location, a.Quantity, now }), transaction, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<Placement>> ListAsync(DbConnection connection, string orderId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Placement>(new CommandDefinition($"SELECT {Columns} FROM order_placements WHERE order_id = @orderId ORDER BY sku, location, id",
            new { orderId }, cancellationToken: cancellationToken))).AsList();

    /// <summary>The order a WMS pick belongs to, with the pick's placements.</summary>
    public async Task<(string OrderId, IReadOnlyList<Placement> Placements)?> FindByPickAsync(string pickId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var orderId = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT order_id FROM order_placements WHERE pick_id = @pickId LIMIT 1", new { pickId }, cancellationToken: cancellationToken));
        if (orderId is null)
        {
            return null;
        }
        var placements = await connection.QueryAsync<Placement>(new CommandDefinition($"SELECT {Columns} FROM order_placements WHERE pick_id = @pickId ORDER BY id",
            new { pickId }, cancellationToken: cancellationToken));
        return (orderId, placements.AsList());
    }

    /// <summary>
    /// <paramref name="units"/> reserved units of the order's SKU at the location, oldest first (as the ERP's reservations
    /// were made), now belong to the pick; a placement larger than what is left is split.
    /// </summary>
    public async Task MarkAllocatedAsync(string orderId, string sku, string location, int units, string pickId, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var reserved = await connection.QueryAsync<Placement>(new CommandDefinition(
            $"SELECT {Columns} FROM order_placements WHERE order_id = @orderId AND sku = @sku AND location = @location AND state = 'reserved' ORDER BY id",
            new { orderId, sku, location }, transaction, cancellationToken: cancellationToken));
        foreach (var placement in reserved)
        {
            if (units <= 0)
            {
                break;
            }
            if (placement.Quantity > units)
            {
                await connection.ExecuteAsync(new CommandDefinition("UPDATE order_placements SET quantity = quantity - @units WHERE id = @Id",
                    new { placement.Id, units }, transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO order_placements (order_id, sku, location, quantity, state, pick_id, updated_at)
                    VALUES (@orderId, @sku, @location, @units, 'allocated', @pickId, @now)
                    """, new { orderId, sku, location, units, pickId, now }, transaction, cancellationToken: cancellationToken));
                break;
            }
            await connection.ExecuteAsync(new CommandDefinition("UPDATE order_placements SET state = 'allocated', pick_id = @pickId, updated_at = @now WHERE id = @Id",
                new { placement.Id, pickId, now }, transaction, cancellationToken: cancellationToken));
            units -= placement.Quantity;
        }
        var channel = await ChannelOfAsync(connection, transaction, orderId, cancellationToken);
        await OrderEvents.AppendAsync(connection, transaction, OrderEvents.Allocated, orderId, channel,
            new { orderId, channel, sku, location, pickId }, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static Task<string> ChannelOfAsync(DbConnection connection, DbTransaction transaction, string orderId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT channel FROM orders WHERE id = @orderId", new { orderId }, transaction, cancellationToken: cancellationToken))!;

    public async Task MarkShippedAsync(string pickId, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var shipped = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE order_placements SET state = 'shipped', updated_at = @now WHERE pick_id = @pickId AND state = 'allocated'",
            new { pickId, now }, transaction, cancellationToken: cancellationToken));
        // A repeated ship confirm moves nothing and tells nobody again.
        if (shipped > 0 && await connection.QueryFirstOrDefaultAsync<(string OrderId, string Sku, string Location)?>(new CommandDefinition(
                "SELECT order_id, sku, location FROM order_placements WHERE pick_id = @pickId", new { pickId }, transaction, cancellationToken: cancellationToken)) is { } placement)
        {
            var channel = await ChannelOfAsync(connection, transaction, placement.OrderId, cancellationToken);
            await OrderEvents.AppendAsync(connection, transaction, OrderEvents.Shipped, placement.OrderId, channel,
                new { orderId = placement.OrderId, channel, sku = placement.Sku, location = placement.Location, pickId }, now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Units of the order's SKU at a location are gone (refused, counted short, or their pick withdrawn): they are
    /// replaced in one transaction by where they were sourced again and what now waits for stock.
    /// <paramref name="units"/> null means every unshipped unit there; otherwise that many reserved units, newest first.
    /// When the units were a short reservation, its resolution is recorded in the same transaction, so a resolver that
    /// takes over after a crash never sources them twice.
    /// </summary>
    public async Task ReplaceAsync(string orderId, string sku, string location, int? units, IReadOnlyList<PlannedAllocation> resourced, int backordered,
        CancellationToken cancellationToken, string? resolvesShort = null)
    {
        var now = Now();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        if (units is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM order_placements WHERE order_id = @orderId AND sku = @sku AND location = @location AND state <> 'shipped'",
                new { orderId, sku, location }, transaction, cancellationToken: cancellationToken));
        }
        else
        {
            await TakeReservedAsync(connection, transaction, orderId, sku, location, units.Value, cancellationToken);
        }
        await InsertAsync(connection, transaction, orderId, resourced, now, cancellationToken);
        await BackorderStore.InsertAsync(connection, transaction, orderId, backordered > 0 ? [new Demand(sku, backordered)] : [], now, cancellationToken);
        if (resolvesShort is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE short_resolutions SET outcome = @outcome, resolved_at = @now WHERE reservation_id = @resolvesShort",
                new { resolvesShort, outcome = backordered > 0 ? "backordered" : "re-sourced", now }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Unshipped units of the order's SKU at the location, and how many of them are reserved (not yet on a pick).</summary>
    public async Task<(int Unshipped, int Reserved)> AtAsync(string orderId, string sku, string location, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Placement>(new CommandDefinition(
            $"SELECT {Columns} FROM order_placements WHERE order_id = @orderId AND sku = @sku AND location = @location AND state <> 'shipped'",
            new { orderId, sku, location }, cancellationToken: cancellationToken));
        var list = rows.AsList();
        return (list.Sum(p => p.Quantity), list.Where(p => p.State == PlacementStates.Reserved).Sum(p => p.Quantity));
    }

    private static async Task TakeReservedAsync(DbConnection connection, DbTransaction transaction, string orderId, string sku, string location, int units, CancellationToken cancellationToken)
    {
        var reserved = await connection.QueryAsync<Placement>(new CommandDefinition(
            $"SELECT {Columns} FROM order_placements WHERE order_id = @orderId AND sku = @sku AND location = @location AND state = 'reserved' ORDER BY id DESC",
            new { orderId, sku, location }, transaction, cancellationToken: cancellationToken));
        foreach (var placement in reserved)
        {
            if (units <= 0)
            {
                break;
            }
            var take = Math.Min(units, placement.Quantity);
            var sql = take == placement.Quantity
                ? "DELETE FROM order_placements WHERE id = @Id"
                : "UPDATE order_placements SET quantity = quantity - @take WHERE id = @Id";
            await connection.ExecuteAsync(new CommandDefinition(sql, new { placement.Id, take }, transaction, cancellationToken: cancellationToken));
            units -= take;
        }
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
