using System.Data.Common;
using Dapper;
using IntegrationGateway.Contracts.Erp;

namespace IntegrationGateway.SystemApis.Reservations;

/// <summary>Moves the reservation rows of a reference (optionally one SKU at one location) from one state to another.</summary>
public static class ReservationLines
{
    public static async Task<IReadOnlyList<ReservationLine>> MoveAsync(DbConnection connection, DbTransaction transaction, ReleaseRequest scope,
        string from, string to, long now, CancellationToken cancellationToken)
    {
        var oneBalance = scope.Sku is not null && scope.Location is not null;
        var sql = $"""
            UPDATE reservations SET state = @to, released_at = @now
            WHERE reference = @Reference AND state = @from{(oneBalance ? " AND sku = @Sku AND location = @Location" : "")}
            RETURNING id AS Id, reference AS Reference, sku AS Sku, location AS Location, quantity AS Quantity
            """;
        var rows = await connection.QueryAsync<ReservationLine>(new CommandDefinition(sql,
            new { scope.Reference, scope.Sku, scope.Location, from, to, now }, transaction, cancellationToken: cancellationToken));
        return rows.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }
}

public sealed record ReservationLine
{
    public string Id { get; init; } = "";
    public string Reference { get; init; } = "";
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public int Quantity { get; init; }

    public Reservation ToContract(ReservationState state) => new()
    {
        Id = Id, Reference = Reference, Sku = Sku, Location = Location, Quantity = Quantity, State = state,
    };
}
