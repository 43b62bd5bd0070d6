using Dapper;
using IntegrationGateway.Contracts.Erp;
using IntegrationGateway.ServiceDefaults.Storage;
using IntegrationGateway.SystemApis.Idempotency;
using System.Data.Common;

namespace IntegrationGateway.SystemApis.Reservations;

/// <summary>
/// Reservations a count took back (state short) until the process says their references were re-sourced or
/// backordered. Counts may reach the ERP from anywhere, so the list is how none of them is left unanswered.
/// </summary>
public sealed class ShortReservations(Database database, TimeProvider time)
{
    public const int MaxListed = 100;

    private const string Columns = "id AS Id, reference AS Reference, sku AS Sku, location AS Location, quantity AS Quantity";

    public async Task<IReadOnlyList<Reservation>> ListUnresolvedAsync(CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT {Columns} FROM reservations WHERE state = 'short' AND short_resolved_at IS NULL
            ORDER BY released_at, id LIMIT {MaxListed}
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReservationLine>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToContract(ReservationState.Short)).ToList();
    }

    public async Task<StoredAnswer> ResolveAsync(DbConnection connection, DbTransaction transaction, ShortResolution resolution, CancellationToken cancellationToken)
    {
        var sql = $"""
            UPDATE reservations SET short_resolved_at = @now
            WHERE {database.Dialect.IsAnyOf("id", "ids")} AND state = 'short' AND short_resolved_at IS NULL
            RETURNING {Columns}
            """;
        var rows = await connection.QueryAsync<ReservationLine>(new CommandDefinition(sql,
            new { ids = database.Dialect.AnyOf(resolution.Ids.Distinct(StringComparer.Ordinal)), now = time.GetUtcNow().ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken));
        return StoredAnswer.Json(200, rows.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => r.ToContract(ReservationState.Short)).ToList());
    }
}
