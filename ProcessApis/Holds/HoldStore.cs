using System.Data.Common;
using Dapper;
using IntegrationGateway.ProcessApis.Sourcing;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.ProcessApis.Holds;

public sealed class HoldStore(Database database, HoldClock clock)
{
    private const string Columns = """
        reference AS Reference, cart_id AS CartId, channel AS Channel, sku AS Sku, location AS Location,
        quantity AS Quantity, expires_at AS ExpiresAt, state AS State
        """;

    /// <summary>Written before the ERP is asked, so a crash mid-way leaves rows the sweeper releases once they expire.</summary>
    public async Task InsertAsync(string reference, string cartId, string channel, string idempotencyKey, IReadOnlyList<PlannedAllocation> allocations, DateTimeOffset expiresAt,
        CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO holds (reference, cart_id, channel, sku, location, quantity, expires_at, state, created_at, idempotency_key)
            VALUES (@reference, @cartId, @channel, @Sku, @Location, @Quantity, @expires, 'active', @now, @idempotencyKey)
            """;
        var expires = expiresAt.ToUnixTimeMilliseconds();
        var now = clock.Now.ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql,
            allocations.Select(a => new { reference, cartId, channel, idempotencyKey, a.Sku, a.Location, a.Quantity, expires, now }), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Every unexpired active hold of the cart now expires together, at the later of its own expiry and <paramref name="expiresAt"/>.</summary>
    public async Task<DateTimeOffset> ExtendAsync(string cartId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        const string latest = "SELECT MAX(expires_at) FROM holds WHERE cart_id = @cartId AND state = 'active' AND expires_at > @now";
        const string extend = "UPDATE holds SET expires_at = @until WHERE cart_id = @cartId AND state = 'active' AND expires_at > @now";
        var now = clock.Now.ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        var current = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(latest, new { cartId, now }, transaction, cancellationToken: cancellationToken));
        var until = Math.Max(current ?? 0, expiresAt.ToUnixTimeMilliseconds());
        await connection.ExecuteAsync(new CommandDefinition(extend, new { cartId, now, until }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return DateTimeOffset.FromUnixTimeMilliseconds(until);
    }

    /// <summary>A count took units of a hold back at the ERP: the hold keeps the rest, or ends when nothing is left.</summary>
    public async Task ShrinkAsync(string reference, string sku, string location, int units, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE holds SET quantity = CASE WHEN quantity > @units THEN quantity - @units ELSE quantity END,
                state = CASE WHEN quantity > @units THEN state ELSE 'short' END
            WHERE reference = @reference AND sku = @sku AND location = @location AND state = 'active'
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { reference, sku, location, units }, cancellationToken: cancellationToken));
    }

    /// <summary>Moves the rows of a reference from one state to another; the count says how many were still in <paramref name="from"/>.</summary>
    public async Task<int> MoveAsync(string reference, string from, string to, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE holds SET state = @to WHERE reference = @reference AND state = @from";
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { reference, from, to }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Claims the cart's unexpired active holds for the order they become and, in the same transaction, lets
    /// <paramref name="withClaimed"/> write that order: a confirming hold always names a pending order, so recovery can
    /// finish the confirm after a crash. Expired holds stay for the sweeper. Nothing is written when nothing was claimed.
    /// </summary>
    public async Task<IReadOnlyList<HoldRow>> ClaimForOrderAsync(string cartId, string orderId, Func<DbConnection, DbTransaction, IReadOnlyList<HoldRow>, Task> withClaimed,
        CancellationToken cancellationToken)
    {
        const string claim = "UPDATE holds SET state = 'confirming', order_id = @orderId WHERE cart_id = @cartId AND state = 'active' AND expires_at > @now";
        var select = $"SELECT {Columns} FROM holds WHERE order_id = @orderId AND state = 'confirming' ORDER BY sku, location, reference";
        var now = clock.Now.ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(claim, new { cartId, orderId, now }, transaction, cancellationToken: cancellationToken));
        var rows = (await connection.QueryAsync<HoldRow>(new CommandDefinition(select, new { orderId }, transaction, cancellationToken: cancellationToken))).AsList();
        if (rows.Count == 0)
        {
            return rows;
        }
        await withClaimed(connection, transaction, rows);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    /// <summary>References a hold request under a channel's Idempotency-Key made that still hold stock.</summary>
    public async Task<IReadOnlyList<string>> ActiveReferencesOfKeyAsync(string channel, string idempotencyKey, CancellationToken cancellationToken)
    {
        const string sql = "SELECT DISTINCT reference FROM holds WHERE channel = @channel AND idempotency_key = @idempotencyKey AND state = 'active' ORDER BY reference";
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(sql, new { channel, idempotencyKey }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The holds becoming (or become) the order, in <paramref name="state"/>.</summary>
    public async Task<IReadOnlyList<HoldRow>> ListOfOrderAsync(string orderId, string state, CancellationToken cancellationToken)
    {
        var sql = $"SELECT {Columns} FROM holds WHERE order_id = @orderId AND state = @state ORDER BY sku, location, reference";
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<HoldRow>(new CommandDefinition(sql, new { orderId, state }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Moves the holds of an order from one state to another.</summary>
    public async Task<int> MoveOfOrderAsync(string orderId, string from, string to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await MoveOfOrderAsync(connection, null, orderId, from, to, cancellationToken);
    }

    /// <summary>Moves the holds of an order from one state to another, inside the caller's transaction when it has one.</summary>
    public static Task<int> MoveOfOrderAsync(DbConnection connection, DbTransaction? transaction, string orderId, string from, string to, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("UPDATE holds SET state = @to WHERE order_id = @orderId AND state = @from",
            new { orderId, from, to }, transaction, cancellationToken: cancellationToken));

    /// <summary>The cart's rows in any state, newest first, to learn its channel and whether it ever held anything.</summary>
    public async Task<IReadOnlyList<HoldRow>> ListAsync(string cartId, CancellationToken cancellationToken)
    {
        var sql = $"SELECT {Columns} FROM holds WHERE cart_id = @cartId ORDER BY created_at DESC, sku, location";
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<HoldRow>(new CommandDefinition(sql, new { cartId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>References with an expired active hold, or a release a crash interrupted.</summary>
    public async Task<IReadOnlyList<string>> ListToSweepAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT DISTINCT reference FROM holds
            WHERE (state = 'active' AND expires_at <= @now) OR state = 'releasing'
            ORDER BY reference LIMIT 100
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(sql, new { now = clock.Now.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Takes a reference's expired active rows for release; an unexpired row is never taken.</summary>
    public async Task<int> ClaimExpiredAsync(string reference, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE holds SET state = 'releasing' WHERE reference = @reference AND state = 'active' AND expires_at <= @now";
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { reference, now = clock.Now.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Units still reserved at the ERP for holds that no longer count against this reader: expired ones, and the
    /// reader's own cart's.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string Sku, string Location), int>> FreedAsync(IReadOnlyCollection<string> skus, string? cartId, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT sku AS Sku, location AS Location, SUM(quantity) AS Quantity FROM holds
            WHERE {database.Dialect.IsAnyOf("sku", "skus")} AND state IN ('active', 'releasing') AND (expires_at <= @now OR cart_id = @cartId)
            GROUP BY sku, location
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FreedRow>(new CommandDefinition(sql,
            new { skus = database.Dialect.AnyOf(skus), cartId = cartId ?? "", now = clock.Now.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => (r.Sku, r.Location), r => (int)r.Quantity);
    }

    private sealed record FreedRow
    {
        public string Sku { get; init; } = "";
        public string Location { get; init; } = "";
        public long Quantity { get; init; }
    }
}
