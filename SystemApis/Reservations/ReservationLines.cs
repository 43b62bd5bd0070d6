using System.Data.Common;
using Dapper;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Storage;

namespace IntegrationGateway.SystemApis.Reservations;

/// <summary>
/// Where reservation rows are locked and moved. Every change that takes more than one of them (release, allocation,
/// shipment, transfer to another reference, cycle count) locks them here, in id order and before any balance row, so
/// two such changes wanting some of the same rows queue instead of each holding one the other waits for.
/// (An UPDATE locks rows in whatever order its plan visits them: a release found them by reference and a count by
/// balance, and on PostgreSQL the two deadlocked.)
/// </summary>
public static class ReservationLines
{
    private const string Columns = "id AS Id, reference AS Reference, sku AS Sku, location AS Location, quantity AS Quantity, state AS State, created_at AS CreatedAt";

    /// <summary>
    /// The rows matching <paramref name="where"/> (our own SQL, never input), locked until the transaction ends in the
    /// database's id order, and answered in ordinal id order whatever the database's collation.
    /// </summary>
    public static async Task<IReadOnlyList<ReservationLine>> LockAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        string where, object parameters, CancellationToken cancellationToken)
    {
        var sql = $"SELECT {Columns} FROM reservations WHERE {where} ORDER BY id{dialect.ForUpdate}";
        return (await connection.QueryAsync<ReservationLine>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)))
            .OrderBy(l => l.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Moves the reservations of a reference (optionally of one SKU at one location) that are in one of
    /// <paramref name="from"/> (our own state names) to <paramref name="to"/>; each line keeps the state it left.
    /// </summary>
    public static async Task<IReadOnlyList<ReservationLine>> MoveAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        ReleaseRequest scope, IReadOnlyCollection<string> from, string to, long now, CancellationToken cancellationToken)
    {
        var oneBalance = scope.Sku is not null && scope.Location is not null;
        var where = $"reference = @Reference AND state IN ({string.Join(", ", from.Select(s => $"'{s}'"))}){(oneBalance ? " AND sku = @Sku AND location = @Location" : "")}";
        var lines = await LockAsync(connection, transaction, dialect, where, new { scope.Reference, scope.Sku, scope.Location }, cancellationToken);
        if (lines.Count > 0)
        {
            var move = $"UPDATE reservations SET state = @to, released_at = @now WHERE {dialect.IsAnyOf("id", "ids")}";
            await connection.ExecuteAsync(new CommandDefinition(move, new { to, now, ids = dialect.AnyOf(lines.Select(l => l.Id)) }, transaction, cancellationToken: cancellationToken));
        }
        return lines;
    }
}

public sealed record ReservationLine
{
    public string Id { get; init; } = "";
    public string Reference { get; init; } = "";
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public int Quantity { get; init; }

    /// <summary>The state the row was in when it was locked.</summary>
    public string State { get; init; } = "";
    public long CreatedAt { get; init; }

    public Reservation ToContract(ReservationState state) => new()
    {
        Id = Id, Reference = Reference, Sku = Sku, Location = Location, Quantity = Quantity, State = state,
    };
}
